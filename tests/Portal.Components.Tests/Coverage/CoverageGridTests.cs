using AngleSharp.Dom;
using Bunit;
using Portal.Domain.Coverage;
using Portal.Web.Components.Pages.Coverage.Components;
using static Portal.Components.Tests.Coverage.CoverageWeek;

namespace Portal.Components.Tests.Coverage;

public class CoverageGridTests : PortalComponentTest
{
    private static readonly TimeOnly Eight = new(8, 0);
    private static readonly TimeOnly Ten = new(10, 0);
    private static readonly TimeOnly Twenty = new(20, 0);

    private IRenderedComponent<CoverageGrid> RenderGrid(IReadOnlyList<CoverageDay> days, Action<CoverageCell>? onSelect = null) =>
        Render<CoverageGrid>(p => p
            .Add(x => x.Days, days)
            .Add(x => x.OnSelect, (CoverageCell cell) => onSelect?.Invoke(cell)));

    private static string[] RowHeaders(IRenderedComponent<CoverageGrid> grid) =>
        [.. grid.FindAll("tbody th[scope=row]").Select(th => th.TextContent.Trim())];

    /// <summary>The cells of the row headed <paramref name="header"/>, one per day.</summary>
    private static IElement[] RowOf(IRenderedComponent<CoverageGrid> grid, string header) =>
        [.. grid.FindAll("tbody tr").Single(r => r.QuerySelector("th")!.TextContent.Trim() == header).QuerySelectorAll("td")];

    private static IElement ButtonAt(IRenderedComponent<CoverageGrid> grid, DateOnly date, TimeOnly time) =>
        grid.Find($"button[data-cell='{date:yyyy-MM-dd}T{time:HH\\:mm}']");

    [Fact]
    public void Each_day_of_the_week_gets_its_own_column_headed_with_its_French_date()
    {
        var grid = RenderGrid(Week(PlainMonday, d => Day(d, Eight, Twenty, required: 10, supply: 10)));

        var headers = grid.FindAll("thead th").Select(th => th.TextContent.Trim()).ToArray();

        Assert.Equal(["Heure", "lun. 8 juin", "mar. 9 juin", "mer. 10 juin", "jeu. 11 juin", "ven. 12 juin", "sam. 13 juin", "dim. 14 juin"], headers);
        Assert.All(grid.FindAll("tbody tr"), row => Assert.Equal(7, row.QuerySelectorAll("td").Length));
    }

    [Fact]
    public void Rows_run_only_from_the_first_to_the_last_half_hour_with_demand_or_supply()
    {
        var week = Week(PlainMonday, d => d.DayOfWeek == DayOfWeek.Saturday
            ? Day(d, i => i.LocalTime == new TimeOnly(21, 0) ? Cell(i, required: 0, inHouse: 3) : Cell(i, 0, 0))
            : Day(d, new TimeOnly(9, 0), new TimeOnly(18, 0), required: 10, supply: 10));

        var rows = RowHeaders(RenderGrid(week));

        Assert.Equal(25, rows.Length);
        Assert.Equal("09:00", rows[0]);
        Assert.Equal("21:00", rows[^1]);
        Assert.DoesNotContain("08:30", rows);
        Assert.DoesNotContain("21:30", rows);
    }

    [Fact]
    public void A_week_without_any_demand_or_supply_has_no_rows()
    {
        var grid = RenderGrid(Week(PlainMonday, d => Day(d, i => Cell(i, 0, 0))));

        Assert.Empty(grid.FindAll("tbody tr"));
        Assert.Empty(grid.FindAll("button"));
    }

    [Fact]
    public void A_half_hour_inside_the_range_with_nothing_to_do_shows_a_dot_and_no_demand()
    {
        var grid = RenderGrid(Week(PlainMonday, d => d.DayOfWeek == DayOfWeek.Sunday
            ? Day(d, i => Cell(i, 0, 0))
            : Day(d, Eight, Twenty, required: 10, supply: 10)));

        var sundayAtTen = ButtonAt(grid, PlainMonday.AddDays(6), Ten);

        Assert.Equal("·", sundayAtTen.TextContent.Trim());
        Assert.Equal("NoDemand", sundayAtTen.GetAttribute("data-status"));
        Assert.Equal("Sans demande", sundayAtTen.GetAttribute("title"));
    }

    [Theory]
    [InlineData(10, "10/10", "Covered", "Couvert")]
    [InlineData(11, "11/10", "Covered", "Couvert")]
    [InlineData(9, "9/10", "Tight", "Tendu")]
    [InlineData(8, "8/10", "Understaffed", "Sous-effectif")]
    [InlineData(0, "0/10", "Understaffed", "Sous-effectif")]
    public void A_cell_shows_supply_over_required_and_its_status(int supply, string text, string status, string title)
    {
        var grid = RenderGrid(Week(PlainMonday, d => Day(d, Eight, Twenty, required: 10, supply: supply)));

        var cell = ButtonAt(grid, PlainMonday, Ten);

        Assert.Equal(text, cell.TextContent.Trim());
        Assert.Equal(status, cell.GetAttribute("data-status"));
        Assert.Equal(title, cell.GetAttribute("title"));
    }

    [Fact]
    public void Each_status_gets_its_own_colour_class()
    {
        var monday = PlainMonday;
        var week = Week(monday, d => Day(d, i => i.LocalTime.Hour switch
        {
            8 => Cell(i, 10, 10),
            9 => Cell(i, 10, 9),
            10 => Cell(i, 10, 8),
            _ => Cell(i, 0, 0),
        }));
        var grid = RenderGrid(week);

        Assert.Equal("portal-cell-covered", ButtonAt(grid, monday, Eight).ParentElement!.ClassName);
        Assert.Equal("portal-cell-tight", ButtonAt(grid, monday, new TimeOnly(9, 0)).ParentElement!.ClassName);
        Assert.Equal("portal-cell-short", ButtonAt(grid, monday, Ten).ParentElement!.ClassName);
    }

    [Fact]
    public void Clicking_a_cell_hands_that_cell_to_the_page_and_marks_it_pressed()
    {
        var week = Week(PlainMonday, d => Day(d, Eight, Twenty, required: 10, supply: 9));
        CoverageCell? chosen = null;
        var grid = RenderGrid(week, cell => chosen = cell);
        Assert.Empty(grid.FindAll("button[aria-pressed=true]"));

        ButtonAt(grid, PlainMonday.AddDays(2), Ten).Click();
        grid.Render(p => p.Add(x => x.Selected, chosen));

        Assert.NotNull(chosen);
        Assert.Equal(PlainMonday.AddDays(2), chosen.Interval.LocalDate);
        Assert.Equal(Ten, chosen.Interval.LocalTime);
        Assert.Same(week[2].Cells.Single(c => c.Interval.LocalTime == Ten), chosen);
        var pressed = Assert.Single(grid.FindAll("button[aria-pressed=true]"));
        Assert.Equal($"{PlainMonday.AddDays(2):yyyy-MM-dd}T10:00", pressed.GetAttribute("data-cell"));
        Assert.Equal("false", ButtonAt(grid, PlainMonday, Ten).GetAttribute("aria-pressed"));
    }

    [Fact]
    public void On_the_autumn_clock_change_the_repeated_half_hours_get_a_second_row()
    {
        var saturday = AutumnChange.AddDays(-1);
        var grid = RenderGrid([AllDay(saturday), AllDay(AutumnChange)]);

        var rows = RowHeaders(grid);

        Assert.Equal(50, rows.Length);
        Assert.Contains("02:00 (2)", rows);
        Assert.Contains("02:30 (2)", rows);
        Assert.DoesNotContain("01:30 (2)", rows);
        Assert.DoesNotContain("03:00 (2)", rows);
        Assert.Equal(50, grid.FindAll($"button[data-cell^='{AutumnChange:yyyy-MM-dd}']").Count);
        Assert.Equal(48, grid.FindAll($"button[data-cell^='{saturday:yyyy-MM-dd}']").Count);
    }

    [Fact]
    public void On_the_autumn_clock_change_the_second_row_holds_the_later_half_hour_and_the_day_before_shows_a_dash()
    {
        var saturday = AutumnChange.AddDays(-1);
        CoverageCell? chosen = null;
        var grid = RenderGrid([AllDay(saturday), AllDay(AutumnChange)], cell => chosen = cell);

        var second = RowOf(grid, "02:00 (2)");
        Assert.Equal("—", second[0].TextContent.Trim());
        Assert.Equal("portal-cell-none", second[0].ClassName);
        Assert.Equal("10/10", second[1].TextContent.Trim());

        RowOf(grid, "02:00")[1].QuerySelector("button")!.Click();
        var summerTime = chosen!.Interval.StartUtc;
        RowOf(grid, "02:00 (2)")[1].QuerySelector("button")!.Click();
        var winterTime = chosen.Interval.StartUtc;

        Assert.Equal(new DateTime(2026, 10, 25, 0, 0, 0, DateTimeKind.Utc), summerTime);
        Assert.Equal(new DateTime(2026, 10, 25, 1, 0, 0, DateTimeKind.Utc), winterTime);
    }

    [Fact]
    public void On_the_spring_clock_change_the_skipped_half_hours_show_a_dash_that_day_only()
    {
        var monday = SpringChange.AddDays(-6);
        var grid = RenderGrid(Week(monday, AllDay));

        var rows = RowHeaders(grid);
        Assert.Equal(48, rows.Length);
        Assert.DoesNotContain(rows, r => r.EndsWith("(2)", StringComparison.Ordinal));
        foreach (var skipped in new[] { "02:00", "02:30" })
        {
            var cells = RowOf(grid, skipped);
            Assert.Equal("—", cells[6].TextContent.Trim());
            Assert.Equal("portal-cell-none", cells[6].ClassName);
            Assert.Empty(cells[6].QuerySelectorAll("button"));
            Assert.All(cells[..6], c => Assert.Equal("10/10", c.TextContent.Trim()));
        }
        Assert.Equal(46, grid.FindAll($"button[data-cell^='{SpringChange:yyyy-MM-dd}']").Count);
        Assert.Equal("10/10", ButtonAt(grid, SpringChange, new TimeOnly(3, 0)).TextContent.Trim());
        Assert.Equal("10/10", ButtonAt(grid, SpringChange, new TimeOnly(1, 30)).TextContent.Trim());
    }

    [Fact]
    public void A_cell_shows_its_gap_and_the_external_staff_it_counts_beside_supply_over_required()
    {
        var grid = RenderGrid(Week(PlainMonday, d => Day(d, i => i.LocalTime == Ten ? Cell(i, required: 10, inHouse: 6, subcontracted: 2) : Cell(i, 10, 10))));

        var cell = ButtonAt(grid, PlainMonday, Ten).ParentElement!;

        Assert.Equal("8/10", cell.QuerySelector("button")!.TextContent.Trim());
        Assert.Equal(["−2", "dont 2 ext."], cell.QuerySelectorAll(".portal-cell-extra span").Select(e => e.TextContent.Trim()));
        Assert.Empty(ButtonAt(grid, PlainMonday, Eight).ParentElement!.QuerySelectorAll(".portal-cell-extra"));
    }
}
