using Portal.Domain.Training;
using Portal.Domain.TrainingPlan;
using Portal.Services.Regions;
using Portal.Services.Rollout;
using Portal.Services.Training;

namespace Portal.Services.TrainingPlan;

/// <summary>One week of the proposal: the coverage its sessions take away.</summary>
public sealed record TrainingPlanWeek(DateOnly Monday, double CoverageLostStaffHours);

/// <summary>
/// A proposal to review: the plan, the employee numbers of its advisors, week by week the coverage it takes, the
/// readiness outlook recomputed with its sessions counted as planned (null when it could not be read), and the input it
/// was made from.
/// </summary>
public sealed record TrainingPlanView(RegionSummary Region, TrainingPlanProposal Plan, IReadOnlyDictionary<int, string> EmployeeNumbers,
    IReadOnlyList<TrainingPlanWeek> Weeks, double Threshold, TrainingPlanInput? Input = null, OutlookView? Outlook = null)
{
    public IReadOnlyList<string> Numbers(ProposedSession session) => [.. session.Advisors.Select(a => EmployeeNumbers[a]).Order(StringComparer.Ordinal)];

    /// <summary>The proposal's sessions as the readiness outlook counts them.</summary>
    public static IReadOnlyList<HypotheticalSession> Hypothetical(TrainingPlanProposal plan) =>
        [.. plan.Sessions.Select(s => new HypotheticalSession(s.CourseId, s.Days, s.Advisors))];
}

/// <summary>
/// What accepting a proposal did: every session saved (their ids), or nothing saved and why: a session's days refused
/// by the training rules (a message key), advisors who can no longer be enrolled, or (outcome
/// <see cref="TrainingOutcome.Conflict"/>) what changed since the proposal, as sentences in the user's language: a room
/// another session took, a core half-hour the plan would now push below the floor.
/// </summary>
public sealed record TrainingPlanAcceptResult(TrainingOutcome Outcome, IReadOnlyList<int> SessionIds, string? DaysRefused, IReadOnlyList<AdvisorRefusal> Refusals,
    IReadOnlyList<string>? Conflicts = null)
{
    public static TrainingPlanAcceptResult NotFound { get; } = new(TrainingOutcome.NotFound, [], null, []);
}
