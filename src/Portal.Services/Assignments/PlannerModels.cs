using Portal.Domain.Assignments;
using Portal.Services.Regions;

namespace Portal.Services.Assignments;

/// <summary>
/// What the planner filters its rows by (query string of the page): a site, a skill held at level 2 or more, a team (by
/// its name, within the site when one is chosen: team names repeat from site to site), a name or employee number.
/// </summary>
public sealed record PlannerFilter(int? SiteId = null, int? SkillId = null, string? Search = null, string? Team = null);

/// <summary>A team the planner offers: its site and its name.</summary>
public sealed record TeamChoice(int SiteId, string Site, string Team);

/// <summary>A shift as the planner and the advisor's page show it.</summary>
public sealed record ShiftView(int Id, int Version, int AdvisorId, DateOnly Date, TimeOnly Start, TimeOnly End, int ChannelId, string Channel,
    TimeOnly? BreakStart, int BreakMinutes, DateTime? ChangedAtUtc);

/// <summary>One advisor's day in the planner: shifts, the training course of the day if any, an absence if any.</summary>
public sealed record PlannerDay(DateOnly Date, IReadOnlyList<ShiftView> Shifts, string? Training, AbsenceKind? Absence);

/// <summary>One advisor's row of the planner: seven days from Monday.</summary>
public sealed record PlannerRow(int AdvisorId, string EmployeeNumber, string Name, string Site, int WorkingTimePercent, IReadOnlyList<PlannerDay> Days,
    string? Team = null)
{
    public double PlannedHours => Days.SelectMany(d => d.Shifts).Sum(s => s.Hours());
}

/// <summary>A page of the planner's rows and how many rows the filters match in all.</summary>
public sealed record PlannerRows(IReadOnlyList<PlannerRow> Rows, int TotalRows);

/// <summary>
/// A page of the planner's rows for a region's week, with the total row count (for virtualised scrolling), whether the
/// week is published, and what the filters and dialogs offer.
/// </summary>
public sealed record PlannerWeek(RegionSummary Region, DateOnly Monday, bool Published, DateTime? PublishedAtUtc, int TotalRows,
    IReadOnlyList<PlannerRow> Rows, IReadOnlyList<Choice> Sites, IReadOnlyList<Choice> Skills, IReadOnlyList<Choice> Channels,
    IReadOnlyList<TeamChoice> Teams);

/// <summary>How a planning change ended: saved, refused by the rules (with every refusal), in conflict, or not found.</summary>
public sealed record PlanningResult(SaveOutcome Outcome, IReadOnlyList<PlanningRefusal> Refusals, IReadOnlyDictionary<string, string> Errors,
    IReadOnlyList<DateOnly> ChangedDays)
{
    public static PlanningResult NotFound { get; } = new(SaveOutcome.NotFound, [], new Dictionary<string, string>(), []);
    public static PlanningResult Conflict { get; } = new(SaveOutcome.Conflict, [], new Dictionary<string, string>(), []);

    public static PlanningResult Saved(IEnumerable<DateOnly> days) => new(SaveOutcome.Saved, [], new Dictionary<string, string>(), days.Distinct().Order().ToList());

    public static PlanningResult Refused(IReadOnlyList<PlanningRefusal> refusals) => new(SaveOutcome.Invalid, refusals, new Dictionary<string, string>(), []);

    public static PlanningResult Invalid(IReadOnlyDictionary<string, string> errors) => new(SaveOutcome.Invalid, [], errors, []);

    /// <summary>Every refusal as a sentence in the user's language, naming the rule and the advisor.</summary>
    public IReadOnlyList<string> Messages => Refusals.Select(PlanningMessages.Describe).ToList();
}

internal static class ShiftViewHours
{
    public static double Hours(this ShiftView shift)
    {
        var minutes = (shift.End.ToTimeSpan() - shift.Start.ToTimeSpan()).TotalMinutes;
        return ((minutes <= 0 ? minutes + (24 * 60) : minutes) - shift.BreakMinutes) / 60.0;
    }
}

/// <summary>The sentences of the planning refusals (resource keys <c>Planning_Rule_*</c> in Messages.resx).</summary>
public static class PlanningMessages
{
    public static string Describe(PlanningRefusal refusal) =>
        Portal.Services.Messages.Format($"Planning_Rule_{refusal.Rule}", refusal.AdvisorName, refusal.EmployeeNumber,
            refusal.Date.ToString("d", System.Globalization.CultureInfo.CurrentCulture));
}
