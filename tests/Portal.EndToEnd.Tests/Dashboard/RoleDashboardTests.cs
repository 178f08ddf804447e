using System.Text.RegularExpressions;
using Portal.EndToEnd.Tests.Infrastructure;
using Portal.EndToEnd.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Portal.EndToEnd.Tests.Dashboard;

[Collection(PortalCollection.Name)]
public sealed partial class RoleDashboardTests(PortalFixture portal) : BrowserTest(portal)
{
    private static readonly Dictionary<string, (Credentials Account, IReadOnlyList<string> Areas)> Logins = new()
    {
        ["national-admin"] = (DemoLogins.National, DemoLogins.NationalAreas),
        ["director-bpl"] = (DemoLogins.DirectorBpl, DemoLogins.DirectorAreas),
        ["director-nc"] = (DemoLogins.DirectorNc, DemoLogins.DirectorAreas),
        ["hr"] = (DemoLogins.Hr, DemoLogins.HrAreas),
        ["advisor"] = (DemoLogins.AdvisorBpl, DemoLogins.AdvisorAreas),
    };

    [Theory]
    [InlineData("national-admin")]
    [InlineData("director-bpl")]
    [InlineData("director-nc")]
    [InlineData("hr")]
    [InlineData("advisor")]
    public async Task Each_demo_login_lands_on_a_dashboard_of_its_own_with_only_its_own_navigation(string role)
    {
        var (account, areas) = Logins[role];
        var login = await LoginPage.OpenAsync(Page);

        var dashboard = await login.SignInAsync(account);

        await Expect(Page).ToHaveURLAsync(Portal.BaseAddress.ToString());
        await Expect(dashboard.Heading).ToHaveTextAsync("Tableau de bord");
        await ExpectOwnContentAsync(role, dashboard);
        await Expect(dashboard.NavigationEntries).ToHaveCountAsync(areas.Count);
        foreach (var area in areas)
        {
            await Expect(dashboard.NavigationEntry(area)).ToBeVisibleAsync();
        }
        await Page.ScreenshotAsync(new() { Path = Screenshots.PathOf(role), FullPage = true });
    }

    private static Task ExpectOwnContentAsync(string role, DashboardPage dashboard) => role switch
    {
        "national-admin" => ExpectNationalFiguresAsync(dashboard),
        "director-bpl" => ExpectRegionFiguresAsync(dashboard, "BPL · Bretagne-Pays de la Loire"),
        "director-nc" => ExpectRegionFiguresAsync(dashboard, "NC · Normandie-Centre"),
        "hr" => ExpectTrainingCompletionAsync(dashboard),
        "advisor" => ExpectOwnNextAssignmentsAsync(dashboard),
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    private static async Task ExpectNationalFiguresAsync(DashboardPage dashboard)
    {
        await Expect(dashboard.Figure("regions")).ToHaveTextAsync("9");
        await Expect(dashboard.Figure("advisors")).ToHaveTextAsync(Number());
        await Expect(dashboard.Figure("sites")).ToHaveTextAsync("143");
        await Expect(dashboard.Figure("switched")).ToHaveTextAsync("1 / 9");
    }

    private static async Task ExpectRegionFiguresAsync(DashboardPage dashboard, string region)
    {
        await Expect(dashboard.RegionName).ToHaveTextAsync(region);
        foreach (var figure in new[] { "advisors", "sites", "completion", "sessions" })
        {
            await Expect(dashboard.Figure(figure)).ToHaveTextAsync(Number());
        }
    }

    private static async Task ExpectTrainingCompletionAsync(DashboardPage dashboard)
    {
        foreach (var title in new[] { "Formations requises par région", "Formations requises par région et par cours" })
        {
            await Expect(dashboard.Section(title)).ToBeVisibleAsync();
            await Expect(dashboard.TableUnder(title)).ToBeVisibleAsync();
        }
    }

    private static async Task ExpectOwnNextAssignmentsAsync(DashboardPage dashboard)
    {
        await Expect(dashboard.UserName).ToHaveTextAsync(NotBlank());
        await Expect(dashboard.AdvisorName).ToHaveTextAsync(await dashboard.UserName.InnerTextAsync());
        var next = dashboard.TableUnder("Mes prochaines activités");
        await Expect(next.GetByText("Formation", new() { Exact = true }).First).ToBeVisibleAsync();
    }

    [GeneratedRegex(@"\d")]
    private static partial Regex Number();

    [GeneratedRegex(@"\S")]
    private static partial Regex NotBlank();
}
