using System.Text.RegularExpressions;
using Portal.EndToEnd.Tests.Infrastructure;
using Portal.EndToEnd.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Portal.EndToEnd.Tests.Account;

[Collection(PortalCollection.Name)]
public sealed partial class LockoutTests(PortalFixture portal) : BrowserTest(portal)
{
    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_so_that_even_the_right_one_no_longer_signs_in()
    {
        var account = await Portal.CreateUserAsync("Dominique Verrou", "HR");
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var login = await LoginPage.OpenAsync(Page);
            await login.SubmitAsync(account.Email, $"wrong-password-{attempt}");
            await Expect(login.Error).ToHaveTextAsync("Adresse ou mot de passe incorrect.");
        }

        await (await LoginPage.OpenAsync(Page)).SubmitAsync(account.Email, "wrong-password-5");
        await Expect(new LockoutPage(Page).Heading).ToBeVisibleAsync();
        await (await LoginPage.OpenAsync(Page)).SubmitAsync(account);

        await Expect(Page).ToHaveURLAsync(LockoutAddress());
        await Expect(new LockoutPage(Page).Heading).ToBeVisibleAsync();
        await Page.GotoAsync("/");
        await Expect(Page).ToHaveURLAsync(LoginAddress());
    }

    [GeneratedRegex("/Account/Lockout$")]
    private static partial Regex LockoutAddress();

    [GeneratedRegex("/Account/Login")]
    private static partial Regex LoginAddress();
}
