using Portal.EndToEnd.Tests.Infrastructure;
using Portal.EndToEnd.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Portal.EndToEnd.Tests.Layout;

[Collection(PortalCollection.Name)]
public sealed class LanguageTests(PortalFixture portal) : BrowserTest(portal)
{
    [Fact]
    public async Task The_language_chosen_in_the_top_bar_comes_back_at_the_users_next_login_in_another_browser()
    {
        var account = await Portal.CreateUserAsync("Camille Langlois", "HR");
        var dashboard = await (await LoginPage.OpenAsync(Page)).SignInAsync(account);
        await Expect(dashboard.Heading).ToHaveTextAsync(Language.French.Dashboard);

        await dashboard.LanguageButton(Language.English).ClickAsync();
        await Expect(dashboard.Heading).ToHaveTextAsync(Language.English.Dashboard);
        await dashboard.WaitUntilInteractiveAsync();
        await dashboard.LogoutButton(Language.English).ClickAsync();
        await Expect(new LoginPage(Page, Language.English).Heading).ToBeVisibleAsync();

        var otherBrowser = await NewPageAsync();
        var again = await (await LoginPage.OpenAsync(otherBrowser)).SignInAsync(account);
        await Expect(again.Heading).ToHaveTextAsync(Language.English.Dashboard);

        await again.LanguageButton(Language.French).ClickAsync();
        await Expect(again.Heading).ToHaveTextAsync(Language.French.Dashboard);
    }
}
