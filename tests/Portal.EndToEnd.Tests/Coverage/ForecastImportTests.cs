using System.Text;
using Microsoft.Playwright;
using Portal.EndToEnd.Tests.Infrastructure;
using Portal.EndToEnd.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Portal.EndToEnd.Tests.Coverage;

/// <summary>A director replaces a day of forecast from the coverage page, on a week far beyond the demo's shifts.</summary>
[Collection(PortalCollection.Name)]
public sealed class ForecastImportTests(PortalFixture portal) : BrowserTest(portal)
{
    private static readonly DateOnly FarMonday = DemoWeeks.MondayOf(DemoWeeks.TodayInParis.AddDays(7 * 30));

    private static FilePayload Csv(string content) => new()
    {
        Name = "prevision.csv",
        MimeType = "text/csv",
        Buffer = Encoding.UTF8.GetBytes(content),
    };

    private async Task<CoveragePage> OpenFarWeekAsync()
    {
        await (await LoginPage.OpenAsync(Page)).SignInAsync(DemoLogins.DirectorBpl);
        var coverage = await CoveragePage.OpenAsync(Page, "BPL", FarMonday, "Voice");
        await Page.GetByText("Importer une prévision").ClickAsync();
        return coverage;
    }

    [Fact]
    public async Task A_file_with_a_bad_row_changes_nothing_and_names_the_row_in_french()
    {
        var coverage = await OpenFarWeekAsync();
        var tenOclock = coverage.Cell(FarMonday, new TimeOnly(10, 0));
        var before = await tenOclock.InnerTextAsync();
        var day = $"{FarMonday:yyyy-MM-dd}";

        await Page.GetByTestId("forecast-file").SetInputFilesAsync(Csv(
            $"region;channel;start;contacts;aht\nBPL;Voice;{day} 10:00;100;180\nBPL;Voice;{day} 10:30;-3;180\n"));

        var errors = Page.GetByTestId("forecast-import-errors");
        await Expect(errors).ToContainTextAsync("Rien n'a été importé");
        await Expect(errors).ToContainTextAsync("Ligne 3");
        await Expect(errors).ToContainTextAsync("nombre de contacts");
        await Expect(tenOclock).ToHaveTextAsync(before);
    }

    [Fact]
    public async Task A_valid_file_replaces_the_day_and_the_grid_shows_the_new_requirement()
    {
        var coverage = await OpenFarWeekAsync();
        var day = $"{FarMonday:yyyy-MM-dd}";

        await Page.GetByTestId("forecast-file").SetInputFilesAsync(Csv(
            $"region;channel;start;contacts;aht\nBPL;Voice;{day} 10:00;100;180\n"));

        await Expect(Page.GetByTestId("forecast-import-done")).ToContainTextAsync("1 ligne(s) importée(s)");
        // 100 calls of 180 s at 80% in 20 s need 14 agents; with the voice channel's 30% shrinkage, 20 to schedule.
        await Expect(coverage.Cell(FarMonday, new TimeOnly(10, 0))).ToHaveTextAsync("0/20");
        // The rest of the imported day expects no contact; the other days keep the default forecast.
        await Expect(coverage.Cell(FarMonday, new TimeOnly(11, 0))).ToHaveAttributeAsync("data-status", "NoDemand");
        await Expect(coverage.Cell(FarMonday.AddDays(1), new TimeOnly(11, 0))).Not.ToHaveAttributeAsync("data-status", "NoDemand");
    }

    [Fact]
    public async Task An_absurd_forecast_is_refused_on_the_page_and_the_grid_stays_as_it_was()
    {
        var coverage = await OpenFarWeekAsync();
        var tenOclock = coverage.Cell(FarMonday, new TimeOnly(10, 0));
        var before = await tenOclock.InnerTextAsync();

        await Page.GetByTestId("forecast-file").SetInputFilesAsync(Csv(
            $"region;channel;start;contacts;aht\nBPL;Voice;{FarMonday:yyyy-MM-dd} 10:00;1000000000000;180\n"));

        var errors = Page.GetByTestId("forecast-import-errors");
        await Expect(errors).ToContainTextAsync("Ligne 2");
        await Expect(errors).ToContainTextAsync("de 0 à 100000 par demi-heure");
        await Expect(tenOclock).ToHaveTextAsync(before);
    }
}
