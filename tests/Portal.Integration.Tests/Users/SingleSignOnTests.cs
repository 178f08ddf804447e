using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Services.Audit;
using Portal.Services.Data;
using Portal.Services.Users;

namespace Portal.Integration.Tests.Users;

/// <summary>Single sign-on against a real OpenID Connect provider, from the login page's button to the portal's own cookie.</summary>
[Collection(SingleSignOnCollection.Name)]
public class SingleSignOnTests(SingleSignOnFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<List<Portal.Domain.Audit.AuditEntry>> EventsAsync(string email)
    {
        await using var db = fixture.App.CreateDbContext();
        return await db.AuditEntries.AsNoTracking().Where(a => a.Entity == AuditEntities.Session && a.EntityKey == email).OrderBy(a => a.Id).ToListAsync(Ct);
    }

    private async Task<int> LinkedLoginsAsync(string email)
    {
        await using var db = fixture.App.CreateDbContext();
        var id = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(Ct);
        return await db.UserLogins.CountAsync(l => l.UserId == id, Ct);
    }

    [Fact]
    public async Task The_login_page_offers_the_provider_and_lets_the_browser_post_on_to_it()
    {
        using var browser = new SingleSignOnBrowser(fixture);

        using var page = await browser.GetAsync("/Account/Login");

        var html = await page.Content.ReadAsStringAsync(Ct);
        Assert.Contains("action=\"/Account/ExternalLogin\"", html, StringComparison.Ordinal);
        Assert.Contains("Se connecter avec Operator ID", html, StringComparison.Ordinal);
        var policy = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains($"form-action 'self' {fixture.Provider.Authority.GetLeftPart(UriPartial.Authority)};", policy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_round_trip_through_the_provider_signs_the_director_in_with_the_portal_s_own_cookie_role_and_region()
    {
        using var browser = new SingleSignOnBrowser(fixture);

        using var last = await browser.SignInAsync(SingleSignOnFixture.Director, "/advisors");

        Assert.Contains(browser.Visited, u => u.Authority == fixture.Provider.Authority.Authority && u.AbsolutePath == "/connect/authorize");
        Assert.Equal("/advisors", browser.Visited[^1].AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, last.StatusCode);
        var me = await browser.WhoAmIAsync();
        Assert.Equal("director.bpl@portal.demo", me.Name);
        Assert.Equal(["RegionalDirector"], me.Roles);
        await using (var db = fixture.App.CreateDbContext())
        {
            var bpl = await db.Regions.Where(r => r.Code == "BPL").Select(r => r.Id).SingleAsync(Ct);
            Assert.Equal(bpl.ToString(System.Globalization.CultureInfo.InvariantCulture), me.Region);
        }
        Assert.True(me.HasSecurityStamp, "the cookie carries the stamp that revocation checks");
        Assert.True(me.HasSession, "the cookie carries the session id that logout revokes");
        using var home = await browser.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Equal(1, await LinkedLoginsAsync("director.bpl@portal.demo"));
        var signIn = (await EventsAsync("director.bpl@portal.demo")).Last();
        Assert.Equal((UserActions.SignIn, "127.0.0.1"), (signIn.Action, signIn.IpAddress));
        Assert.StartsWith("single sign-on", signIn.Justification, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_e_mail_is_refused_with_a_sentence_and_nobody_is_signed_in()
    {
        using var browser = new SingleSignOnBrowser(fixture);

        using var last = await browser.SignInAsync(SingleSignOnFixture.Stranger);

        Assert.Equal("/Account/Login", browser.Visited[^1].AbsolutePath);
        Assert.Contains("Aucun utilisateur du portail n'a l'adresse e-mail de votre compte d'entreprise.", WebUtility.HtmlDecode(await last.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        Assert.Null((await browser.WhoAmIAsync()).Name);
        using var home = await browser.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        var refused = Assert.Single(await EventsAsync("nobody@operator.test"));
        Assert.Equal((UserActions.SignInFailed, "127.0.0.1"), (refused.Action, refused.IpAddress));
        await using var db = fixture.App.CreateDbContext();
        Assert.False(await db.Users.AnyAsync(u => u.Email == "nobody@operator.test", Ct));
    }

    [Fact]
    public async Task An_e_mail_the_provider_does_not_vouch_for_is_refused_even_when_a_portal_user_has_it()
    {
        using var browser = new SingleSignOnBrowser(fixture);

        using var last = await browser.SignInAsync(SingleSignOnFixture.Unverified);

        Assert.Equal("/Account/Login", browser.Visited[^1].AbsolutePath);
        Assert.Contains("ne garantit pas votre adresse e-mail", WebUtility.HtmlDecode(await last.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        Assert.Null((await browser.WhoAmIAsync()).Name);
        Assert.Equal(0, await LinkedLoginsAsync("hr@portal.demo"));
        var refused = (await EventsAsync("hr@portal.demo")).Last();
        Assert.Equal((UserActions.SignInFailed, "127.0.0.1"), (refused.Action, refused.IpAddress));
        Assert.Contains("Unverified", refused.Justification, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_disabled_user_is_refused_and_not_linked()
    {
        using (var scope = fixture.App.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            if (await users.FindByEmailAsync(SingleSignOnFixture.DisabledEmail) is null)
            {
                var user = new PortalUser { UserName = SingleSignOnFixture.DisabledEmail, Email = SingleSignOnFixture.DisabledEmail, DisplayName = "Leaver", Disabled = true };
                Assert.True((await users.CreateAsync(user)).Succeeded);
                Assert.True((await users.AddToRoleAsync(user, "HR")).Succeeded);
            }
        }
        using var browser = new SingleSignOnBrowser(fixture);

        using var last = await browser.SignInAsync(SingleSignOnFixture.Leaver);

        Assert.Equal("/Account/Login", browser.Visited[^1].AbsolutePath);
        Assert.Contains("Ce compte du portail est désactivé", WebUtility.HtmlDecode(await last.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        Assert.Null((await browser.WhoAmIAsync()).Name);
        Assert.Equal(0, await LinkedLoginsAsync(SingleSignOnFixture.DisabledEmail));
        var refused = (await EventsAsync(SingleSignOnFixture.DisabledEmail)).Last();
        Assert.Equal((UserActions.SignInFailed, "127.0.0.1"), (refused.Action, refused.IpAddress));
    }

    [Fact]
    public async Task A_national_administrator_still_gives_the_portal_s_second_factor_after_single_sign_on()
    {
        using var browser = new SingleSignOnBrowser(fixture);

        using var last = await browser.SignInAsync(SingleSignOnFixture.National);

        Assert.Equal("/Account/LoginWith2fa", browser.Visited[^1].AbsolutePath);
        Assert.Null((await browser.WhoAmIAsync()).Name);
        using var home = await browser.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);

        var key = Portal.Services.Access.Base32.Decode(Portal.Testing.PortalBrowserClient.AuthenticatorKeys["national@portal.demo"]);
        var code = Portal.Services.Access.Totp.Code(key, DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30);
        var twoFactor = browser.Visited[^1].PathAndQuery;
        using var verified = await browser.PostPageFormAsync(twoFactor, new Dictionary<string, string> { ["_handler"] = "login-2fa", ["Input.Code"] = code });

        Assert.Equal(HttpStatusCode.Redirect, verified.StatusCode);
        var me = await browser.WhoAmIAsync();
        Assert.Equal("national@portal.demo", me.Name);
        Assert.Equal(["NationalAdmin"], me.Roles);
    }

    [Theory]
    [InlineData("POST", "/Account/ExternalLogin", true)]
    [InlineData("GET", "/Account/ExternalLogin/Callback", true)]
    [InlineData("POST", "/Account/Login", true)]
    [InlineData("GET", "/Account/Login", false)]
    public void The_single_sign_on_button_and_its_callback_count_towards_the_sign_in_limits(string method, string path, bool throttled)
    {
        var context = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Path = path;

        Assert.Equal(throttled, Portal.Web.Security.SignInThrottle.IsThrottled(context.Request));
    }

    [Fact]
    public async Task The_callback_without_an_answer_of_the_provider_signs_nobody_in()
    {
        using var browser = new SingleSignOnBrowser(fixture);

        using var callback = await browser.GetAsync("/Account/ExternalLogin/Callback?returnUrl=%2F");

        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Equal("/Account/Login?sso=Failed", callback.Headers.Location!.OriginalString);
        Assert.Null((await browser.WhoAmIAsync()).Name);
    }
}
