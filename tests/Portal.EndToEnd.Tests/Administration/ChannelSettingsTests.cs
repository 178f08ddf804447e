using Microsoft.Playwright;
using Portal.EndToEnd.Tests.Infrastructure;
using Portal.EndToEnd.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Portal.EndToEnd.Tests.Administration;

/// <summary>/admin/settings: the national administrator changes a channel parameter; an edit made on a stale page is refused.</summary>
[Collection(PortalCollection.Name)]
public sealed class ChannelSettingsTests(PortalFixture portal) : BrowserTest(portal)
{
    private const string HandlingTime = "Durée moyenne de traitement (s)";
    private const string Shrinkage = "Indisponibilité (%)";

    private static async Task OpenSettingsAsync(IPage page)
    {
        await (await LoginPage.OpenAsync(page)).SignInAsync(DemoLogins.National);
        await page.GotoAsync("admin/settings");
        await Expect(page.Locator("[data-interactive='true']").Last).ToBeVisibleAsync();
        await Expect(page.GetByTestId("channel-settings")).ToBeVisibleAsync();
    }

    private static async Task TypeAsync(IPage page, string label, string value)
    {
        var field = page.GetByLabel(label, new() { Exact = true });
        await field.FillAsync(value);
        await field.PressAsync("Tab");
    }

    [Fact]
    public async Task A_saved_handling_time_is_kept_after_a_reload_and_a_stale_edit_is_refused()
    {
        await OpenSettingsAsync(Page);
        // A second administrator's page, opened before the change: it holds the version before it.
        var stale = await NewPageAsync();
        await OpenSettingsAsync(stale);
        var original = await Page.GetByLabel(HandlingTime, new() { Exact = true }).InputValueAsync();
        var changed = (int.Parse(original, System.Globalization.CultureInfo.InvariantCulture) + 30).ToString(System.Globalization.CultureInfo.InvariantCulture);
        try
        {
            await TypeAsync(Page, HandlingTime, changed);
            await Page.GetByTestId("save-channel").ClickAsync();

            await Expect(Page.GetByTestId("channel-notice")).ToContainTextAsync("Paramètres du canal enregistrés");
            await Page.ReloadAsync();
            await Expect(Page.Locator("[data-interactive='true']").Last).ToBeVisibleAsync();
            await Expect(Page.GetByLabel(HandlingTime, new() { Exact = true })).ToHaveValueAsync(changed);
            await Page.ScreenshotAsync(new() { Path = Screenshots.PathOf("admin-settings"), FullPage = true });

            await TypeAsync(stale, Shrinkage, "45");
            await stale.GetByTestId("save-channel").ClickAsync();

            await Expect(stale.GetByTestId("channel-notice")).ToContainTextAsync("rien n'est enregistré");
            // The stale page now shows what is stored: the first change, not its own.
            await Expect(stale.GetByLabel(HandlingTime, new() { Exact = true })).ToHaveValueAsync(changed);
            await Expect(stale.GetByLabel(Shrinkage, new() { Exact = true })).ToHaveValueAsync("30");
        }
        finally
        {
            await Page.ReloadAsync();
            await Expect(Page.Locator("[data-interactive='true']").Last).ToBeVisibleAsync();
            await TypeAsync(Page, HandlingTime, original);
            await Page.GetByTestId("save-channel").ClickAsync();
            await Expect(Page.GetByTestId("channel-notice")).ToContainTextAsync("Paramètres du canal enregistrés");
        }
    }
}
