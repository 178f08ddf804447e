using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.EndToEnd.Tests.Infrastructure;
using Portal.EndToEnd.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Portal.EndToEnd.Tests.Account;

/// <summary>A new national administrator is sent to the enrolment page, enrols an authenticator and reaches the portal.</summary>
[Collection(PortalCollection.Name)]
public sealed partial class TwoFactorEnrolmentTests(PortalFixture portal) : BrowserTest(portal)
{
    [Fact]
    public async Task A_new_national_administrator_enrols_an_authenticator_before_reaching_the_portal()
    {
        var account = await Portal.CreateUserAsync("Nadia Nationale", "NationalAdmin");
        await (await LoginPage.OpenAsync(Page)).SubmitAsync(account);

        await Expect(Page).ToHaveURLAsync(EnrolmentAddress());
        await Page.GotoAsync("/rollout");
        await Expect(Page).ToHaveURLAsync(EnrolmentAddress());
        await Expect(Page.Locator(".portal-qr svg")).ToBeVisibleAsync();
        await Page.ScreenshotAsync(new() { Path = Screenshots.PathOf("two-factor-enrolment"), FullPage = true });

        var key = (await Page.GetByTestId("authenticator-key").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        await Page.GetByLabel("Code", new() { Exact = true }).FillAsync(global::Portal.Services.Access.Totp.CodeAt(key, DateTimeOffset.UtcNow));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Vérifier", Exact = true }).ClickAsync();

        await Expect(Page.GetByTestId("recovery-codes").Locator("li")).ToHaveCountAsync(10);
        await Page.GotoAsync("/rollout");
        await Expect(Page).ToHaveURLAsync(RolloutAddress());
    }

    [GeneratedRegex("/Account/Manage/TwoFactor$")]
    private static partial Regex EnrolmentAddress();

    [GeneratedRegex("/rollout$")]
    private static partial Regex RolloutAddress();
}
