using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Assignments;
using Portal.Domain.Channels;
using Portal.Domain.Coverage;
using Portal.Domain.Forecast;
using Portal.Domain.Sites;
using Portal.Domain.Time;
using Portal.Domain.Training;
using Portal.Services.Data;
using Portal.Services.Regions;

namespace Portal.Services.Coverage;

/// <summary>A region's coverage on one channel for one week (Monday to Sunday), as the page and the tool show it.</summary>
public sealed record CoverageView(
    RegionSummary Region,
    DateOnly Week,
    ChannelSettings Channel,
    IReadOnlyList<string> Channels,
    IReadOnlyList<CoverageDay> Days);

/// <summary>The channel's parameters shown next to each requirement.</summary>
public sealed record ChannelSettings(string Code, ChannelKind Kind, double ServiceLevelTarget, int TargetAnswerSeconds, int Concurrency, double Shrinkage, double MaxOccupancy);

public sealed class CoverageService(IDbContextFactory<PortalDbContext> dbFactory, RegionDirectory regions)
{
    /// <summary>
    /// The coverage of a region, channel and week, or null when the region does not exist or the actor may not read
    /// its coverage, or the channel does not exist. Any day of the week may be given: the week starts on its Monday.
    /// </summary>
    public async Task<CoverageView?> GetWeekAsync(Actor actor, string regionCode, DateOnly anyDayOfWeek, string? channelCode, CancellationToken cancellationToken = default)
    {
        var region = await regions.FindAsync(actor, regionCode, Area.Coverage, cancellationToken);
        if (region is null)
        {
            return null;
        }
        var monday = LocalCalendar.MondayOf(anyDayOfWeek);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var channels = await db.Channels.AsNoTracking().Include(c => c.OpeningHours).Include(c => c.RequiredSkills)
            .AsSplitQuery().OrderBy(c => c.Id).ToListAsync(cancellationToken);
        var channel = channelCode is null
            ? channels.FirstOrDefault()
            : channels.FirstOrDefault(c => string.Equals(c.Code, channelCode, StringComparison.OrdinalIgnoreCase));
        if (channel is null)
        {
            return null;
        }
        var inputs = await LoadInputsAsync(db, region.Id, channel, monday, cancellationToken);
        var days = new CoverageCalculator(LocalCalendar.Paris).Compute(inputs, monday, 7);
        var settings = new ChannelSettings(channel.Code, channel.Kind, channel.ServiceLevelTarget, channel.TargetAnswerSeconds,
            channel.Concurrency, channel.Shrinkage, channel.MaxOccupancy);
        return new CoverageView(region, monday, settings, channels.Select(c => c.Code).ToList(), days);
    }

    /// <summary>
    /// A week's coverage again after shifts changed on some days: those days, and each next day a night shift reaches,
    /// get their supply counted anew (<see cref="CoverageCalculator.Resupply"/>; shifts move no demand), the other days
    /// are kept as they were. Null when the actor may not read the region's coverage.
    /// </summary>
    public async Task<CoverageView?> RefreshDaysAsync(Actor actor, CoverageView view, IReadOnlyCollection<DateOnly> changedDays,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(changedDays);
        var region = await regions.FindAsync(actor, view.Region.Code, Area.Coverage, cancellationToken);
        if (region is null)
        {
            return null;
        }
        var touched = changedDays.SelectMany(d => new[] { d, d.AddDays(1) }).ToHashSet();
        var days = view.Days.Where(d => touched.Contains(d.Date)).ToList();
        if (days.Count == 0)
        {
            return view;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var channel = await db.Channels.AsNoTracking().Include(c => c.OpeningHours).Include(c => c.RequiredSkills)
            .AsSplitQuery().SingleOrDefaultAsync(c => c.Code == view.Channel.Code, cancellationToken);
        if (channel is null)
        {
            return null;
        }
        var inputs = await LoadInputsAsync(db, region.Id, channel, days[0].Date, days[^1].Date, cancellationToken, withDemand: false);
        var fresh = CoverageCalculator.Resupply(inputs, days).ToDictionary(d => d.Date);
        return view with { Days = view.Days.Select(d => fresh.GetValueOrDefault(d.Date, d)).ToList() };
    }

    /// <summary>
    /// The most staff a channel asks of a region in any interval of a week (the requirement side of coverage only,
    /// no personal data): what the advisors certified in the channel's skills have to reach.
    /// </summary>
    internal static async Task<int> PeakRequiredAsync(PortalDbContext db, Domain.Regions.Region region, Channel channel, DateOnly monday, CancellationToken cancellationToken)
    {
        var inputs = new CoverageInputs
        {
            Region = region,
            Channel = channel,
            Demand = await DemandAsync(db, region, channel, monday, monday.AddDays(6), cancellationToken),
            Shifts = [],
            Certified = new HashSet<int>(),
            TrainingDays = new HashSet<(int, DateOnly)>(),
            Absences = [],
            Capacities = [],
        };
        return new CoverageCalculator(LocalCalendar.Paris).Compute(inputs, monday, 7).SelectMany(d => d.Cells).Select(c => c.Required).DefaultIfEmpty().Max();
    }

    /// <summary>Everything the coverage of a region, channel and week depends on, read in a few set queries.</summary>
    internal static Task<CoverageInputs> LoadInputsAsync(PortalDbContext db, int regionId, Channel channel, DateOnly monday, CancellationToken cancellationToken) =>
        LoadInputsAsync(db, regionId, channel, monday, monday.AddDays(6), cancellationToken);

    /// <summary>
    /// Everything the coverage of a region and channel depends on from <paramref name="monday"/> to <paramref name="sunday"/>
    /// (any days, the readiness outlook reads seventeen weeks at once), read in a few set queries.
    /// </summary>
    internal static async Task<CoverageInputs> LoadInputsAsync(PortalDbContext db, int regionId, Channel channel, DateOnly monday, DateOnly sunday,
        CancellationToken cancellationToken, bool withDemand = true)
    {
        var regionEntity = await db.Regions.AsNoTracking().SingleAsync(r => r.Id == regionId, cancellationToken);

        // Every query starts from the region's advisors, joined rather than tested shift by shift: a correlated filter
        // makes SQLite walk every region's shifts of the days through the (Date, ChannelId) index.
        var advisors = db.Advisors.Where(a => a.Active && a.Site!.RegionId == regionId && a.Site.Kind == SiteKind.InHouse);
        var shifts = (await advisors
                .Join(db.Shifts.Where(s => s.ChannelId == channel.Id && s.Date >= monday.AddDays(-1) && s.Date <= sunday), a => a.Id, s => s.AdvisorId,
                    (a, s) => new { s.AdvisorId, s.Date, s.Start, s.End, s.BreakStart, s.BreakMinutes })
                .ToListAsync(cancellationToken))
            .Select(s => new PlannedShift(s.AdvisorId, s.Date, s.Start, s.End,
                s.BreakStart is { } pause && s.BreakMinutes > 0 ? new ShiftBreak(pause, s.BreakMinutes) : null))
            .ToList();
        var onShift = shifts.Select(s => s.AdvisorId).ToHashSet();

        // A channel that requires no skill takes every advisor on shift.
        var skills = channel.RequiredSkills.Select(s => s.SkillId).ToList();
        var certified = skills.Count == 0
            ? onShift
            : (await advisors.Join(db.AdvisorSkills.Where(Domain.Advisors.AdvisorSkill.Certified).Where(s => skills.Contains(s.SkillId)),
                        a => a.Id, s => s.AdvisorId, (a, s) => s.AdvisorId)
                    .GroupBy(id => id)
                    .Where(g => g.Count() == skills.Count)
                    .Select(g => g.Key)
                    .ToListAsync(cancellationToken))
                .Where(onShift.Contains).ToHashSet();

        var training = (await advisors.Join(db.Enrolments.Where(Enrolment.InTraining), a => a.Id, e => e.AdvisorId, (a, e) => e)
                .SelectMany(e => e.Session!.Days.Where(d => d.Date >= monday && d.Date <= sunday), (e, d) => new { e.AdvisorId, d.Date })
                .ToListAsync(cancellationToken))
            .Where(t => onShift.Contains(t.AdvisorId));

        var absences = (await advisors.Join(db.Absences.Where(b => b.FirstDay <= sunday && b.LastDay >= monday), a => a.Id, b => b.AdvisorId, (a, b) => b)
                .AsNoTracking().ToListAsync(cancellationToken))
            .Where(b => onShift.Contains(b.AdvisorId)).ToList();

        var capacities = await db.SubcontractorCapacities.AsNoTracking()
            .Where(c => c.RegionId == regionId && c.ChannelId == channel.Id)
            .ToListAsync(cancellationToken);

        return new CoverageInputs
        {
            Region = regionEntity,
            Channel = channel,
            Demand = withDemand ? await DemandAsync(db, regionEntity, channel, monday, sunday, cancellationToken) : new Dictionary<DateTime, (double, double)>(),
            Shifts = shifts,
            Certified = certified,
            TrainingDays = training.Select(t => (t.AdvisorId, t.Date)).ToHashSet(),
            Absences = absences,
            Capacities = capacities,
        };
    }

    /// <summary>
    /// The stored forecast of the week (generated or imported); days with no stored interval get the default
    /// forecast, generated from the national volume and the region's share of customers.
    /// </summary>
    internal static async Task<Dictionary<DateTime, (double, double)>> DemandAsync(PortalDbContext db, Domain.Regions.Region region, Channel channel,
        DateOnly monday, DateOnly sunday, CancellationToken cancellationToken)
    {
        var stored = await db.ForecastIntervals.AsNoTracking()
            .Where(f => f.RegionId == region.Id && f.ChannelId == channel.Id && f.LocalDate >= monday && f.LocalDate <= sunday)
            .Select(f => new { f.LocalDate, f.StartUtc, f.Contacts, f.AverageHandlingSeconds, f.Source })
            .ToListAsync(cancellationToken);
        // An imported forecast carries the forecaster's own handling time; a generated one only copied the channel's
        // when it was generated, so it follows the channel's parameter as an administrator changes it.
        var demand = stored.ToDictionary(f => DateTime.SpecifyKind(f.StartUtc, DateTimeKind.Utc),
            f => (f.Contacts, f.Source == ForecastSource.Generated ? channel.AverageHandlingSeconds : f.AverageHandlingSeconds));
        var storedDays = stored.Select(f => f.LocalDate).ToHashSet();
        if (storedDays.Count < sunday.DayNumber - monday.DayNumber + 1)
        {
            var totalCustomers = await db.Regions.SumAsync(r => (long)r.Customers, cancellationToken);
            var share = totalCustomers == 0 ? 0 : region.Customers / (double)totalCustomers;
            var generator = new ForecastGenerator(LocalCalendar.Paris);
            for (var day = monday; day <= sunday; day = day.AddDays(1))
            {
                if (storedDays.Contains(day))
                {
                    continue;
                }
                foreach (var point in generator.GenerateDay(channel, share, day))
                {
                    demand[point.Interval.StartUtc] = (point.Contacts, point.AverageHandlingSeconds);
                }
            }
        }
        return demand;
    }
}
