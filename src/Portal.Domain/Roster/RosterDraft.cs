using Portal.Domain.Assignments;

namespace Portal.Domain.Roster;

/// <summary>
/// A proposed roster: the week's shifts on the planned channels as they would be (pinned and kept ones included), what
/// changes against the current plan, the coverage before and after, the greedy baseline, and two lower bounds in
/// staff-hours: no roster of the same advisors and patterns leaves less uncovered.
/// </summary>
/// <param name="LowerBound">The bound on the gap over all slots: read it against <see cref="RosterFigures.Uncovered"/>.</param>
/// <param name="LowerBoundCore">The bound on the core gap only: read it against <see cref="RosterFigures.UncoveredCore"/>.</param>
public sealed record RosterDraft(
    IReadOnlyList<Shift> Shifts,
    IReadOnlyList<Shift> Added,
    IReadOnlyList<Shift> Removed,
    RosterFigures Before,
    RosterFigures After,
    RosterFigures Greedy,
    double LowerBound,
    double LowerBoundCore,
    RosterSolveStatus Status,
    double Seconds);

/// <summary>Staff-hours of a plan over the planned channels: uncovered (all slots and core only) and over-covered.</summary>
public sealed record RosterFigures(double Uncovered, double UncoveredCore, double OverCovered);

public enum RosterSolveStatus
{
    /// <summary>The solver proved no better roster exists.</summary>
    Optimal = 0,

    /// <summary>The solver found a roster at least as good as the greedy one within its time limit.</summary>
    Feasible = 1,

    /// <summary>The solver found nothing better in time: the greedy roster is proposed.</summary>
    Greedy = 2,

    /// <summary>The director cancelled; the best roster found so far is proposed.</summary>
    Cancelled = 3,
}
