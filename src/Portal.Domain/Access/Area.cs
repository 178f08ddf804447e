namespace Portal.Domain.Access;

/// <summary>The portal's capabilities, one per feature; access is decided per area.</summary>
public enum Area
{
    Dashboard = 0,
    Rollout = 1,
    Advisors = 2,
    Skills = 3,
    Training = 4,
    Coverage = 5,
    Subcontracting = 6,
    Assignments = 7,
    Me = 8,
    Audit = 9,
    Administration = 10,
}
