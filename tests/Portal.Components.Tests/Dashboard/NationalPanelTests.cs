using Bunit;
using Portal.Services.Dashboard;
using Portal.Web.Components.Pages.Dashboard.Components;
using static Portal.Components.Tests.Dashboard.Figures;

namespace Portal.Components.Tests.Dashboard;

public class NationalPanelTests : PortalComponentTest
{
    private IRenderedComponent<NationalPanel> RenderNational() =>
        Render<NationalPanel>(p => p.Add(x => x.View, new NationalDashboard(
            [Regions.Bretagne, Regions.Normandie, Regions.Occitanie],
            new SiteCounts(InHouse: 28, Subcontracted: 8, Offshore: 3),
            ActiveAdvisors: 4_255)));

    [Fact]
    public void National_totals_are_shown_as_headline_figures()
    {
        var panel = RenderNational();

        Assert.Equal("3", ValueOf(panel, "regions"));
        Assert.Equal("4\u202F255", ValueOf(panel, "advisors"));
        Assert.Equal("39", ValueOf(panel, "sites"));
        Assert.Equal("28 internes, 8 sous-traités, 3 offshore", DetailOf(panel, "sites"));
        Assert.Equal("1 / 3", ValueOf(panel, "switched"));
    }

    [Fact]
    public void Region_table_has_one_row_per_region_in_the_given_order()
    {
        var rows = RenderNational().FindAll("tbody tr");

        Assert.Equal(["BRE · Bretagne", "NOR · Normandie", "OCC · Occitanie"], rows.Select(r => r.Children[1].TextContent.Trim()));
    }

    [Fact]
    public void A_region_row_shows_its_wave_status_date_customers_advisors_sites_and_completion()
    {
        var row = RenderNational().FindAll("tbody tr")[1];

        Assert.Equal(
            ["1", "NOR · Normandie", "En préparation", "02/03/2026", "1\u202F250\u202F000", "1\u202F555", "10", "66 %"],
            row.Children.Select(c => c.TextContent.Trim()));
    }

    [Fact]
    public void A_switched_region_row_shows_the_day_it_actually_switched()
    {
        var row = RenderNational().FindAll("tbody tr")[0];

        Assert.Equal("Basculée", row.Children[2].TextContent.Trim());
        Assert.Equal("09/02/2026", row.Children[3].TextContent.Trim());
    }
}
