using Portal.Domain.Training;
using Portal.Domain.TrainingPlan;
using Portal.Services.Regions;
using Portal.Services.Training;

namespace Portal.Services.TrainingPlan;

/// <summary>One week of the proposal: the coverage its sessions take away and the training gate at its Monday with them.</summary>
public sealed record TrainingPlanWeek(DateOnly Monday, double CoverageLostStaffHours, double G2);

/// <summary>A proposal to review: the plan, the employee numbers of its advisors, and week by week its effect; the input it was made from.</summary>
public sealed record TrainingPlanView(RegionSummary Region, TrainingPlanProposal Plan, IReadOnlyDictionary<int, string> EmployeeNumbers,
    IReadOnlyList<TrainingPlanWeek> Weeks, double Threshold, TrainingPlanInput? Input = null)
{
    public IReadOnlyList<string> Numbers(ProposedSession session) => [.. session.Advisors.Select(a => EmployeeNumbers[a]).Order(StringComparer.Ordinal)];
}

/// <summary>
/// What accepting a proposal did: every session saved (their ids), or nothing saved and why: a session's days refused
/// by the training rules (a message key), or advisors who can no longer be enrolled.
/// </summary>
public sealed record TrainingPlanAcceptResult(TrainingOutcome Outcome, IReadOnlyList<int> SessionIds, string? DaysRefused, IReadOnlyList<AdvisorRefusal> Refusals)
{
    public static TrainingPlanAcceptResult NotFound { get; } = new(TrainingOutcome.NotFound, [], null, []);
}
