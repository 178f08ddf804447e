using System.Globalization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Domain.Access;
using Portal.Domain.Advisors;
using Portal.Domain.Assignments;
using Portal.Domain.Time;
using Portal.Domain.Training;
using Portal.Services.Audit;
using Portal.Services.Data;
using Portal.Services.Regions;

namespace Portal.Services.Assignments;

/// <summary>
/// The directors' week planner: a region's advisors × days with their shifts, training days and absences; creating,
/// moving, copying and deleting shifts under the planning rules (<see cref="PlanningRules"/>), all or nothing; bulk
/// patterns; publishing a week. Directors plan their own region, national administrators every region, other roles
/// nothing (an address they may not use answers as if nothing were there).
/// </summary>
public sealed class AssignmentService(IDbContextFactory<PortalDbContext> dbFactory, RegionDirectory regions, IValidator<ShiftForm> validator,
    IOptions<PlanningSettings> settings, TimeProvider clock)
{
    public const string AuditEntity = AuditEntities.Shift;

    private PlanningRules Rules => new(settings.Value, LocalCalendar.Paris);

    /// <summary>
    /// A page of the planner's rows (<paramref name="skip"/>, <paramref name="take"/>) for the week holding
    /// <paramref name="anyDay"/>, in name order, or null when the region does not exist or the actor may not plan it.
    /// </summary>
    public async Task<PlannerWeek?> GetWeekAsync(Actor actor, string regionCode, DateOnly anyDay, PlannerFilter? filter = null, int skip = 0, int take = 50,
        CancellationToken cancellationToken = default)
    {
        var region = await regions.FindAsync(actor, regionCode, Area.Assignments, cancellationToken);
        if (region is null)
        {
            return null;
        }
        var monday = LocalCalendar.MondayOf(anyDay);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (rows, total) = await RowsAsync(db, region.Id, monday, filter ?? new PlannerFilter(), skip, take, cancellationToken);

        var published = await db.PublishedWeeks.AsNoTracking().Where(w => w.RegionId == region.Id && w.Monday == monday)
            .Select(w => (DateTime?)w.PublishedAtUtc).SingleOrDefaultAsync(cancellationToken);
        var sites = await db.Sites.AsNoTracking().Where(s => s.RegionId == region.Id).Where(Domain.Sites.Site.InHouse)
            .OrderBy(s => s.Name).Select(s => new Choice(s.Id, s.Name)).ToListAsync(cancellationToken);
        var skills = await db.Skills.AsNoTracking().OrderBy(s => s.Id).Select(s => new Choice(s.Id, s.Name)).ToListAsync(cancellationToken);
        var channels = await db.Channels.AsNoTracking().OrderBy(c => c.Id).Select(c => new Choice(c.Id, c.Code)).ToListAsync(cancellationToken);
        var teams = (await RegionAdvisors(db, region.Id).Where(a => a.Team != null)
                .Select(a => new { a.SiteId, Site = a.Site!.Name, a.Team }).Distinct().ToListAsync(cancellationToken))
            .OrderBy(t => t.Site, StringComparer.CurrentCulture).ThenBy(t => t.Team, TeamOrder)
            .Select(t => new TeamChoice(t.SiteId, t.Site, t.Team!)).ToList();
        return new PlannerWeek(region, monday, published is not null, published, total, rows, sites, skills, channels, teams);
    }

    /// <summary>
    /// A page of the planner's rows and their count, without the week's header (its choices and publication): what the
    /// grid asks for each time it scrolls or the week changes. Null as <see cref="GetWeekAsync"/>.
    /// </summary>
    public async Task<PlannerRows?> GetRowsAsync(Actor actor, string regionCode, DateOnly anyDay, PlannerFilter? filter, int skip, int take,
        CancellationToken cancellationToken = default)
    {
        var region = await regions.FindAsync(actor, regionCode, Area.Assignments, cancellationToken);
        if (region is null)
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (rows, total) = await RowsAsync(db, region.Id, LocalCalendar.MondayOf(anyDay), filter ?? new PlannerFilter(), skip, take, cancellationToken);
        return new PlannerRows(rows, total);
    }

    private static async Task<(IReadOnlyList<PlannerRow> Rows, int Total)> RowsAsync(PortalDbContext db, int regionId, DateOnly monday, PlannerFilter filter,
        int skip, int take, CancellationToken cancellationToken)
    {
        var sunday = monday.AddDays(6);
        var advisors = RegionAdvisors(db, regionId);
        if (filter.SiteId is { } siteId)
        {
            advisors = advisors.Where(a => a.SiteId == siteId);
        }
        if (filter.SkillId is { } skillId)
        {
            advisors = advisors.Where(a => a.Skills.Any(s => s.SkillId == skillId && s.Level >= Domain.Skills.Certification.Threshold));
        }
        if (!string.IsNullOrWhiteSpace(filter.Team))
        {
            var team = filter.Team.Trim();
            advisors = advisors.Where(a => a.Team == team);
        }
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var search = filter.Search.Trim();
            advisors = advisors.Where(a => a.LastName.Contains(search) || a.FirstName.Contains(search) || a.EmployeeNumber.Contains(search));
        }
        var total = await advisors.CountAsync(cancellationToken);
        if (take <= 0)
        {
            // The week's header asks only for the count: no page, and no shifts, training days or absences of nobody.
            return ([], total);
        }
        var page = await advisors.OrderBy(a => a.LastName).ThenBy(a => a.FirstName).ThenBy(a => a.Id).Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 0, 500))
            .Select(a => new { a.Id, a.EmployeeNumber, a.FirstName, a.LastName, Site = a.Site!.Name, a.WorkingTimePercent, a.Team })
            .ToListAsync(cancellationToken);
        var ids = page.Select(a => a.Id).ToList();
        var shifts = (await db.Shifts.AsNoTracking().Where(s => ids.Contains(s.AdvisorId) && s.Date >= monday && s.Date <= sunday)
                .OrderBy(s => s.Start)
                .Select(s => new ShiftView(s.Id, s.Version, s.AdvisorId, s.Date, s.Start, s.End, s.ChannelId, s.Channel!.Code, s.BreakStart, s.BreakMinutes, s.ChangedAtUtc))
                .ToListAsync(cancellationToken))
            .ToLookup(s => (s.AdvisorId, s.Date));
        var training = (await db.Enrolments.Where(Enrolment.InTraining).Where(e => ids.Contains(e.AdvisorId))
                .SelectMany(e => e.Session!.Days.Where(d => d.Date >= monday && d.Date <= sunday), (e, d) => new { e.AdvisorId, d.Date, e.Session!.Course!.Code })
                .ToListAsync(cancellationToken))
            .ToLookup(t => (t.AdvisorId, t.Date), t => t.Code);
        var absences = (await db.Absences.AsNoTracking().Where(a => ids.Contains(a.AdvisorId) && a.FirstDay <= sunday && a.LastDay >= monday)
                .ToListAsync(cancellationToken))
            .ToLookup(a => a.AdvisorId);
        var rows = page.Select(a => new PlannerRow(a.Id, a.EmployeeNumber, $"{a.FirstName} {a.LastName}", a.Site, a.WorkingTimePercent,
                Enumerable.Range(0, 7).Select(i => monday.AddDays(i)).Select(day => new PlannerDay(day, shifts[(a.Id, day)].ToList(),
                    training[(a.Id, day)].FirstOrDefault(), absences[a.Id].FirstOrDefault(x => x.Covers(day))?.Kind)).ToList(), a.Team))
            .ToList();

        return (rows, total);
    }

    // "Équipe 2" before "Équipe 10".
    private static readonly StringComparer TeamOrder = StringComparer.Create(CultureInfo.InvariantCulture, CompareOptions.NumericOrdering);

    /// <summary>Creates a shift, or moves one (the form's <see cref="ShiftForm.Id"/> and version), under every planning rule.</summary>
    public async Task<PlanningResult> SaveAsync(Actor actor, ShiftForm form, CancellationToken cancellationToken = default)
    {
        if (!AccessRules.CanChangeSome(actor, Area.Assignments))
        {
            return PlanningResult.NotFound;
        }
        var validation = await validator.ValidateAsync(form, cancellationToken);
        if (!validation.IsValid)
        {
            return PlanningResult.Invalid(validation.Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.First().ErrorMessage));
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await PlannableRegionAsync(db, actor, form.AdvisorId, cancellationToken) is not { } regionId)
        {
            return PlanningResult.NotFound;
        }
        Shift? existing = null;
        if (form.Id is { } id)
        {
            existing = await db.Shifts.SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
            if (existing is null || await PlannableRegionAsync(db, actor, existing.AdvisorId, cancellationToken) is null)
            {
                return PlanningResult.NotFound;
            }
        }
        var candidate = form.ToShift();
        var refusals = await CheckAsync(db, [candidate], removed: new HashSet<int>(), cancellationToken);
        if (refusals.Count > 0)
        {
            return PlanningResult.Refused(refusals);
        }
        var days = new List<DateOnly> { candidate.Date };
        object? before = null;
        if (existing is null)
        {
            db.Shifts.Add(candidate);
            existing = candidate;
        }
        else
        {
            before = Snapshot(existing);
            days.Add(existing.Date);
            // The version the director saw is the expected one (as a form's version is everywhere): a move made since is a conflict.
            existing.Version = form.Version;
            existing.AdvisorId = candidate.AdvisorId;
            existing.ChannelId = candidate.ChannelId;
            existing.Date = candidate.Date;
            existing.Start = candidate.Start;
            existing.End = candidate.End;
            existing.Break = candidate.Break;
        }
        existing.ChangedAtUtc = await ChangeMarkAsync(db, regionId, days, cancellationToken);
        return await SaveWithAuditAsync(db, actor, regionId, existing, before, form.Id is null ? "Create" : "Move", days, cancellationToken);
    }

    /// <summary>Copies a shift to another day, same hours and channel, under every planning rule.</summary>
    public async Task<PlanningResult> CopyAsync(Actor actor, int shiftId, DateOnly toDate, CancellationToken cancellationToken = default)
    {
        if (!AccessRules.CanChangeSome(actor, Area.Assignments))
        {
            return PlanningResult.NotFound;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var source = await db.Shifts.AsNoTracking().SingleOrDefaultAsync(s => s.Id == shiftId, cancellationToken);
        if (source is null || await PlannableRegionAsync(db, actor, source.AdvisorId, cancellationToken) is not { } regionId)
        {
            return PlanningResult.NotFound;
        }
        var copy = new Shift { AdvisorId = source.AdvisorId, ChannelId = source.ChannelId, Date = toDate, Start = source.Start, End = source.End, Break = source.Break };
        var refusals = await CheckAsync(db, [copy], removed: new HashSet<int>(), cancellationToken);
        if (refusals.Count > 0)
        {
            return PlanningResult.Refused(refusals);
        }
        copy.ChangedAtUtc = await ChangeMarkAsync(db, regionId, [toDate], cancellationToken);
        db.Shifts.Add(copy);
        return await SaveWithAuditAsync(db, actor, regionId, copy, null, "Copy", [toDate], cancellationToken);
    }

    /// <summary>Deletes a shift (the version the director saw).</summary>
    public async Task<PlanningResult> DeleteAsync(Actor actor, int shiftId, int version, CancellationToken cancellationToken = default)
    {
        if (!AccessRules.CanChangeSome(actor, Area.Assignments))
        {
            return PlanningResult.NotFound;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var existing = await db.Shifts.SingleOrDefaultAsync(s => s.Id == shiftId, cancellationToken);
        if (existing is null || await PlannableRegionAsync(db, actor, existing.AdvisorId, cancellationToken) is not { } regionId)
        {
            return PlanningResult.NotFound;
        }
        db.Entry(existing).Property(s => s.Version).OriginalValue = version;
        db.Shifts.Remove(existing);
        return await SaveWithAuditAsync(db, actor, regionId, existing, Snapshot(existing), "Delete", [existing.Date], cancellationToken);
    }

    /// <summary>
    /// Copies every shift of the region's week to the next week, day for day, all or nothing: one refused shift and
    /// nothing is copied, every refusal listed.
    /// </summary>
    public async Task<PlanningResult> CopyWeekAsync(Actor actor, string regionCode, DateOnly monday, CancellationToken cancellationToken = default)
    {
        var region = await PlannableRegionAsync(actor, regionCode, cancellationToken);
        if (region is null)
        {
            return PlanningResult.NotFound;
        }
        monday = LocalCalendar.MondayOf(monday);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var advisors = RegionAdvisors(db, region.Id);
        var copies = (await db.Shifts.AsNoTracking()
                .Where(s => s.Date >= monday && s.Date <= monday.AddDays(6) && advisors.Any(a => a.Id == s.AdvisorId))
                .OrderBy(s => s.AdvisorId).ThenBy(s => s.Date).ThenBy(s => s.Start)
                .ToListAsync(cancellationToken))
            .Select(s => new Shift { AdvisorId = s.AdvisorId, ChannelId = s.ChannelId, Date = s.Date.AddDays(7), Start = s.Start, End = s.End, Break = s.Break })
            .ToList();
        return await AddAllAsync(db, actor, region.Id, copies, "CopyWeek", cancellationToken);
    }

    /// <summary>
    /// Gives a weekly pattern to several advisors of one region, all or nothing: one refused shift and nothing is
    /// saved, every refusal listed.
    /// </summary>
    public async Task<PlanningResult> ApplyPatternAsync(Actor actor, PatternForm pattern, CancellationToken cancellationToken = default)
    {
        if (!AccessRules.CanChangeSome(actor, Area.Assignments))
        {
            return PlanningResult.NotFound;
        }
        var monday = LocalCalendar.MondayOf(pattern.Monday);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        int? regionId = null;
        foreach (var advisorId in pattern.AdvisorIds.Distinct())
        {
            var region = await PlannableRegionAsync(db, actor, advisorId, cancellationToken);
            if (region is null || (regionId is not null && region != regionId))
            {
                return PlanningResult.NotFound;
            }
            regionId = region;
        }
        if (regionId is null || pattern.Days.Count == 0)
        {
            return PlanningResult.Invalid(new Dictionary<string, string> { [nameof(PatternForm.AdvisorIds)] = "Pattern_Empty" });
        }
        var shifts = pattern.AdvisorIds.Distinct()
            .SelectMany(advisorId => pattern.Days.Select(d => new Shift
            {
                AdvisorId = advisorId, ChannelId = pattern.ChannelId, Date = monday.AddDays(((int)d.Day + 6) % 7), Start = d.Start, End = d.End,
                Break = d.BreakStart is { } b && d.BreakMinutes > 0 ? new ShiftBreak(b, d.BreakMinutes) : null,
            }))
            .ToList();
        return await AddAllAsync(db, actor, regionId.Value, shifts, "Pattern", cancellationToken);
    }

    /// <summary>Publishes a region's week: its shifts become visible to the advisors. Publishing again changes nothing.</summary>
    public async Task<SaveResult> PublishAsync(Actor actor, string regionCode, DateOnly anyDay, CancellationToken cancellationToken = default)
    {
        var region = await PlannableRegionAsync(actor, regionCode, cancellationToken);
        if (region is null)
        {
            return SaveResult.NotFound;
        }
        var monday = LocalCalendar.MondayOf(anyDay);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.PublishedWeeks.AnyAsync(w => w.RegionId == region.Id && w.Monday == monday, cancellationToken))
        {
            return SaveResult.Saved;
        }
        var advisors = RegionAdvisors(db, region.Id);
        var count = await db.Shifts.CountAsync(s => s.Date >= monday && s.Date <= monday.AddDays(6) && advisors.Any(a => a.Id == s.AdvisorId), cancellationToken);
        db.PublishedWeeks.Add(new PublishedWeek { RegionId = region.Id, Monday = monday, PublishedAtUtc = clock.GetUtcNow().UtcDateTime, PublishedBy = actor.UserName });
        AuditLog.Record(db, actor, clock, AuditEntities.PublishedWeek, $"{region.Code}/{Day(monday)}", region.Id, "Publish", null, new { Week = Day(monday), Shifts = count });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return SaveResult.Saved;
        }
        catch (DbUpdateException)
        {
            // Published meanwhile by someone else: the week is published either way.
            return SaveResult.Saved;
        }
    }

    /// <summary>
    /// Checks shifts as a batch: each against the advisor's shifts (less those the batch replaces) and the batch's earlier
    /// shifts. Answers every refusal.
    /// </summary>
    internal async Task<IReadOnlyList<PlanningRefusal>> CheckAsync(PortalDbContext db, IReadOnlyList<Shift> shifts, IReadOnlySet<int> removed,
        CancellationToken cancellationToken)
    {
        if (shifts.Count == 0)
        {
            return [];
        }
        var facts = await PlanningFactsLoader.LoadAsync(db, shifts.Select(s => s.AdvisorId).Distinct().ToList(),
            shifts.Min(s => s.Date), shifts.Max(s => s.Date), cancellationToken);
        foreach (var advisor in facts.Values)
        {
            advisor.Shifts.RemoveAll(s => removed.Contains(s.Id));
        }
        var channels = await PlanningFactsLoader.ChannelsAsync(db, cancellationToken);
        if (shifts.Any(s => !channels.ContainsKey(s.ChannelId) || !facts.ContainsKey(s.AdvisorId)))
        {
            throw new InvalidOperationException("Shifts are checked for known advisors and channels only.");
        }
        return Rules.CheckAll(shifts, facts, channels);
    }

    /// <summary>The time a change is marked with when it lands in a published week of the region (advisors are told), else null.</summary>
    internal async Task<DateTime?> ChangeMarkAsync(PortalDbContext db, int regionId, IEnumerable<DateOnly> days, CancellationToken cancellationToken)
    {
        var mondays = days.Select(LocalCalendar.MondayOf).Distinct().ToList();
        return await db.PublishedWeeks.AnyAsync(w => w.RegionId == regionId && mondays.Contains(w.Monday), cancellationToken)
            ? clock.GetUtcNow().UtcDateTime
            : null;
    }

    private async Task<PlanningResult> AddAllAsync(PortalDbContext db, Actor actor, int regionId, List<Shift> shifts, string action, CancellationToken cancellationToken)
    {
        if (shifts.Count == 0)
        {
            return PlanningResult.Saved([]);
        }
        var refusals = await CheckAsync(db, shifts, removed: new HashSet<int>(), cancellationToken);
        if (refusals.Count > 0)
        {
            return PlanningResult.Refused(refusals);
        }
        var mark = await ChangeMarkAsync(db, regionId, shifts.Select(s => s.Date), cancellationToken);
        foreach (var shift in shifts)
        {
            shift.ChangedAtUtc = mark;
        }
        db.Shifts.AddRange(shifts);
        var days = shifts.Select(s => s.Date).Distinct().Order().ToList();
        AuditLog.Record(db, actor, clock, AuditEntity, action, regionId, action, null,
            new { Shifts = shifts.Count, Advisors = shifts.Select(s => s.AdvisorId).Distinct().Count(), From = Day(days[0]), To = Day(days[^1]) });
        await db.SaveChangesAsync(cancellationToken);
        return PlanningResult.Saved(days);
    }

    private async Task<PlanningResult> SaveWithAuditAsync(PortalDbContext db, Actor actor, int regionId, Shift shift, object? before, string action,
        IReadOnlyList<DateOnly> days, CancellationToken cancellationToken)
    {
        try
        {
            // The change and its audit entry are written together or not at all.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            AuditLog.Record(db, actor, clock, AuditEntity, shift.Id.ToString(CultureInfo.InvariantCulture), regionId, action, before,
                action == "Delete" ? null : Snapshot(shift));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return PlanningResult.Saved(days);
        }
        catch (DbUpdateConcurrencyException)
        {
            return PlanningResult.Conflict;
        }
    }

    /// <summary>The region's advisors the planner shows and plans: active, at one of its in-house sites.</summary>
    internal static IQueryable<Advisor> RegionAdvisors(PortalDbContext db, int regionId) =>
        db.Advisors.AsNoTracking().Where(Advisor.ActiveInHouse).Where(a => a.Site!.RegionId == regionId);

    /// <summary>The region of an advisor the actor may plan (active, in-house, in a region the actor plans), or null.</summary>
    private static async Task<int?> PlannableRegionAsync(PortalDbContext db, Actor actor, int advisorId, CancellationToken cancellationToken)
    {
        var region = await db.Advisors.AsNoTracking().Where(Advisor.ActiveInHouse).Where(a => a.Id == advisorId)
            .Select(a => (int?)a.Site!.RegionId).SingleOrDefaultAsync(cancellationToken);
        return region is { } id && AccessRules.CanChange(actor, Area.Assignments, id) ? id : null;
    }

    private async Task<RegionSummary?> PlannableRegionAsync(Actor actor, string regionCode, CancellationToken cancellationToken)
    {
        var region = await regions.FindAsync(actor, regionCode, Area.Assignments, cancellationToken);
        return region is not null && AccessRules.CanChange(actor, Area.Assignments, region.Id) ? region : null;
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static object Snapshot(Shift s) => new
    {
        s.AdvisorId, s.ChannelId, Date = Day(s.Date), Start = s.Start.ToString("HH:mm", CultureInfo.InvariantCulture),
        End = s.End.ToString("HH:mm", CultureInfo.InvariantCulture), BreakStart = s.BreakStart?.ToString("HH:mm", CultureInfo.InvariantCulture), s.BreakMinutes,
    };
}
