using System.Text;
using System.Text.RegularExpressions;
using Portal.EndToEnd.Tests.Infrastructure;
using Portal.EndToEnd.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Portal.EndToEnd.Tests.Training;

[Collection(PortalCollection.Name)]
public sealed partial class CompletionFlowTests(PortalFixture portal) : BrowserTest(portal)
{
    [Fact]
    public async Task Hr_sees_the_completion_rate_of_every_region_and_downloads_the_figures()
    {
        var login = await LoginPage.OpenAsync(Page);
        await login.SignInAsync(DemoLogins.Hr);

        var completion = await CompletionPage.OpenAsync(Page);

        await Expect(completion.Heading).ToBeVisibleAsync();
        await Expect(completion.ByRegion.Locator("tbody tr")).ToHaveCountAsync(9);
        await Expect(completion.RegionRate("Bretagne-Pays de la Loire")).ToHaveTextAsync(Percent());
        await Expect(completion.RegionChart.Locator("svg")).ToBeVisibleAsync();
        await Expect(completion.WeeksChart.Locator("svg")).ToBeVisibleAsync();
        await Expect(completion.Missing.Locator("tbody tr").First).ToBeVisibleAsync();
        await Page.ScreenshotAsync(new() { Path = Screenshots.PathOf("training-completion-hr"), FullPage = true });

        var download = await Page.RunAndWaitForDownloadAsync(() => completion.CsvLink.ClickAsync());

        Assert.Equal("completion.csv", download.SuggestedFilename);
        var text = Encoding.UTF8.GetString(await File.ReadAllBytesAsync(await download.PathAsync(), TestContext.Current.CancellationToken)).TrimStart('\uFEFF');
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("level;region;site;course;name;advisors;completed;planned;rate", lines[0]);
        Assert.Equal(9, lines.Count(l => l.StartsWith("region;", StringComparison.Ordinal)));
        Assert.Contains(lines, l => l.StartsWith("region;BPL;;;Bretagne-Pays de la Loire;", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"^\d{1,3},\d\s%$")]
    private static partial Regex Percent();
}
