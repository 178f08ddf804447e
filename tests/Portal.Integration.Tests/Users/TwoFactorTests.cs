using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Services.Access;
using Portal.Services.Audit;
using Portal.Services.Data;
using Portal.Services.Demo;
using Portal.Services.Users;
using Portal.Testing;

namespace Portal.Integration.Tests.Users;

[Collection(PortalCollection.Name)]
public partial class TwoFactorTests(PortalFixture fixture)
{
    private const string Password = "correct horse battery";
    private const string Enrolment = "/Account/Manage/TwoFactor";

    private async Task<string> NewUserAsync(string role, string? authenticatorKey = null)
    {
        var email = $"{Guid.NewGuid():N}@portal.test";
        using var scope = fixture.App.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser { UserName = email, Email = email, DisplayName = "Test" };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        if (authenticatorKey is not null)
        {
            Assert.True((await users.SetAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey", authenticatorKey)).Succeeded);
            Assert.True((await users.SetTwoFactorEnabledAsync(user, true)).Succeeded);
        }
        return email;
    }

    private static string NewKey() => Base32Of(System.Security.Cryptography.RandomNumberGenerator.GetBytes(20));

    private static string Base32Of(byte[] bytes)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = string.Concat(bytes.Select(b => Convert.ToString(b, 2).PadLeft(8, '0')));
        return string.Concat(Enumerable.Range(0, bits.Length / 5).Select(i => alphabet[Convert.ToInt32(bits.Substring(i * 5, 5), 2)]));
    }

    private static string CodeNow(string key) => Totp.CodeAt(key, DateTimeOffset.UtcNow);

    private static async Task<HttpResponseMessage> SecondStepAsync(PortalBrowserClient client, HttpResponseMessage passwordStep, string code)
    {
        var path = passwordStep.Headers.Location!.OriginalString;
        Assert.Contains("/Account/LoginWith2fa", path, StringComparison.Ordinal);
        return await client.PostFormAsync(path, new Dictionary<string, string> { ["_handler"] = "login-2fa", ["Input.Code"] = code }, tokenFrom: path);
    }

    private async Task<HttpResponseMessage> PasswordStepAsync(PortalBrowserClient client, string email)
    {
        // Not the helper's LoginAsync: the test answers the second step itself.
        var page = await (await client.GetAsync("/Account/Login")).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("Se connecter", page, StringComparison.Ordinal);
        return await client.PostFormAsync("/Account/Login", new Dictionary<string, string>
        {
            ["_handler"] = "login", ["Input.Email"] = email, ["Input.Password"] = Password,
        });
    }

    [Fact]
    public async Task A_national_administrator_without_two_factor_reaches_only_the_enrolment_page()
    {
        var email = await NewUserAsync("NationalAdmin");
        using var client = new PortalBrowserClient(fixture.App.BaseAddress);
        using var login = await client.LoginAsync(email, Password);

        foreach (var path in new[] { "/", "/admin/users", "/rollout", "/advisors.csv", "/Account/Manage/ChangePassword" })
        {
            using var refused = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.Equal(Enrolment, refused.Headers.Location!.OriginalString);
        }
        using var hub = await client.PostFormWithoutTokenAsync("/_blazor/negotiate?negotiateVersion=1", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, hub.StatusCode);
        using var enrolment = await client.GetAsync(Enrolment);
        var body = await enrolment.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, enrolment.StatusCode);
        Assert.Contains("<svg", body, StringComparison.Ordinal);
        Assert.Contains("Les administrateurs nationaux utilisent la double authentification", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enrolling_with_the_app_s_code_shows_recovery_codes_once_and_opens_the_portal()
    {
        var email = await NewUserAsync("NationalAdmin");
        using var client = new PortalBrowserClient(fixture.App.BaseAddress);
        using var login = await client.LoginAsync(email, Password);
        var page = await (await client.GetAsync(Enrolment)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var key = KeyPattern().Match(page).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();

        using var enrolled = await client.PostFormAsync(Enrolment, new Dictionary<string, string> { ["_handler"] = "enrol-2fa", ["Input.Code"] = CodeNow(key) }, tokenFrom: Enrolment);

        var result = await enrolled.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("data-testid=\"two-factor-status\"", result, StringComparison.Ordinal);
        Assert.Equal(10, RecoveryCodePattern().Count(result));
        using var home = await client.GetAsync("/admin/users");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        using var again = await client.GetAsync(Enrolment);
        Assert.DoesNotMatch(RecoveryCodePattern(), await again.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        await using var db = fixture.App.CreateDbContext();
        Assert.Contains(await db.AuditEntries.Where(a => a.Entity == AuditEntities.Session && a.EntityKey == email).Select(a => a.Action).ToListAsync(TestContext.Current.CancellationToken),
            a => a == UserActions.TwoFactorEnabled);
    }

    [Fact]
    public async Task A_wrong_code_is_refused_and_the_right_one_signs_in()
    {
        var key = NewKey();
        var email = await NewUserAsync("HR", key);
        using var client = new PortalBrowserClient(fixture.App.BaseAddress);
        using var password = await PasswordStepAsync(client, email);

        var wrongCode = CodeNow(key) == "000000" ? "111111" : "000000";
        using var wrong = await SecondStepAsync(client, password, wrongCode);
        using var stillOut = await client.GetAsync("/");
        using var right = await SecondStepAsync(client, password, CodeNow(key));
        using var home = await client.GetAsync("/");

        Assert.Contains("Ce code n&#x27;est pas valable", await wrong.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, stillOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
    }

    [Fact]
    public async Task A_code_already_used_is_refused_when_replayed()
    {
        var key = NewKey();
        var email = await NewUserAsync("HR", key);
        var code = CodeNow(key);
        using var first = new PortalBrowserClient(fixture.App.BaseAddress);
        using var firstPassword = await PasswordStepAsync(first, email);
        using var firstCode = await SecondStepAsync(first, firstPassword, code);
        Assert.Equal(HttpStatusCode.Redirect, firstCode.StatusCode);

        using var second = new PortalBrowserClient(fixture.App.BaseAddress);
        using var secondPassword = await PasswordStepAsync(second, email);
        using var replayed = await SecondStepAsync(second, secondPassword, code);
        using var home = await second.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
        Assert.Contains("Ce code n&#x27;est pas valable", await replayed.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once()
    {
        var email = await NewUserAsync("HR", NewKey());
        string recovery;
        using (var scope = fixture.App.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            recovery = (await users.GenerateNewTwoFactorRecoveryCodesAsync((await users.FindByEmailAsync(email))!, 10))!.First();
        }
        using var first = new PortalBrowserClient(fixture.App.BaseAddress);
        using var firstUse = await SecondStepAsync(first, await PasswordStepAsync(first, email), recovery);
        using var second = new PortalBrowserClient(fixture.App.BaseAddress);
        using var secondUse = await SecondStepAsync(second, await PasswordStepAsync(second, email), recovery);

        Assert.Equal(HttpStatusCode.Redirect, firstUse.StatusCode);
        Assert.Equal(HttpStatusCode.OK, secondUse.StatusCode);
    }

    [Fact]
    public async Task The_demo_national_account_is_enrolled_with_the_published_key()
    {
        await using var db = fixture.App.CreateDbContext();
        var national = await db.Users.SingleAsync(u => u.Email == DemoAccounts.National, TestContext.Current.CancellationToken);
        var key = await db.UserTokens.Where(t => t.UserId == national.Id && t.Name == "AuthenticatorKey").Select(t => t.Value).SingleAsync(TestContext.Current.CancellationToken);

        Assert.True(national.TwoFactorEnabled);
        Assert.Equal("PORTALDEMONATIONALADMIN234567ABC", key);
        Assert.Contains("PORTALDEMONATIONALADMIN234567ABC", await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "README.md"), TestContext.Current.CancellationToken),
            StringComparison.Ordinal);
    }

    [GeneratedRegex("data-testid=\"authenticator-key\">([a-z2-7 ]+)<")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("<li><code>[0-9A-Z]{5}-[0-9A-Z]{5}</code></li>")]
    private static partial Regex RecoveryCodePattern();
}
