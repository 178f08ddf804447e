using AngleSharp.Dom;
using Bunit;
using Portal.Services.Dashboard;
using Portal.Web.Components.Pages.Dashboard.Components;

namespace Portal.Components.Tests.Dashboard;

public class HrPanelTests : PortalComponentTest
{
    private IRenderedComponent<HrPanel> RenderHr() =>
        Render<HrPanel>(p => p.Add(x => x.View, new HrDashboard(
            [Regions.Normandie, Regions.Occitanie],
            [
                new CourseCompletion("NOR", "Normandie", "OUT-01", "Outils régionaux", Completed: 1_200, Planned: 200, ActiveInHouseAdvisors: 1_555),
                new CourseCompletion("NOR", "Normandie", "PRO-02", "Procédures de bascule", Completed: 1_020, Planned: 300, ActiveInHouseAdvisors: 1_555),
                new CourseCompletion("OCC", "Occitanie", "OUT-01", "Outils régionaux", Completed: 95, Planned: 600, ActiveInHouseAdvisors: 1_900),
            ])));

    private static string[] Cells(IElement row) => [.. row.Children.Select(c => c.TextContent.Trim())];

    private static IElement TableTitled(IRenderedComponent<HrPanel> panel, string title) =>
        panel.Find($"[aria-label='{title}']");

    [Fact]
    public void Completion_by_region_lists_each_region_with_its_figures()
    {
        var table = TableTitled(RenderHr(), "Formations requises par région");
        var rows = table.QuerySelectorAll("tbody tr");

        Assert.Equal(2, rows.Length);
        Assert.Equal(["NOR · Normandie", "En préparation", "1\u202F555", "1\u202F020", "300", "66 %"], Cells(rows[0]));
        Assert.Equal(["OCC · Occitanie", "Planifiée", "1\u202F900", "95", "600", "5 %"], Cells(rows[1]));
    }

    [Fact]
    public void Completion_by_course_lists_each_region_and_course()
    {
        var table = TableTitled(RenderHr(), "Formations requises par région et par cours");
        var rows = table.QuerySelectorAll("tbody tr");

        Assert.Equal(3, rows.Length);
        Assert.Equal(["NOR · Normandie", "OUT-01 · Outils régionaux", "1\u202F200", "200", "77 %"], Cells(rows[0]));
        Assert.Equal(["OCC · Occitanie", "OUT-01 · Outils régionaux", "95", "600", "5 %"], Cells(rows[2]));
    }
}
