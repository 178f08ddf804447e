using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Domain.Access;
using Portal.Domain.Assignments;
using Portal.Domain.Roster;
using Portal.Domain.Time;
using Portal.Services.Assignments;
using Portal.Services.Audit;
using Portal.Services.Coverage;
using Portal.Services.Data;
using Portal.Services.Files;
using Portal.Services.Regions;

namespace Portal.Services.Roster;

/// <summary>
/// Roster proposals for the planner and the command line (specification section 11): a region's week proposed from the
/// database by <see cref="RosterGenerator"/>, then the changes the director accepts saved in one transaction with the
/// planning rules checked again, and audited. Only who plans the region (its director, a national administrator) may
/// ask; anyone else is answered as if the region did not exist.
/// </summary>
public sealed class RosterService(IDbContextFactory<PortalDbContext> dbFactory, RegionDirectory regions, IOptions<PlanningSettings> planning,
    IOptions<RosterSettings> settings, TimeProvider clock)
{
    public const string AuditAction = "Roster";

    private PlanningRules Rules => new(planning.Value, LocalCalendar.Paris);

    /// <summary>The proposal, or null when the region does not exist, the actor may not plan it, or a channel is unknown.</summary>
    public async Task<RosterProposal?> ProposeAsync(Actor actor, RosterQuery query, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        var region = await PlannableRegionAsync(actor, query.RegionCode, cancellationToken);
        if (region is null)
        {
            return null;
        }
        var monday = LocalCalendar.MondayOf(query.Week);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var all = await PlanningFactsLoader.ChannelsAsync(db, cancellationToken);
        var channels = query.Channels is { Count: > 0 } codes
            ? codes.Select(code => all.Values.FirstOrDefault(c => string.Equals(c.Code, code, StringComparison.OrdinalIgnoreCase))).ToList()
            : [.. all.Values.OrderBy(c => c.Id)];
        if (channels.Any(c => c is null))
        {
            return null;
        }
        var advisorRows = await AssignmentService.RegionAdvisors(db, region.Id).Select(a => new { a.Id, a.SiteId }).ToListAsync(cancellationToken);
        var facts = await PlanningFactsLoader.LoadAsync(db, advisorRows.Select(a => a.Id).ToList(), monday, monday.AddDays(6), cancellationToken);
        var rosterChannels = new List<RosterChannel>();
        foreach (var channel in channels)
        {
            var inputs = await CoverageService.LoadInputsAsync(db, region.Id, channel!, monday, cancellationToken);
            rosterChannels.Add(new RosterChannel(inputs, settings.Value.PatternsFor(channel!.Code)));
        }
        var pinnedIds = query.PinnedShiftIds?.ToHashSet() ?? [];
        var advisors = facts.Values.OrderBy(a => a.AdvisorId).ToList();
        var published = await db.PublishedWeeks.AnyAsync(w => w.RegionId == region.Id && w.Monday == monday, cancellationToken);
        var request = new RosterRequest
        {
            Monday = monday, Channels = rosterChannels, Advisors = advisors,
            Pinned = [.. advisors.SelectMany(a => a.Shifts).Where(s => pinnedIds.Contains(s.Id))],
            Published = published,
            Teams = advisorRows.ToDictionary(a => a.Id, a => a.SiteId),
            TimeLimit = TimeSpan.FromSeconds(Math.Clamp(query.Seconds ?? settings.Value.TimeLimitSeconds, 1, 600)),
            MaxCandidatesPerModel = settings.Value.MaxCandidatesPerModel,
        };
        var draft = await Task.Run(() => new RosterGenerator(Rules, LocalCalendar.Paris).Propose(request, progress, cancellationToken), cancellationToken);
        var changes = advisors
            .Select(a => new RosterAdvisorChanges(a.AdvisorId, a.EmployeeNumber, a.Name,
                draft.Added.Where(s => s.AdvisorId == a.AdvisorId).OrderBy(s => s.Date).ThenBy(s => s.Start).ToList(),
                draft.Removed.Where(s => s.AdvisorId == a.AdvisorId).OrderBy(s => s.Date).ThenBy(s => s.Start).ToList()))
            .Where(c => c.Added.Count + c.Removed.Count > 0)
            .ToList();
        return new RosterProposal(region, monday, published, [.. channels.Select(c => c!.Code)], draft, changes, request);
    }

    /// <summary>
    /// Saves the proposal's changes for the given advisors (none: every advisor), all or nothing in one transaction:
    /// removed shifts must still be as the proposal saw them (else a conflict), added ones are checked again against
    /// every planning rule on the week as it would be. One audit entry records what was applied.
    /// </summary>
    public async Task<PlanningResult> ApplyAsync(Actor actor, RosterProposal proposal, IReadOnlyCollection<int>? advisorIds = null,
        CancellationToken cancellationToken = default)
    {
        var region = await PlannableRegionAsync(actor, proposal.Region.Code, cancellationToken);
        if (region is null || region.Id != proposal.Region.Id)
        {
            return PlanningResult.NotFound;
        }
        var accepted = proposal.Changes.Where(c => advisorIds is null || advisorIds.Contains(c.AdvisorId)).ToList();
        var added = accepted.SelectMany(c => c.Added).Select(Copy).ToList();
        var removed = accepted.SelectMany(c => c.Removed).ToList();
        if (added.Count + removed.Count == 0)
        {
            return PlanningResult.Saved([]);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var plannable = await AssignmentService.RegionAdvisors(db, region.Id).Select(a => a.Id).ToListAsync(cancellationToken);
        if (accepted.Any(c => !plannable.Contains(c.AdvisorId)))
        {
            return PlanningResult.NotFound;
        }
        var removedIds = removed.Select(s => s.Id).ToHashSet();
        var stored = await db.Shifts.Where(s => removedIds.Contains(s.Id)).ToListAsync(cancellationToken);
        if (stored.Count != removedIds.Count || stored.Any(s => removed.Single(r => r.Id == s.Id).Version != s.Version))
        {
            return PlanningResult.Conflict;
        }

        var refusals = await CheckAsync(db, added, removedIds, cancellationToken);
        if (refusals.Count > 0)
        {
            return PlanningResult.Refused(refusals);
        }
        var days = added.Select(s => s.Date).Concat(removed.Select(s => s.Date)).Distinct().Order().ToList();
        DateTime? mark = proposal.Published || await db.PublishedWeeks.AnyAsync(w => w.RegionId == region.Id && w.Monday == proposal.Monday, cancellationToken)
            ? clock.GetUtcNow().UtcDateTime
            : null;
        foreach (var shift in added)
        {
            shift.ChangedAtUtc = mark;
        }
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            db.Shifts.RemoveRange(stored);
            db.Shifts.AddRange(added);
            AuditLog.Record(db, actor, clock, AuditEntities.Shift, $"{region.Code}/{Day(proposal.Monday)}", region.Id, AuditAction, null, new
            {
                Week = Day(proposal.Monday), proposal.Channels, Added = added.Count, Removed = stored.Count, Advisors = accepted.Count,
                // Each bound beside the gap it bounds: the whole gap, then the core one.
                UncoveredBefore = proposal.Draft.Before.Uncovered, UncoveredAfter = proposal.Draft.After.Uncovered, proposal.Draft.LowerBound,
                UncoveredCoreBefore = proposal.Draft.Before.UncoveredCore, UncoveredCoreAfter = proposal.Draft.After.UncoveredCore,
                proposal.Draft.LowerBoundCore,
            });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return PlanningResult.Saved(days);
        }
        catch (DbUpdateConcurrencyException)
        {
            return PlanningResult.Conflict;
        }
    }

    /// <summary>
    /// Writes the draft's shifts (the planned channels' week as it would be) in the shift file format that
    /// <c>import shifts</c> reads, ordered by employee number, date and start.
    /// </summary>
    public async Task WriteShiftFileAsync(RosterProposal proposal, Stream output, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var ids = proposal.Draft.Shifts.Select(s => s.AdvisorId).Distinct().ToList();
        var numbers = await db.Advisors.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.EmployeeNumber, cancellationToken);
        var channels = await db.Channels.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Code, cancellationToken);
        var rows = proposal.Draft.Shifts
            .Select(s => (Number: numbers[s.AdvisorId], Shift: s))
            .OrderBy(x => x.Number, StringComparer.Ordinal).ThenBy(x => x.Shift.Date).ThenBy(x => x.Shift.Start)
            .Select(x => (IReadOnlyList<object?>)
            [
                x.Number, ShiftFile.Date(x.Shift.Date), ShiftFile.Time(x.Shift.Start), ShiftFile.Time(x.Shift.End), channels[x.Shift.ChannelId],
                x.Shift.Break is { } b ? ShiftFile.Time(b.Start) : "", x.Shift.Break is { } p ? p.Minutes : "",
            ])
            .ToList();
        await CsvTable.WriteAsync(output, new FileTable([.. ShiftFile.Columns.Columns.Select(c => c.Name)], rows), cancellationToken);
    }

    private async Task<IReadOnlyList<PlanningRefusal>> CheckAsync(PortalDbContext db, IReadOnlyList<Shift> shifts, IReadOnlySet<int> removed,
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
        return Rules.CheckAll(shifts, facts, channels);
    }

    private async Task<RegionSummary?> PlannableRegionAsync(Actor actor, string regionCode, CancellationToken cancellationToken)
    {
        var region = await regions.FindAsync(actor, regionCode, Area.Assignments, cancellationToken);
        return region is not null && AccessRules.CanChange(actor, Area.Assignments, region.Id) ? region : null;
    }

    // The draft's shifts stay the proposal's; the saved ones are new entities.
    private static Shift Copy(Shift s) => new() { AdvisorId = s.AdvisorId, ChannelId = s.ChannelId, Date = s.Date, Start = s.Start, End = s.End, Break = s.Break };

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
