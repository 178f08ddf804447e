using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Advisors;
using Portal.Domain.Coverage;
using Portal.Domain.Rollout;
using Portal.Domain.Skills;
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
        return region is null ? null : await OutlookAsync(db, region, [], cancellationToken);
    }

    /// <summary>
    /// The outlook as it would be with <paramref name="sessions"/> planned too, nothing written: each counts as a planned
    /// session (the training gate counts its advisors done on its last day, the skills gate counts the skills it grants
    /// from that day, the coverage gate loses the shifts of its training days). Null when the actor may not read the region.
    /// </summary>
    public async Task<OutlookView?> OutlookWithAsync(Actor actor, string regionCode, IReadOnlyList<HypotheticalSession> sessions,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        if (!AccessRules.CanReadSome(actor, Area.Rollout))
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var region = await ReadableRegionAsync(db, actor, regionCode, cancellationToken);
        return region is null ? null : await OutlookAsync(db, region, sessions, cancellationToken);
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
        // Each region is read with its own context, so the regions' outlooks are computed side by side.
        var result = new OutlookView[regions.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, regions.Count), options, async (i, ct) =>
        {
            await using var regionDb = await dbFactory.CreateDbContextAsync(ct);
            result[i] = await OutlookAsync(regionDb, regions[i], [], ct);
        });
        return result;
    }

    private async Task<OutlookView> OutlookAsync(PortalDbContext db, Domain.Regions.Region region, IReadOnlyList<HypotheticalSession> sessions,
        CancellationToken cancellationToken)
    {
        var today = LocalCalendar.Paris.Today(clock);
        var dates = ReadinessRule.OutlookDates(today, region.PlannedSwitchDate);
        var facts = await LoadFactsAsync(db, region, dates, today, cancellationToken, sessions);
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
    /// <paramref name="hypothetical"/> sessions, not saved, count as planned ones, for the region's advisors they enrol.
    /// </summary>
    internal static async Task<ReadinessFacts> LoadFactsAsync(PortalDbContext db, Domain.Regions.Region region, IReadOnlyList<DateOnly> dates, DateOnly today,
        CancellationToken cancellationToken, IReadOnlyList<HypotheticalSession>? hypothetical = null)
    {
        hypothetical ??= [];
        var regions = await db.Regions.AsNoTracking().Select(r => new RegionWave(r.Code, r.Wave, r.Status)).ToListAsync(cancellationToken);
        var settings = await Training.EnrolmentFacts.SettingsAsync(db, cancellationToken);
        var courses = await db.Courses.AsNoTracking().Where(c => c.RequiredForRegionalisation).OrderBy(c => c.Code)
            .Select(c => new RequiredCourse(c.Id, c.Title, c.Code)).ToListAsync(cancellationToken);
        var courseIds = courses.Select(c => c.Id).ToList();

        var advisors = db.Advisors.AsNoTracking().Where(Advisor.ActiveInHouse).Where(a => a.Site!.RegionId == region.Id);
        var advisorIds = await advisors.Select(a => a.Id).ToListAsync(cancellationToken);
        var enrolments = await advisors
            .Join(db.Enrolments.Where(e => courseIds.Contains(e.Session!.CourseId))
                    .Where(Domain.Rules.Predicate.Or(Enrolment.CompletedAsOf(DateOnly.MaxValue), Enrolment.PlannedFrom(today))),
                a => a.Id, e => e.AdvisorId, (a, e) => new { e.AdvisorId, e.Session!.CourseId, e.Status, e.CompletedOn, LastDay = e.Session.Days.Max(d => d.Date) })
            .ToListAsync(cancellationToken);
        var regionAdvisors = advisorIds.ToHashSet();
        var planned = hypothetical.Where(h => courseIds.Contains(h.CourseId) && h.LastDay >= today)
            .SelectMany(h => h.Advisors.Where(regionAdvisors.Contains), (h, a) => new
            {
                AdvisorId = a, h.CourseId, Status = EnrolmentStatus.Planned, CompletedOn = (DateOnly?)null, h.LastDay,
            });
        var progress = enrolments.Concat(planned).ToLookup(e => e.AdvisorId);
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
            Channels = await ChannelFactsAsync(db, region, advisors, dates, today, hypothetical, cancellationToken),
        };
    }

    private static async Task<List<ChannelFacts>> ChannelFactsAsync(PortalDbContext db, Domain.Regions.Region region, IQueryable<Advisor> advisors,
        IReadOnlyList<DateOnly> dates, DateOnly today, IReadOnlyList<HypotheticalSession> hypothetical, CancellationToken cancellationToken)
    {
        var first = dates.Min();
        var last = dates.Max().AddDays(6);
        // A night shift of the day before the first reaches into it.
        var from = first.AddDays(-1);
        var channels = await db.Channels.AsNoTracking().Include(c => c.OpeningHours).Include(c => c.RequiredSkills)
            .AsSplitQuery().OrderBy(c => c.Id).ToListAsync(cancellationToken);
        var skills = (await advisors.Join(db.AdvisorSkills.Where(AdvisorSkill.Certified), a => a.Id, k => k.AdvisorId, (a, k) => new { k.AdvisorId, k.SkillId })
            .ToListAsync(cancellationToken)).ToLookup(k => k.AdvisorId, k => k.SkillId);
        var advisorIds = await advisors.Select(a => a.Id).ToListAsync(cancellationToken);
        var trainingDays = advisors.Join(db.Enrolments.Where(Enrolment.InTraining), a => a.Id, e => e.AdvisorId, (a, e) => e)
            .SelectMany(e => e.Session!.Days.Where(d => d.Date >= first && d.Date <= last), (e, d) => new { e.AdvisorId, d.Date });
        var training = (await trainingDays.ToListAsync(cancellationToken)).Select(t => (t.AdvisorId, t.Date)).ToHashSet();
        var advisorSet = advisorIds.ToHashSet();
        var hypotheticalDays = hypothetical.SelectMany(h => h.Advisors.Where(advisorSet.Contains).SelectMany(a => h.Days.Select(d => (AdvisorId: a, Date: d))))
            .Where(t => t.Date >= first && t.Date <= last).Where(t => !training.Contains(t)).ToHashSet();
        training.UnionWith(hypotheticalDays);
        var absent = advisors.Join(db.Absences.Where(b => b.FirstDay <= last && b.LastDay >= first), a => a.Id, b => b.AdvisorId, (a, b) => b);
        var absences = await absent.AsNoTracking().ToListAsync(cancellationToken);
        var capacities = (await db.SubcontractorCapacities.AsNoTracking().Where(c => c.RegionId == region.Id).ToListAsync(cancellationToken))
            .ToLookup(c => c.ChannelId);
        var certifiedByChannel = channels.ToDictionary(c => c.Id, c =>
        {
            // A channel that requires no skill takes every advisor.
            var required = c.RequiredSkills.Select(s => s.SkillId).ToList();
            return advisorIds.Where(id => required.All(skill => skills[id].Contains(skill))).ToHashSet();
        });

        // The skills planned sessions (saved, and hypothetical ones) grant at level 2 or more.
        var grants = (await advisors.Join(db.Enrolments.Where(Enrolment.PlannedFrom(today)), a => a.Id, e => e.AdvisorId, (a, e) => e)
                .SelectMany(e => e.Session!.Course!.GrantedSkills.Where(g => g.Level >= Certification.Threshold),
                    (e, g) => new { e.AdvisorId, g.SkillId, LastDay = e.Session!.Days.Max(d => d.Date) })
                .ToListAsync(cancellationToken))
            .Select(g => new PlannedGrant(g.AdvisorId, g.SkillId, g.LastDay)).ToList();
        if (hypothetical.Count > 0)
        {
            var hypotheticalCourses = hypothetical.Select(h => h.CourseId).Distinct().ToList();
            var courseGrants = (await db.CourseSkills.AsNoTracking()
                    .Where(g => hypotheticalCourses.Contains(g.CourseId) && g.Level >= Certification.Threshold)
                    .Select(g => new { g.CourseId, g.SkillId }).ToListAsync(cancellationToken))
                .ToLookup(g => g.CourseId, g => g.SkillId);
            grants.AddRange(hypothetical.Where(h => h.LastDay >= today)
                .SelectMany(h => h.Advisors.Where(advisorSet.Contains).SelectMany(a => courseGrants[h.CourseId].Select(skill => new PlannedGrant(a, skill, h.LastDay)))));
        }
        var plannedByChannel = channels.ToDictionary(c => c.Id, c => ChannelFacts.CertifiedByPlan(
            advisorIds.Where(id => !certifiedByChannel[c.Id].Contains(id)), c.RequiredSkills.Select(s => s.SkillId).ToList(),
            (id, skill) => skills[id].Contains(skill), grants));

        // Seventeen weeks are tens of thousands of shifts but a few hundred hour patterns a day: the shifts are read
        // counted by channel, day and hours, and only those of an advisor who is not available (training or absent
        // that day, or not certified on the channel) are read one by one and taken out of their pattern's count.
        var shifts = advisors.Join(db.Shifts.Where(s => s.Date >= from && s.Date <= last), a => a.Id, s => s.AdvisorId, (a, s) => s);
        var patterns = await shifts.GroupBy(s => new { s.ChannelId, s.Date, s.Start, s.End, s.BreakStart, s.BreakMinutes })
            .Select(g => new ShiftRow(0, 0, g.Key.ChannelId, g.Key.Date, g.Key.Start, g.Key.End, g.Key.BreakStart, g.Key.BreakMinutes, g.Count()))
            .ToListAsync(cancellationToken);
        var exceptions = new Dictionary<int, ShiftRow>();
        void Except(IEnumerable<ShiftRow> rows)
        {
            foreach (var row in rows)
            {
                exceptions.TryAdd(row.Id, row);
            }
        }
        Except(await trainingDays.Join(db.Shifts, t => new { t.AdvisorId, t.Date }, s => new { s.AdvisorId, s.Date }, (t, s) => s)
            .Where(s => s.Date >= from && s.Date <= last)
            .Select(s => new ShiftRow(s.Id, s.AdvisorId, s.ChannelId, s.Date, s.Start, s.End, s.BreakStart, s.BreakMinutes, 1))
            .ToListAsync(cancellationToken));
        if (hypotheticalDays.Count > 0)
        {
            var trainees = hypotheticalDays.Select(t => t.AdvisorId).Distinct().ToList();
            var traineeDays = hypotheticalDays.Select(t => t.Date).Distinct().ToList();
            Except((await db.Shifts.AsNoTracking().Where(s => trainees.Contains(s.AdvisorId) && traineeDays.Contains(s.Date))
                    .Select(s => new ShiftRow(s.Id, s.AdvisorId, s.ChannelId, s.Date, s.Start, s.End, s.BreakStart, s.BreakMinutes, 1))
                    .ToListAsync(cancellationToken))
                .Where(s => hypotheticalDays.Contains((s.AdvisorId, s.Date))));
        }
        Except(await absent.SelectMany(b => db.Shifts.Where(s => s.AdvisorId == b.AdvisorId && s.Date >= b.FirstDay && s.Date <= b.LastDay), (b, s) => s)
            .Where(s => s.Date >= from && s.Date <= last)
            .Select(s => new ShiftRow(s.Id, s.AdvisorId, s.ChannelId, s.Date, s.Start, s.End, s.BreakStart, s.BreakMinutes, 1))
            .ToListAsync(cancellationToken));
        foreach (var channel in channels)
        {
            var notCertified = advisorIds.Where(id => !certifiedByChannel[channel.Id].Contains(id)).ToList();
            if (notCertified.Count > 0)
            {
                Except(await shifts.Where(s => s.ChannelId == channel.Id && notCertified.Contains(s.AdvisorId))
                    .Select(s => new ShiftRow(s.Id, s.AdvisorId, s.ChannelId, s.Date, s.Start, s.End, s.BreakStart, s.BreakMinutes, 1))
                    .ToListAsync(cancellationToken));
            }
        }
        var counts = patterns.ToDictionary(p => p.Hours, p => p.Count);
        foreach (var row in exceptions.Values)
        {
            counts[row.Hours]--;
        }
        var available = patterns.Where(p => counts[p.Hours] > 0).ToLookup(p => p.ChannelId, p => new ShiftGroup(p.Shift, counts[p.Hours]));
        var unavailable = exceptions.Values.ToLookup(r => r.ChannelId, r => r.Shift);

        var calculator = new CoverageCalculator(LocalCalendar.Paris);
        var result = new List<ChannelFacts>(channels.Count);
        foreach (var channel in channels)
        {
            var certified = certifiedByChannel[channel.Id];
            var demand = await CoverageService.DemandAsync(db, region, channel, first, last, cancellationToken);
            var patternsByDate = available[channel.Id].ToLookup(p => p.Shift.Date);
            var shiftsByDate = unavailable[channel.Id].ToLookup(s => s.Date);
            var channelCapacities = capacities[channel.Id].ToList();
            // Each week gets only its own shifts (and the night shifts of the day before), not the seventeen weeks'.
            var days = dates.Distinct().SelectMany(d => calculator.Compute(new CoverageInputs
            {
                Region = region,
                Channel = channel,
                Demand = demand,
                Shifts = Enumerable.Range(-1, 8).SelectMany(offset => shiftsByDate[d.AddDays(offset)]).ToList(),
                ShiftGroups = Enumerable.Range(-1, 8).SelectMany(offset => patternsByDate[d.AddDays(offset)]).ToList(),
                Certified = certified,
                TrainingDays = training,
                Absences = absences,
                Capacities = channelCapacities,
            }, d, 7)).ToList();
            result.Add(new ChannelFacts(channel.Code, certified.Count, days, plannedByChannel[channel.Id]));
        }
        return result;
    }

    /// <summary>A shift as read for the outlook, or with <see cref="Id"/> 0 a pattern of <see cref="Count"/> shifts with the same hours.</summary>
    private sealed record ShiftRow(int Id, int AdvisorId, int ChannelId, DateOnly Date, TimeOnly Start, TimeOnly End, TimeOnly? BreakStart, int BreakMinutes, int Count)
    {
        public (int, DateOnly, TimeOnly, TimeOnly, TimeOnly?, int) Hours => (ChannelId, Date, Start, End, BreakStart, BreakMinutes);

        public PlannedShift Shift => new(AdvisorId, Date, Start, End,
            BreakStart is { } pause && BreakMinutes > 0 ? new Domain.Assignments.ShiftBreak(pause, BreakMinutes) : null);
    }
}
