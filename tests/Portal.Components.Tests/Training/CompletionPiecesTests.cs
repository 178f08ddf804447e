using Bunit;
using MudBlazor;
using Portal.Services.Training;
using Portal.Web.Components.Pages.Training.Components;

namespace Portal.Components.Tests.Training;

/// <summary>The pieces of the completion page: the figures tables, the charts and the still-missing list.</summary>
public sealed class CompletionPiecesTests : PortalComponentTest
{
    private static readonly CompletionView View = new(
        new DateOnly(2026, 12, 1),
        new CompletionFigure("", null, null, "", 300, 150, 60),
        [new CompletionFigure("NC", null, null, "Normandie-Centre", 100, 25, 10), new CompletionFigure("BPL", null, null, "Bretagne-Pays de Loire", 200, 125, 50)],
        [new CompletionFigure("NC", 11, null, "Plateau Caen", 100, 25, 10), new CompletionFigure("BPL", 21, null, "Plateau Rennes", 200, 125, 50)],
        [new CompletionFigure("", null, "TRANSV-COM", "Transversalité commerciale", 300, 180, 40)],
        [new CompletionWeek(new DateOnly(2026, 11, 23), 140, 140, false), new CompletionWeek(new DateOnly(2026, 11, 30), 150, 150, false),
         new CompletionWeek(new DateOnly(2026, 12, 7), 150, 210, true)]);

    [Fact]
    public void The_region_table_shows_each_region_rate()
    {
        var table = Render<CompletionTable>(p => p.Add(x => x.Title, "Par région").Add(x => x.Figures, View.Regions));

        var names = table.FindAll("[data-testid=figure-name]").Select(c => c.TextContent).ToList();
        var rates = table.FindAll("[data-testid=figure-rate]").Select(c => c.TextContent).ToList();

        Assert.Equal(["Normandie-Centre", "Bretagne-Pays de Loire"], names);
        Assert.StartsWith("25,0", rates[0], StringComparison.Ordinal);
        Assert.StartsWith("62,5", rates[1], StringComparison.Ordinal);
    }

    [Fact]
    public void The_course_table_names_each_course_by_its_code()
    {
        var table = Render<CompletionTable>(p => p.Add(x => x.Title, "Par formation").Add(x => x.Figures, View.Courses).Add(x => x.ShowCode, true));

        Assert.Contains("TRANSV-COM", table.Markup, StringComparison.Ordinal);
        Assert.StartsWith("60,0", table.Find("[data-testid=figure-rate]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_charts_label_the_regions_and_draw_both_weekly_lines()
    {
        var charts = Render<CompletionCharts>(p => p.Add(x => x.View, View));

        var byRegion = charts.Find("[data-testid=chart-by-region]");
        Assert.Contains("NC", byRegion.TextContent, StringComparison.Ordinal);
        Assert.Contains("BPL", byRegion.TextContent, StringComparison.Ordinal);
        var weeks = charts.Find("[data-testid=chart-weeks]");
        Assert.Contains("Terminé", weeks.TextContent, StringComparison.Ordinal);
        Assert.Contains("Avec les inscriptions prévues", weeks.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_missing_list_asks_for_the_filtered_page_and_shows_its_rows()
    {
        var asked = new List<MissingQuery>();
        Render<MudPopoverProvider>();
        var list = Render<CompletionMissing>(p => p.Add(x => x.View, View).Add(x => x.Region, "BPL").Add(x => x.Course, "TRANSV-COM")
            .Add(x => x.Load, q =>
            {
                asked.Add(q);
                return Task.FromResult(new MissingPage(40, [new MissingRow("BPL", "Plateau Rennes", "E101300", "Le Goff", "Maëlle", "TRANSV-COM", new DateOnly(2026, 12, 9))]));
            }));

        list.WaitForAssertion(() => Assert.Single(list.FindAll("[data-testid=missing-course]")));
        Assert.Equal(new MissingQuery("BPL", null, "TRANSV-COM", 0, 25), asked[0]);
        Assert.Contains("E101300", list.Markup, StringComparison.Ordinal);
        Assert.Contains("09/12/2026", list.Markup, StringComparison.Ordinal);
    }
}
