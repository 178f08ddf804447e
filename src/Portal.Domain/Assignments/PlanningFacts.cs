namespace Portal.Domain.Assignments;

/// <summary>
/// What the planning rules need to know of an advisor, read once for a week (and its neighbouring days, for the rest
/// rule across weeks): certified skills, training days, absences and the shifts already planned.
/// </summary>
public sealed class AdvisorPlanningFacts
{
    public required int AdvisorId { get; init; }
    public required string EmployeeNumber { get; init; }
    public required string Name { get; init; }
    public int WorkingTimePercent { get; init; } = 100;

    /// <summary>Skills held at level 2 or more.</summary>
    public IReadOnlySet<int> CertifiedSkills { get; init; } = new HashSet<int>();

    public IReadOnlySet<DateOnly> TrainingDays { get; init; } = new HashSet<DateOnly>();
    public IReadOnlyList<Absence> Absences { get; init; } = [];

    /// <summary>The advisor's shifts around the planned ones; the rules add each accepted shift so a batch is checked as a whole.</summary>
    public List<Shift> Shifts { get; init; } = [];

    /// <summary>The advisor's contract hours for a week: the full-time week times the working-time ratio.</summary>
    public double ContractHours => PlanningSettings.FullTimeWeeklyHours * WorkingTimePercent / 100.0;
}
