using Bunit;
using Portal.Domain.Regions;
using Portal.Services.Dashboard;
using Portal.Web.Components.Pages.Dashboard.Components;
using static Portal.Components.Tests.Dashboard.Figures;

namespace Portal.Components.Tests.Dashboard;

public class DirectorPanelTests : PortalComponentTest
{
    private IRenderedComponent<DirectorPanel> RenderFor(RegionFigures region) =>
        Render<DirectorPanel>(p => p.Add(x => x.View, new DirectorDashboard(region, UpcomingSessions: 7, ShiftsNextSevenDays: 48)));

    [Fact]
    public void Director_sees_the_code_and_name_of_the_region()
    {
        var panel = RenderFor(Regions.Normandie);

        Assert.Equal("NOR · Normandie", panel.Find("[data-testid=region-name]").TextContent.Trim());
    }

    [Fact]
    public void Active_advisors_are_grouped_by_thousands_the_French_way()
    {
        var panel = RenderFor(Regions.Normandie);

        Assert.Equal("1\u202F555", ValueOf(panel, "advisors"));
    }

    [Fact]
    public void Completion_rate_is_a_rounded_French_percentage()
    {
        var panel = RenderFor(Regions.Normandie);

        Assert.Equal("66 %", ValueOf(panel, "completion"));
    }

    [Fact]
    public void Completion_detail_gives_completed_advisors_and_those_still_enrolled()
    {
        var panel = RenderFor(Regions.Normandie with { ActiveInHouseAdvisors = 40, CompletedRequiredTraining = 30, PlannedRequiredTraining = 6 });

        Assert.Equal("75 %", ValueOf(panel, "completion"));
        Assert.Equal("30 sur 40\u00a0; 6 de plus inscrits", DetailOf(panel, "completion"));
    }

    [Fact]
    public void Large_figures_inside_a_sentence_are_grouped_by_thousands_too()
    {
        var panel = RenderFor(Regions.Normandie with { ActiveInHouseAdvisors = 1_555, CompletedRequiredTraining = 1_020, PlannedRequiredTraining = 300 });

        Assert.Equal("1\u202F020 sur 1\u202F555\u00a0; 300 de plus inscrits", DetailOf(panel, "completion"));
    }

    [Fact]
    public void Sites_are_totalled_and_detailed_by_kind()
    {
        var panel = RenderFor(Regions.Normandie);

        Assert.Equal("16", ValueOf(panel, "sites"));
        Assert.Equal("10 internes, 4 sous-traités, 2 offshore", DetailOf(panel, "sites"));
    }

    [Fact]
    public void A_region_not_yet_switched_shows_its_planned_date()
    {
        var panel = RenderFor(Regions.Normandie);

        Assert.Contains("Bascule prévue le 02/03/2026", panel.Markup, StringComparison.Ordinal);
        Assert.Contains("En préparation", panel.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void A_switched_region_shows_the_day_it_switched()
    {
        var panel = RenderFor(Regions.Normandie with { Status = RegionStatus.Switched, ActualSwitchDate = new DateOnly(2026, 3, 9) });

        Assert.Contains("Basculée le 09/03/2026", panel.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("Bascule prévue", panel.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Upcoming_sessions_and_shifts_are_counted()
    {
        var panel = RenderFor(Regions.Normandie);

        Assert.Equal("7", ValueOf(panel, "sessions"));
        Assert.Equal("48 vacations planifiées sur 7 jours", DetailOf(panel, "sessions"));
    }
}
