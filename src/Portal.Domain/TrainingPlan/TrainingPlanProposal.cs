namespace Portal.Domain.TrainingPlan;

/// <summary>What stops the target date from being reached, in the order it is looked for.</summary>
public enum TrainingPlanBinding
{
    /// <summary>The date is reached.</summary>
    None = 0,

    /// <summary>Not enough working days before the date for enough advisors to take every course within the week limit, even with unlimited rooms.</summary>
    WorkingDays = 1,

    /// <summary>Not enough sessions (rooms per site and day, seats per session) before the date, coverage aside.</summary>
    TrainingSlots = 2,

    /// <summary>The sessions exist, but taking enough advisors off the floor would push a core half-hour below the floor.</summary>
    Coverage = 3,

    /// <summary>Enough advisors are already in planned sessions, but those sessions end after the date.</summary>
    PlannedSessions = 4,
}

public enum TrainingPlanStatus
{
    /// <summary>CP-SAT proved the proposal has the least coverage lost.</summary>
    Optimal = 1,

    /// <summary>CP-SAT improved the greedy proposal within the time limit.</summary>
    Feasible = 2,

    /// <summary>The greedy proposal, not improved (time limit, or no better plan found).</summary>
    Greedy = 3,

    Cancelled = 4,
}

/// <summary>A proposed session: the course, the site, its days and the advisors enrolled.</summary>
public sealed record ProposedSession(int CourseId, string Course, int SiteId, string Site, IReadOnlyList<DateOnly> Days, int Capacity,
    IReadOnlyList<int> Advisors)
{
    public DateOnly LastDay => Days[^1];
}

/// <summary>
/// The training plan to the switch. Reachable: the sessions bring the training gate to its threshold by the target date.
/// Not reachable: the sessions reach it by <see cref="EarliestDate"/> (null when not within the horizon), and
/// <see cref="Binding"/> names what stops the target. <see cref="G2AtTarget"/> counts the sessions ending by the target.
/// The greedy figures are those of the first solution, kept to compare.
/// </summary>
public sealed record TrainingPlanProposal(
    string RegionCode,
    DateOnly Target,
    bool Reachable,
    DateOnly? EarliestDate,
    double G2AtTarget,
    double CoverageLostStaffHours,
    IReadOnlyList<ProposedSession> Sessions,
    TrainingPlanBinding Binding,
    TrainingPlanStatus Status,
    double GreedyCoverageLostStaffHours,
    DateOnly? GreedyEarliestDate,
    double Seconds);
