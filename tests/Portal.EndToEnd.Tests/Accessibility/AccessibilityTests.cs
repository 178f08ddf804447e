using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Portal.EndToEnd.Tests.Infrastructure;
using Portal.EndToEnd.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Portal.EndToEnd.Tests.Accessibility;

[Collection(PortalCollection.Name)]
public sealed class AccessibilityTests(PortalFixture portal, ITestOutputHelper output) : BrowserTest(portal)
{
    [Fact]
    public async Task The_login_page_has_no_serious_or_critical_accessibility_violation()
    {
        var login = await LoginPage.OpenAsync(Page);
        await Expect(login.Submit).ToBeVisibleAsync();

        var violations = await RunAxeAsync();

        Assert.Empty(violations.Where(v => v.Impact is "critical" or "serious").Select(Describe));
    }

    [Fact]
    public async Task The_directors_dashboard_has_no_serious_or_critical_accessibility_violation()
    {
        var dashboard = await (await LoginPage.OpenAsync(Page)).SignInAsync(DemoLogins.DirectorBpl);
        await Expect(dashboard.RegionName).ToBeVisibleAsync();

        var violations = await RunAxeAsync();

        Assert.Empty(violations.Where(v => v.Impact is "critical" or "serious").Select(Describe));
    }

    /// <summary>Runs axe-core on the page; every violation, whatever its impact, goes to the test output.</summary>
    private async Task<AxeResultItem[]> RunAxeAsync()
    {
        var result = await Page.RunAxe();
        foreach (var violation in result.Violations)
        {
            output.WriteLine($"{violation.Impact}: {Describe(violation)}");
        }
        return result.Violations;
    }

    private static string Describe(AxeResultItem violation) =>
        $"{violation.Id} ({violation.Help}) at {string.Join(", ", violation.Nodes.Select(n => n.Target.ToString()))}";
}
