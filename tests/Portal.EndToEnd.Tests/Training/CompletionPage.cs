using Microsoft.Playwright;
using Portal.EndToEnd.Tests.Pages;

namespace Portal.EndToEnd.Tests.Training;

/// <summary>/training/completion: completion of the required courses by region, site and course, charts, the still-missing list and the files.</summary>
public sealed class CompletionPage(IPage page) : PortalShell(page)
{
    public ILocator Heading => Page.GetByRole(AriaRole.Heading, new() { Name = "Suivi des formations", Level = 1 });

    public ILocator ByRegion => Page.GetByRole(AriaRole.Region, new() { Name = "Formations requises par région", Exact = true });

    /// <summary>The completion rate shown on a region's row of the table by region.</summary>
    public ILocator RegionRate(string regionName) =>
        ByRegion.Locator("tbody tr").Filter(new() { Has = Page.GetByTestId("figure-name").GetByText(regionName, new() { Exact = true }) }).GetByTestId("figure-rate");

    /// <summary>The number of advisors who completed a course, on its row of the table by course.</summary>
    public ILocator CourseCompleted(string code) =>
        Page.GetByTestId("by-course").Locator("tbody tr").Filter(new() { HasText = code }).GetByTestId("figure-completed");

    public ILocator RegionChart => Page.GetByTestId("chart-by-region");

    public ILocator WeeksChart => Page.GetByTestId("chart-weeks");

    public ILocator Missing => Page.GetByTestId("missing");

    public ILocator CsvLink => Page.GetByTestId("completion-csv");

    public static async Task<CompletionPage> OpenAsync(IPage page)
    {
        await page.GotoAsync("training/completion");
        var completion = new CompletionPage(page);
        await completion.WaitUntilInteractiveAsync();
        return completion;
    }
}
