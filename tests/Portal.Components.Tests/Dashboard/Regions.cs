using Portal.Domain.Regions;
using Portal.Services.Dashboard;

namespace Portal.Components.Tests.Dashboard;

/// <summary>Regions as the dashboard receives them; vary them with <c>with</c>.</summary>
public static class Regions
{
    public static RegionFigures Normandie { get; } = new(
        Code: "NOR", Name: "Normandie", Wave: 1, Status: RegionStatus.Preparing,
        PlannedSwitchDate: new DateOnly(2026, 3, 2), ActualSwitchDate: null, Customers: 1_250_000,
        Sites: new SiteCounts(InHouse: 10, Subcontracted: 4, Offshore: 2),
        ActiveInHouseAdvisors: 1_555, CompletedRequiredTraining: 1_020, PlannedRequiredTraining: 300);

    public static RegionFigures Bretagne { get; } = Normandie with
    {
        Code = "BRE", Name = "Bretagne", Wave = 1, Status = RegionStatus.Switched,
        PlannedSwitchDate = new DateOnly(2026, 2, 2), ActualSwitchDate = new DateOnly(2026, 2, 9), Customers = 980_000,
        Sites = new SiteCounts(6, 1, 0), ActiveInHouseAdvisors = 800, CompletedRequiredTraining = 800, PlannedRequiredTraining = 0,
    };

    public static RegionFigures Occitanie { get; } = Normandie with
    {
        Code = "OCC", Name = "Occitanie", Wave = 3, Status = RegionStatus.Planned,
        PlannedSwitchDate = new DateOnly(2026, 9, 7), Customers = 2_100_000,
        Sites = new SiteCounts(12, 3, 1), ActiveInHouseAdvisors = 1_900, CompletedRequiredTraining = 95, PlannedRequiredTraining = 600,
    };
}
