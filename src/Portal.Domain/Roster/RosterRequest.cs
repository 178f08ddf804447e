using Portal.Domain.Assignments;
using Portal.Domain.Coverage;

namespace Portal.Domain.Roster;

/// <summary>
/// What a roster is proposed from, already read: a region's week and the channels to plan, each with its demand,
/// subcontracted supply and patterns; the region's advisors with their skills, absences, training days and shifts
/// (those of the week before and after too, for rest); the shifts the director has pinned.
/// </summary>
public sealed class RosterRequest
{
    public required DateOnly Monday { get; init; }

    public required IReadOnlyList<RosterChannel> Channels { get; init; }

    /// <summary>
    /// The advisors who may be planned. Their <see cref="AdvisorPlanningFacts.Shifts"/> on a planned channel within the
    /// week are the current plan, which the proposal may change (at a cost) unless pinned; the others are kept.
    /// </summary>
    public required IReadOnlyList<AdvisorPlanningFacts> Advisors { get; init; }

    /// <summary>Shifts (among the advisors' shifts) the proposal must keep as they are.</summary>
    public IReadOnlyCollection<Shift> Pinned { get; init; } = [];

    /// <summary>Whether the week is published: every shift added or removed is then a change advisors will see.</summary>
    public bool Published { get; init; }

    /// <summary>The team (site) of each advisor, by which a large week is solved piece by piece.</summary>
    public IReadOnlyDictionary<int, int> Teams { get; init; } = new Dictionary<int, int>();

    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Solver workers; zero means one per core.</summary>
    public int Workers { get; init; }

    public int MaxCandidatesPerModel { get; init; } = 60_000;
}

/// <summary>
/// A channel to plan: its coverage inputs (demand, subcontracted capacity, the region and its switch date; the
/// in-house shifts are taken from the advisors) and the shift patterns it allows.
/// </summary>
public sealed record RosterChannel(CoverageInputs Coverage, IReadOnlyList<ShiftPattern> Patterns);
