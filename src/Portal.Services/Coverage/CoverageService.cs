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
        CancellationToken cancellationToken)
    {
        var regionEntity = await db.Regions.AsNoTracking().SingleAsync(r => r.Id == regionId, cancellationToken);

        var advisors = db.Advisors.Where(a => a.Active && a.Site!.RegionId == regionId && a.Site.Kind == SiteKind.InHouse);
        var shifts = (await db.Shifts.AsNoTracking()
                .Where(s => s.ChannelId == channel.Id && s.Date >= monday.AddDays(-1) && s.Date <= sunday && advisors.Any(a => a.Id == s.AdvisorId))
                .Select(s => new { s.AdvisorId, s.Date, s.Start, s.End, s.BreakStart, s.BreakMinutes })
                .ToListAsync(cancellationToken))
            .Select(s => new PlannedShift(s.AdvisorId, s.Date, s.Start, s.End,
                s.BreakStart is { } pause && s.BreakMinutes > 0 ? new ShiftBreak(pause, s.BreakMinutes) : null))
            .ToList();
        var onShift = shifts.Select(s => s.AdvisorId).Distinct().ToList();

        // A channel that requires no skill takes every advisor on shift.
        var skills = channel.RequiredSkills.Select(s => s.SkillId).ToList();
        var certified = skills.Count == 0
            ? onShift
            : await db.AdvisorSkills.Where(Domain.Advisors.AdvisorSkill.Certified)
                .Where(s => onShift.Contains(s.AdvisorId) && skills.Contains(s.SkillId))
                .GroupBy(s => s.AdvisorId)
                .Where(g => g.Count() == skills.Count)
                .Select(g => g.Key)
                .ToListAsync(cancellationToken);

        var training = await db.Enrolments.Where(Enrolment.InTraining)
            .Where(e => onShift.Contains(e.AdvisorId))
            .SelectMany(e => e.Session!.Days.Where(d => d.Date >= monday && d.Date <= sunday), (e, d) => new { e.AdvisorId, d.Date })
            .ToListAsync(cancellationToken);

        var absences = await db.Absences.AsNoTracking()
            .Where(a => onShift.Contains(a.AdvisorId) && a.FirstDay <= sunday && a.LastDay >= monday)
            .ToListAsync(cancellationToken);

        var capacities = await db.SubcontractorCapacities.AsNoTracking()
            .Where(c => c.RegionId == regionId && c.ChannelId == channel.Id)
            .ToListAsync(cancellationToken);

        return new CoverageInputs
        {
            Region = regionEntity,
            Channel = channel,
            Demand = await DemandAsync(db, regionEntity, channel, monday, sunday, cancellationToken),
            Shifts = shifts,
            Certified = certified.ToHashSet(),
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
