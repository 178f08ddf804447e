namespace Portal.Domain.TrainingPlan;

/// <summary>A course required for regionalisation: its number of days and the capacity of one of its sessions.</summary>
public sealed record PlanCourse(int Id, string Code, int Days, int Capacity);

/// <summary>
/// An in-house site of the region that can host sessions: how many sessions it hosts a day at most, and how many it
/// already hosts on each day (the sessions already planned there take their rooms).
/// </summary>
public sealed record PlanSite(int Id, string Code, int SessionsPerDay, IReadOnlyDictionary<DateOnly, int> Booked);

/// <summary>
/// A core half-hour of one of the region's channels: the supply counted there and the staff required. Training an
/// advisor who supplies it takes one away.
/// </summary>
public sealed record CoreCell(DateOnly Day, string Channel, TimeOnly Time, int Supply, int Required);

/// <summary>
/// An active in-house advisor of the region (one of the training gate's advisors): the required courses neither
/// completed by the target date nor in a planned session, the days absent, the days already in training, and per day the core cells
/// (indices in <see cref="TrainingPlanInput.Cells"/>) the advisor supplies, which a training day that day takes away.
/// </summary>
public sealed record PlanAdvisor(
    int Id,
    string EmployeeNumber,
    int SiteId,
    IReadOnlySet<int> MissingCourses,
    IReadOnlySet<DateOnly> Absent,
    IReadOnlySet<DateOnly> TrainingDays,
    IReadOnlyDictionary<DateOnly, IReadOnlyList<int>> Supplies)
{
    private static readonly IReadOnlyDictionary<int, DateOnly> NothingPlanned = new Dictionary<int, DateOnly>();

    /// <summary>
    /// The required courses the advisor is already enrolled in a planned session of, with that session's last day. They
    /// count as completed from that day, as in the readiness outlook, and the plan does not enrol the advisor in them again.
    /// </summary>
    public IReadOnlyDictionary<int, DateOnly> Planned { get; init; } = NothingPlanned;

    /// <summary>Whether every planned session of the advisor's has ended by the date, so that the advisor can count as complete then.</summary>
    public bool PlannedBy(DateOnly date) => Planned.Values.All(last => last <= date);
}

/// <summary>
/// Everything the training plan to the switch depends on, already read: the region's required courses, its training
/// gate's advisors, its in-house sites, the core coverage margin per half-hour from <see cref="From"/> to
/// <see cref="Horizon"/>, the public holidays of that window and the rollout settings that apply.
/// </summary>
public sealed record TrainingPlanInput
{
    public required string RegionCode { get; init; }

    /// <summary>The first day a proposed session may be held on (the day after today: nobody is trained retroactively).</summary>
    public required DateOnly From { get; init; }

    /// <summary>The target switch date D: completion on or before it counts.</summary>
    public required DateOnly Target { get; init; }

    /// <summary>The last day the coverage margin is known for; the earliest reachable date is searched up to it.</summary>
    public required DateOnly Horizon { get; init; }

    public required IReadOnlyList<PlanCourse> Courses { get; init; }
    public required IReadOnlyList<PlanSite> Sites { get; init; }
    public required IReadOnlyList<PlanAdvisor> Advisors { get; init; }
    public required IReadOnlyList<CoreCell> Cells { get; init; }
    public required IReadOnlySet<DateOnly> PublicHolidays { get; init; }

    /// <summary>The training gate's threshold (G2): the share of the advisors who must have completed every required course.</summary>
    public double Threshold { get; init; } = 0.8;

    public int MaxDaysPerWeek { get; init; } = 3;

    /// <summary>No core half-hour may fall below this coverage because of a proposed session.</summary>
    public double CoverageFloor { get; init; } = 0.8;

    /// <summary>Whether sessions may be held on the day: not a Sunday, not a public holiday.</summary>
    public bool IsWorkingDay(DateOnly day) => day.DayOfWeek != DayOfWeek.Sunday && !PublicHolidays.Contains(day);

    /// <summary>How many advisors must have completed every required course for the gate to pass.</summary>
    public int AdvisorsNeeded => (int)Math.Ceiling(Threshold * Advisors.Count - 1e-9);

    /// <summary>The same input with every planned session ending by <paramref name="date"/> at the latest: what the plan could do if they ended in time.</summary>
    public TrainingPlanInput WithPlannedEndingBy(DateOnly date) => this with
    {
        Advisors = [.. Advisors.Select(a => a with { Planned = a.Planned.ToDictionary(p => p.Key, p => p.Value > date ? date : p.Value) })],
    };
}
