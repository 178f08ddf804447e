using Microsoft.Playwright;
using Portal.EndToEnd.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Portal.EndToEnd.Tests.Coverage;

/// <summary>/coverage/{region}?week=&amp;channel=: a region's week of half hours for one channel, with the detail of the chosen half hour.</summary>
public sealed class CoveragePage(IPage page) : PortalShell(page)
{
    public static string PathOf(string region, DateOnly week, string channel) =>
        $"coverage/{region}?week={week:yyyy-MM-dd}&channel={channel}";

    public ILocator Heading => Page.GetByTestId("region-page");

    public ILocator Week => Page.GetByTestId("week");

    public ILocator PreviousWeek => Page.GetByTestId("previous-week");

    public ILocator NextWeek => Page.GetByTestId("next-week");

    public ILocator Channel(string code) => Page.Locator($"[data-channel='{code}']");

    public ILocator Summary(string testId) => Page.GetByTestId(testId);

    /// <summary>Every half hour of the grid with demand or supply.</summary>
    public ILocator Cells => Page.Locator("button[data-cell]");

    public ILocator Cell(DateOnly date, TimeOnly time) => Page.Locator($"button[data-cell='{date:yyyy-MM-dd}T{time:HH\\:mm}']");

    public ILocator Detail => Page.GetByTestId("interval-detail");

    /// <summary>The value the detail gives beside one of its terms.</summary>
    public ILocator DetailValue(string term) =>
        Detail.Locator("dt").GetByText(term, new() { Exact = true }).Locator("xpath=following-sibling::dd[1]");

    /// <summary>
    /// Chooses a channel and waits until the page shows its figures. The address changes as soon as the channel is
    /// clicked, before the server has computed the new week, so the wait is on the week's required hours, which no two
    /// channels of the demo share.
    /// </summary>
    public async Task ChooseChannelAsync(string code)
    {
        var before = await Summary("required-hours").InnerTextAsync();
        await Channel(code).ClickAsync();
        await Expect(Summary("required-hours")).Not.ToHaveTextAsync(before);
    }

    /// <summary>Opens the page and waits for its circuit, so that buttons answer.</summary>
    public static async Task<CoveragePage> OpenAsync(IPage page, string region, DateOnly week, string channel)
    {
        await page.GotoAsync(PathOf(region, week, channel));
        var coverage = new CoveragePage(page);
        await coverage.WaitUntilInteractiveAsync();
        return coverage;
    }
}
