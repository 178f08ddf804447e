using Portal.Domain.Regions;

namespace Portal.Services.Dashboard;

/// <summary>What the dashboard shows; one shape per role.</summary>
public abstract record DashboardView;

public sealed record NationalDashboard(
    IReadOnlyList<RegionFigures> Regions,
    SiteCounts Sites,
    int ActiveAdvisors) : DashboardView;

public sealed record DirectorDashboard(RegionFigures Region, int UpcomingSessions, int ShiftsNextSevenDays) : DashboardView;

public sealed record HrDashboard(IReadOnlyList<RegionFigures> Regions, IReadOnlyList<CourseCompletion> Courses) : DashboardView;

public sealed record AdvisorDashboard(string Name, string EmployeeNumber, string Site, IReadOnlyList<UpcomingItem> Next) : DashboardView;

public sealed record SiteCounts(int InHouse, int Subcontracted, int Offshore)
{
    public int Total => InHouse + Subcontracted + Offshore;
}

/// <summary>A region's headline figures, without personal data.</summary>
public sealed record RegionFigures(
    string Code,
    string Name,
    int Wave,
    RegionStatus Status,
    DateOnly PlannedSwitchDate,
    DateOnly? ActualSwitchDate,
    int Customers,
    SiteCounts Sites,
    int ActiveInHouseAdvisors,
    int CompletedRequiredTraining,
    int PlannedRequiredTraining)
{
    /// <summary>Share of active in-house advisors who completed every course required for regionalisation.</summary>
    public double CompletionRate => ActiveInHouseAdvisors == 0 ? 0 : (double)CompletedRequiredTraining / ActiveInHouseAdvisors;
}

public sealed record CourseCompletion(string RegionCode, string RegionName, string CourseCode, string CourseTitle, int Completed, int Planned, int ActiveInHouseAdvisors)
{
    public double CompletionRate => ActiveInHouseAdvisors == 0 ? 0 : (double)Completed / ActiveInHouseAdvisors;
}

public enum UpcomingKind
{
    Shift = 0,
    Training = 1,
}

public sealed record UpcomingItem(DateOnly Date, UpcomingKind Kind, TimeOnly? Start, TimeOnly? End, string What);
