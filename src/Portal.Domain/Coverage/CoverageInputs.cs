using Portal.Domain.Assignments;
using Portal.Domain.Channels;
using Portal.Domain.Regions;
using Portal.Domain.Subcontracting;
using Portal.Domain.Time;

namespace Portal.Domain.Coverage;

/// <summary>
/// Everything the coverage of one region, channel and period depends on, already read: the demand per interval,
/// the in-house shifts on the channel, who holds the channel's skills, who trains or is absent on which day, and
/// the subcontracted and offshore capacity serving the region on the channel.
/// </summary>
public sealed class CoverageInputs
{
    public required Region Region { get; init; }
    public required Channel Channel { get; init; }

    /// <summary>Expected contacts and handling time per interval start (UTC). A missing interval expects nothing.</summary>
    public required IReadOnlyDictionary<DateTime, (double Contacts, double AverageHandlingSeconds)> Demand { get; init; }

    /// <summary>Shifts on the channel, including those of the day before the period (a night shift reaches into it).</summary>
    public required IReadOnlyList<PlannedShift> Shifts { get; init; }

    /// <summary>
    /// Shifts already counted by hours, of advisors known to be available (certified, neither training nor absent that
    /// day): a long period read as patterns rather than one row per shift. They add to <see cref="Shifts"/>.
    /// </summary>
    public IReadOnlyList<ShiftGroup> ShiftGroups { get; init; } = [];

    /// <summary>Advisors holding every skill the channel requires at level 2 or more.</summary>
    public required IReadOnlySet<int> Certified { get; init; }

    /// <summary>Advisors' training days: the session days of their enrolments that put them in training (<see cref="Training.Enrolment.InTraining"/>).</summary>
    public required IReadOnlySet<(int AdvisorId, DateOnly Date)> TrainingDays { get; init; }

    public required IReadOnlyList<Absence> Absences { get; init; }

    public required IReadOnlyList<SubcontractorCapacity> Capacities { get; init; }
}
