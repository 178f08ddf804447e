using Microsoft.Playwright;
using Portal.EndToEnd.Tests.Infrastructure;
using Portal.EndToEnd.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Portal.EndToEnd.Tests.Users;

/// <summary>/admin/users: the national administrator creates a login, is shown its one-time link once, and disables it.</summary>
[Collection(PortalCollection.Name)]
public sealed class UserAdministrationTests(PortalFixture portal) : BrowserTest(portal)
{
    [Fact]
    public async Task A_national_administrator_creates_a_director_sees_the_one_time_link_and_disables_the_login()
    {
        var email = $"e2e-{Guid.NewGuid():N}@portal.test";
        await (await LoginPage.OpenAsync(Page)).SignInAsync(DemoLogins.National);
        await Page.GotoAsync("admin/users");
        await Expect(Page.Locator("[data-interactive='true']").Last).ToBeVisibleAsync();

        await Page.GetByTestId("new-user").ClickAsync();
        await Page.GetByLabel("Adresse e-mail").FillAsync(email);
        await Page.GetByLabel("Nom", new() { Exact = true }).FillAsync("Camille Test");
        await Page.GetByTestId("user-role").ClickAsync();
        await Page.GetByRole(AriaRole.Option, new() { Name = "Directeur régional" }).ClickAsync();
        await Page.GetByLabel("Région (code)").FillAsync("BPL");
        await Page.GetByTestId("save-user").ClickAsync();

        var link = Page.GetByTestId("one-time-link");
        await Expect(link).ToContainTextAsync("/Account/SetPassword?email=");
        await Expect(link).ToContainTextAsync(email);
        await Page.GetByLabel("Rechercher (adresse ou nom)").FillAsync(email);
        var row = Page.GetByRole(AriaRole.Row).Filter(new() { HasText = email });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.GetByTestId("user-state")).ToContainTextAsync("Actif");
        await Page.ScreenshotAsync(new() { Path = Screenshots.PathOf("admin-users"), FullPage = true });

        // The search has settled on the one login before its row is used (a reload still due would replace the row).
        await Expect(Page.Locator("table tbody tr")).ToHaveCountAsync(1);
        await row.GetByTestId("toggle-user").ClickAsync();

        await Expect(Page.GetByTestId("user-notice")).ToHaveTextAsync("Modification enregistrée.");
        await Expect(row.GetByTestId("user-state")).ToContainTextAsync("Désactivé");
        await Page.ReloadAsync();
        await Expect(Page.GetByTestId("one-time-link")).ToHaveCountAsync(0);
    }
}
