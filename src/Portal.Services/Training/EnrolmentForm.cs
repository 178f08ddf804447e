namespace Portal.Services.Training;

/// <summary>Advisors to enrol in a session together: all of them or none.</summary>
/// <param name="ConfirmCoverage">The planner saw the core half-hours the enrolment pushes below the floor and keeps it anyway.</param>
public sealed record EnrolmentRequest(int SessionId, IReadOnlyList<int> AdvisorIds, bool ConfirmCoverage = false);
