namespace Portal.EndToEnd.Tests.Infrastructure;

/// <summary>The demo logins of the specification (section 8) and the navigation areas each role is given.</summary>
public static class DemoLogins
{
    private const string Password = "Portal-Demo-2026!";

    public static Credentials National { get; } = new("national@portal.demo", Password);
    public static Credentials DirectorBpl { get; } = new("director.bpl@portal.demo", Password);
    public static Credentials DirectorNc { get; } = new("director.nc@portal.demo", Password);
    public static Credentials Hr { get; } = new("hr@portal.demo", Password);
    public static Credentials AdvisorBpl { get; } = new("advisor.bpl@portal.demo", Password);

    public static IReadOnlyList<string> NationalAreas { get; } =
        ["Dashboard", "Rollout", "Advisors", "Skills", "Training", "Coverage", "Subcontracting", "Assignments", "Audit", "Administration"];

    public static IReadOnlyList<string> DirectorAreas { get; } =
        ["Dashboard", "Rollout", "Advisors", "Skills", "Training", "Coverage", "Subcontracting", "Assignments", "Audit"];

    public static IReadOnlyList<string> HrAreas { get; } = ["Dashboard", "Rollout", "Advisors", "Skills", "Training"];

    public static IReadOnlyList<string> AdvisorAreas { get; } = ["Dashboard", "Rollout", "Me"];
}
