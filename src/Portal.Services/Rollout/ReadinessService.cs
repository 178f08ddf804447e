using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Advisors;
using Portal.Domain.Coverage;
using Portal.Domain.Rollout;
using Portal.Domain.Time;
using Portal.Domain.Training;
using Portal.Services.Coverage;
using Portal.Services.Data;
using Portal.Services.Regions;

namespace Portal.Services.Rollout;

/// <summary>
/// A region's readiness for a switch (the gates of <see cref="ReadinessRule"/>) at a date, and its outlook. The
/// region's director and national administrators read it; other roles see the timeline only. The facts are read once
/// per call, in a few set queries, and every date is evaluated in memory.
/// </summary>
public sealed class ReadinessService(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>The gates on <paramref name="date"/> (recorded completions only), or null when the actor may not read the region.</summary>
    public async Task<ReadinessView?> GetAsync(Actor actor, string regionCode, DateOnly date, CancellationToken cancellationToken = default)
    {
        if (!AccessRules.CanReadSome(actor, Area.Rollout))
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var region = await ReadableRegionAsync(db, actor, regionCode, cancellationToken);
        if (region is null)
        {
            return null;
        }
        var facts = await LoadFactsAsync(db, region, [date], LocalCalendar.Paris.Today(clock), cancellationToken);
        return View(region, ReadinessRule.Evaluate(facts, date));
    }

    /// <summary>
    /// The outlook: the gates with the current plan (planned enrolments completed on their session's last day) at the
    /// planned switch date and every Monday from the coming one to 16 weeks ahead; null when the actor may not read the region.
    /// </summary>
    public async Task<OutlookView?> OutlookAsync(Actor actor, string regionCode, CancellationToken cancellationToken = default)
    {
        if (!AccessRules.CanReadSome(actor, Area.Rollout))
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var region = await ReadableRegionAsync(db, actor, regionCode, cancellationToken);
        return region is null ? null : await OutlookAsync(db, region, cancellationToken);
    }

    /// <summary>The outlook of every region the actor may read, in wave order (the national dashboard).</summary>
    public async Task<IReadOnlyList<OutlookView>> OutlooksAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        var readable = AccessRules.ReadableRegions(actor, Area.Rollout);
        if (readable is { Count: 0 })
        {
            return [];
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var regions = await db.Regions.AsNoTracking().Where(r => readable == null || readable.Contains(r.Id)).OrderBy(r => r.Wave).ToListAsync(cancellationToken);
        var result = new List<OutlookView>(regions.Count);
        foreach (var region in regions)
        {
            result.Add(await OutlookAsync(db, region, cancellationToken));
        }
        return result;
    }

    private async Task<OutlookView> OutlookAsync(PortalDbContext db, Domain.Regions.Region region, CancellationToken cancellationToken)
    {
        var today = LocalCalendar.Paris.Today(clock);
        var dates = ReadinessRule.OutlookDates(today, region.PlannedSwitchDate);
        var facts = await LoadFactsAsync(db, region, dates, today, cancellationToken);
        var outlook = ReadinessRule.Outlook(facts, dates);
        return new OutlookView(Summary(region), region.PlannedSwitchDate, outlook.Weeks.Select(w => View(region, w)).ToList(), outlook.EarliestReady,
            outlook.Blocking?.Code, ReadinessText.Outlook(outlook));
    }

    internal static async Task<Domain.Regions.Region?> ReadableRegionAsync(PortalDbContext db, Actor actor, string regionCode, CancellationToken cancellationToken)
    {
        var code = regionCode.ToUpperInvariant();
        var region = await db.Regions.AsNoTracking().SingleOrDefaultAsync(r => r.Code == code, cancellationToken);
        return region is not null && AccessRules.CanRead(actor, Area.Rollout, region.Id) ? region : null;
    }

    internal static ReadinessView View(Domain.Regions.Region region, Readiness readiness) =>
        new(Summary(region), region.Version, readiness.Date, readiness.Ready, readiness.Gates.Select(ReadinessText.View).ToList());

    private static RegionSummary Summary(Domain.Regions.Region r) => new(r.Id, r.Code, r.Name, r.Wave, r.Status, r.PlannedSwitchDate, r.ActualSwitchDate);

    /// <summary>
    /// The facts of a region's readiness at the given dates: the regions' waves, the thresholds, each active in-house
    /// advisor's progress on the required courses (completions, and sessions still to come from <paramref name="today"/>),
    /// and per channel the certified advisors and the coverage of every week starting at a date. Every query starts from
    /// the region's advisors (joined, not tested row by row), and each is asked once for all channels and all weeks.
    /// </summary>
    internal static async Task<ReadinessFacts> LoadFactsAsync(PortalDbContext db, Domain.Regions.Region region, IReadOnlyList<DateOnly> dates, DateOnly today,
        CancellationToken cancellationToken)
    {
        var regions = await db.Regions.AsNoTracking().Select(r => new RegionWave(r.Code, r.Wave, r.Status)).ToListAsync(cancellationToken);
        var settings = await Training.EnrolmentFacts.SettingsAsync(db, cancellationToken);
        var courses = await db.Courses.AsNoTracking().Where(c => c.RequiredForRegionalisation).OrderBy(c => c.Code)
            .Select(c => new RequiredCourse(c.Id, c.Title)).ToListAsync(cancellationToken);
        var courseIds = courses.Select(c => c.Id).ToList();

        var advisors = db.Advisors.AsNoTracking().Where(Advisor.ActiveInHouse).Where(a => a.Site!.RegionId == region.Id);
        var advisorIds = await advisors.Select(a => a.Id).ToListAsync(cancellationToken);
        var enrolments = await advisors
            .Join(db.Enrolments.Where(e => courseIds.Contains(e.Session!.CourseId))
                    .Where(Domain.Rules.Predicate.Or(Enrolment.CompletedAsOf(DateOnly.MaxValue), Enrolment.PlannedFrom(today))),
                a => a.Id, e => e.AdvisorId, (a, e) => new { e.AdvisorId, e.Session!.CourseId, e.Status, e.CompletedOn, LastDay = e.Session.Days.Max(d => d.Date) })
            .ToListAsync(cancellationToken);
        var progress = enrolments.ToLookup(e => e.AdvisorId);
        var people = advisorIds.Select(id => new AdvisorProgress(id, progress[id].GroupBy(e => e.CourseId).Select(g => new CourseProgress(g.Key,
            g.Where(e => e.Status == EnrolmentStatus.Completed).Select(e => e.CompletedOn).Min(),
            g.Where(e => e.Status == EnrolmentStatus.Planned).Select(e => (DateOnly?)e.LastDay).Min())).ToList())).ToList();

        return new ReadinessFacts
        {
            Region = region,
            Regions = regions,
            Settings = settings,
            RequiredCourses = courses,
            Advisors = people,
            Channels = await ChannelFactsAsync(db, region, advisors, dates, cancellationToken),
        };
    }

    private static async Task<List<ChannelFacts>> ChannelFactsAsync(PortalDbContext db, Domain.Regions.Region region, IQueryable<Advisor> advisors,
        IReadOnlyList<DateOnly> dates, CancellationToken cancellationToken)
    {
        var first = dates.Min();
        var last = dates.Max().AddDays(6);
        var channels = await db.Channels.AsNoTracking().Include(c => c.OpeningHours).Include(c => c.RequiredSkills)
            .AsSplitQuery().OrderBy(c => c.Id).ToListAsync(cancellationToken);
        // A night shift of the day before the first reaches into it.
        var shifts = (await advisors.Join(db.Shifts.Where(s => s.Date >= first.AddDays(-1) && s.Date <= last), a => a.Id, s => s.AdvisorId,
                (a, s) => new { s.ChannelId, s.AdvisorId, s.Date, s.Start, s.End, s.BreakStart, s.BreakMinutes })
            .ToListAsync(cancellationToken))
            .ToLookup(s => s.ChannelId, s => new PlannedShift(s.AdvisorId, s.Date, s.Start, s.End,
                s.BreakStart is { } pause && s.BreakMinutes > 0 ? new Domain.Assignments.ShiftBreak(pause, s.BreakMinutes) : null));
        var skills = (await advisors.Join(db.AdvisorSkills.Where(AdvisorSkill.Certified), a => a.Id, k => k.AdvisorId, (a, k) => new { k.AdvisorId, k.SkillId })
            .ToListAsync(cancellationToken)).ToLookup(k => k.AdvisorId, k => k.SkillId);
        var advisorIds = await advisors.Select(a => a.Id).ToListAsync(cancellationToken);
        var training = (await advisors.Join(db.Enrolments.Where(Enrolment.InTraining), a => a.Id, e => e.AdvisorId, (a, e) => e)
                .SelectMany(e => e.Session!.Days.Where(d => d.Date >= first && d.Date <= last), (e, d) => new { e.AdvisorId, d.Date })
                .ToListAsync(cancellationToken))
            .Select(t => (t.AdvisorId, t.Date)).ToHashSet();
        var absences = await advisors.Join(db.Absences.Where(b => b.FirstDay <= last && b.LastDay >= first), a => a.Id, b => b.AdvisorId, (a, b) => b)
            .AsNoTracking().ToListAsync(cancellationToken);
        var capacities = (await db.SubcontractorCapacities.AsNoTracking().Where(c => c.RegionId == region.Id).ToListAsync(cancellationToken))
            .ToLookup(c => c.ChannelId);

        var calculator = new CoverageCalculator(LocalCalendar.Paris);
        var result = new List<ChannelFacts>(channels.Count);
        foreach (var channel in channels)
        {
            // A channel that requires no skill takes every advisor.
            var required = channel.RequiredSkills.Select(s => s.SkillId).ToList();
            var certified = advisorIds.Where(id => required.All(skill => skills[id].Contains(skill))).ToHashSet();
            var demand = await CoverageService.DemandAsync(db, region, channel, first, last, cancellationToken);
            var byDate = shifts[channel.Id].ToLookup(s => s.Date);
            var channelCapacities = capacities[channel.Id].ToList();
            // Each week gets only its own shifts (and the night shifts of the day before), not the seventeen weeks'.
            var days = dates.Distinct().SelectMany(d => calculator.Compute(new CoverageInputs
            {
                Region = region,
                Channel = channel,
                Demand = demand,
                Shifts = Enumerable.Range(-1, 8).SelectMany(offset => byDate[d.AddDays(offset)]).ToList(),
                Certified = certified,
                TrainingDays = training,
                Absences = absences,
                Capacities = channelCapacities,
            }, d, 7)).ToList();
            result.Add(new ChannelFacts(channel.Code, certified.Count, days));
        }
        return result;
    }
}
