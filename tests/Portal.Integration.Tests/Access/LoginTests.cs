using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Services.Data;
using Portal.Services.Demo;
using Portal.Testing;

namespace Portal.Integration.Tests.Access;

[Collection(PortalCollection.Name)]
public class LoginTests(PortalFixture fixture)
{
    private async Task<string> NewUserAsync(string role, string password = "correct horse battery")
    {
        var email = $"{Guid.NewGuid():N}@portal.test";
        using var scope = fixture.App.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Test" };
        Assert.True((await users.CreateAsync(user, password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return email;
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        var email = await NewUserAsync("HR");
        using var client = new PortalBrowserClient(fixture.App.BaseAddress);

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            using var wrong = await client.LoginAsync(email, "not the password at all");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Contains("Adresse ou mot de passe incorrect.", await wrong.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }
        using var fifth = await client.LoginAsync(email, "not the password at all");
        using var right = await client.LoginAsync(email, "correct horse battery");
        using var home = await client.GetAsync("/");

        Assert.EndsWith("/Account/Lockout", fifth.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.EndsWith("/Account/Lockout", right.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.StartsWith("/Account/Login", home.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        await using var db = fixture.App.CreateDbContext();
        var lockoutEnd = (await db.Users.SingleAsync(u => u.Email == email, TestContext.Current.CancellationToken)).LockoutEnd;
        Assert.InRange(lockoutEnd!.Value - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task Four_wrong_passwords_then_the_right_one_let_the_user_in_and_reset_the_count()
    {
        var email = await NewUserAsync("HR");
        using var client = new PortalBrowserClient(fixture.App.BaseAddress);
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            using var _ = await client.LoginAsync(email, "not the password at all");
        }

        using var right = await client.LoginAsync(email, "correct horse battery");

        Assert.Equal("/", new Uri(fixture.App.BaseAddress, right.Headers.Location!).AbsolutePath);
        await using var db = fixture.App.CreateDbContext();
        Assert.Equal(0, (await db.Users.SingleAsync(u => u.Email == email, TestContext.Current.CancellationToken)).AccessFailedCount);
    }

    [Theory]
    [InlineData("eleven char", false)]
    [InlineData("twelve chars", true)]
    [InlineData("alllowercaseletters", true)]
    [InlineData("123456789012", true)]
    public async Task Passwords_need_twelve_characters_and_no_composition(string password, bool accepted)
    {
        using var scope = fixture.App.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var email = $"{Guid.NewGuid():N}@portal.test";

        var result = await users.CreateAsync(new PortalUser { UserName = email, Email = email }, password);

        Assert.Equal(accepted, result.Succeeded);
    }

    [Fact]
    public async Task Passwords_of_128_characters_are_accepted_and_longer_ones_refused()
    {
        using var scope = fixture.App.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();

        var longest = await users.CreateAsync(new PortalUser { UserName = "a@portal.test", Email = "a@portal.test" }, new string('x', 128));
        var tooLong = await users.CreateAsync(new PortalUser { UserName = "b@portal.test", Email = "b@portal.test" }, new string('x', 129));

        Assert.True(longest.Succeeded);
        Assert.Contains(tooLong.Errors, e => e.Code == "PasswordTooLong");
    }

    private static Dictionary<string, string> Culture(string culture, string returnUrl = "/") =>
        new() { ["culture"] = culture, ["returnUrl"] = returnUrl };

    [Fact]
    public async Task The_chosen_language_is_remembered_for_the_user_and_restored_at_the_next_login()
    {
        var email = await NewUserAsync("HR");
        using (var first = new PortalBrowserClient(fixture.App.BaseAddress))
        {
            await first.LoginAsync(email, "correct horse battery");
            using var switched = await first.PostFormAsync("/preferences/culture", Culture("en"), tokenFrom: "/");
            Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        }

        using var second = new PortalBrowserClient(fixture.App.BaseAddress);
        await second.LoginAsync(email, "correct horse battery");
        using var home = await second.GetAsync("/");
        var body = await home.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Contains("<html lang=\"en\">", body, StringComparison.Ordinal);
        Assert.Contains("Required training by region", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_user_without_a_saved_language_keeps_the_one_chosen_on_the_login_page_and_it_is_saved()
    {
        var email = await NewUserAsync("HR");
        using var client = new PortalBrowserClient(fixture.App.BaseAddress);
        using var _ = await client.PostFormAsync("/preferences/culture", Culture("en", "/Account/Login"));

        await client.LoginAsync(email, "correct horse battery");
        using var home = await client.GetAsync("/");

        Assert.Contains("<html lang=\"en\">", await home.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        await using var db = fixture.App.CreateDbContext();
        Assert.Equal("en", (await db.Users.SingleAsync(u => u.Email == email, TestContext.Current.CancellationToken)).PreferredCulture);
    }

    [Fact]
    public async Task The_interface_is_french_by_default_whatever_the_browser_asks()
    {
        using var client = new PortalBrowserClient(fixture.App.BaseAddress);
        client.Headers.AcceptLanguage.ParseAdd("en-GB,en;q=0.9");

        using var login = await client.GetAsync("/Account/Login");
        var body = await login.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Contains("<html lang=\"fr\">", body, StringComparison.Ordinal);
        Assert.Contains("Se connecter", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_language_the_portal_does_not_offer_is_refused()
    {
        using var client = new PortalBrowserClient(fixture.App.BaseAddress);

        using var response = await client.PostFormAsync("/preferences/culture", Culture("de"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Preferences_change_only_through_a_form_of_the_portal()
    {
        using var client = new PortalBrowserClient(fixture.App.BaseAddress);

        using var byLink = await client.GetAsync("/preferences/culture?culture=en&returnUrl=/");
        using var forged = await client.PostFormWithoutTokenAsync("/preferences/culture", Culture("en"));

        Assert.NotEqual(HttpStatusCode.OK, byLink.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.DoesNotContain(client.Cookies.GetAllCookies(), c => c.Name == ".AspNetCore.Culture");
    }

    [Theory]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("https://evil.example/")]
    [InlineData("javascript:alert(1)")]
    public async Task The_language_switch_never_redirects_outside_the_portal(string returnUrl)
    {
        using var client = new PortalBrowserClient(fixture.App.BaseAddress);

        using var response = await client.PostFormAsync("/preferences/culture", Culture("en", returnUrl));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("https://evil.example/", "/")]
    [InlineData("//evil.example/", "/")]
    [InlineData("coverage/BPL", "/coverage/BPL")]
    public async Task After_login_the_user_lands_on_a_page_of_the_portal_only(string returnUrl, string expected)
    {
        using var client = new PortalBrowserClient(fixture.App.BaseAddress);
        var page = await (await client.GetAsync($"/Account/Login?ReturnUrl={Uri.EscapeDataString(returnUrl)}")).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("Se connecter", page, StringComparison.Ordinal);

        using var login = await client.LoginAsync(DemoAccounts.DirectorBpl, DemoAccounts.Password, returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal(expected, new Uri(fixture.App.BaseAddress, login.Headers.Location!).PathAndQuery);
    }
}
