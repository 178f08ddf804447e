using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Portal.Domain.Access;
using Portal.Services.Data;
using Portal.Services.Users;
using Portal.Testing;
using Portal.Web.Components.Account;

namespace Portal.Integration.Tests.Users;

/// <summary>
/// A portal whose clock the tests move: a disabled login, a new role, "sign out everywhere" and a logout end access
/// within a minute, for new requests (the cookie's check) and on open circuits (their revalidation); a session also
/// ends after 30 idle minutes and after 10 hours whatever happens.
/// </summary>
public sealed class RevocationFixture : IAsyncLifetime
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public PortalAppFactory App { get; }

    public RevocationFixture() => App = new PortalAppFactory("Production", services: s => s.AddSingleton<TimeProvider>(Clock));

    public ValueTask InitializeAsync()
    {
        App.Start();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}

public class RevocationTests(RevocationFixture fixture) : IClassFixture<RevocationFixture>
{
    private const string Password = "correct horse battery";
    private const string Protected = "/Account/Manage/ChangePassword";
    private static readonly Actor National = new("national@operator.test", PortalRole.NationalAdmin);

    private UsersService Users => fixture.App.Services.CreateScope().ServiceProvider.GetRequiredService<UsersService>();

    private async Task<string> NewUserAsync(string role = "HR")
    {
        var email = $"{Guid.NewGuid():N}@portal.test";
        using var scope = fixture.App.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Test" };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return email;
    }

    private async Task<PortalBrowserClient> SignedInAsync(string email)
    {
        var client = new PortalBrowserClient(fixture.App.BaseAddress);
        using var login = await client.LoginAsync(email, Password);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(client));
        return client;
    }

    private static async Task<HttpStatusCode> StatusAsync(PortalBrowserClient client)
    {
        using var response = await client.GetAsync(Protected);
        return response.StatusCode;
    }

    public static TheoryData<string> Revocations => new() { "disable", "sign out everywhere", "change role" };

    private async Task RevokeAsync(string how, string email)
    {
        var ct = TestContext.Current.CancellationToken;
        var result = how switch
        {
            "disable" => await Users.SetDisabledAsync(National, email, true, ct),
            "sign out everywhere" => await Users.SignOutEverywhereAsync(National, email, ct),
            _ => await Users.ChangeRoleAsync(National, new UserForm { Email = email, Role = PortalRole.NationalAdmin }, ct),
        };
        Assert.Equal(Portal.Services.SaveOutcome.Saved, result.Outcome);
    }

    [Theory]
    [MemberData(nameof(Revocations))]
    public async Task A_revoked_login_s_cookie_is_refused_within_a_minute(string how)
    {
        var email = await NewUserAsync();
        using var client = await SignedInAsync(email);

        await RevokeAsync(how, email);
        var atOnce = await StatusAsync(client);
        fixture.Clock.Advance(TimeSpan.FromSeconds(61));
        var afterAMinute = await StatusAsync(client);

        // Checked once a minute, not on every request: a cookie may still open a page right after the change.
        Assert.Equal(HttpStatusCode.OK, atOnce);
        Assert.Equal(HttpStatusCode.Redirect, afterAMinute);
    }

    [Fact]
    public async Task An_unchanged_login_stays_signed_in_across_the_minute_checks()
    {
        var email = await NewUserAsync();
        using var client = await SignedInAsync(email);

        for (var minute = 0; minute < 5; minute++)
        {
            fixture.Clock.Advance(TimeSpan.FromSeconds(61));
            Assert.Equal(HttpStatusCode.OK, await StatusAsync(client));
        }
    }

    [Fact]
    public async Task Thirty_idle_minutes_end_the_session()
    {
        var email = await NewUserAsync();
        using var client = await SignedInAsync(email);

        fixture.Clock.Advance(TimeSpan.FromMinutes(31));

        Assert.Equal(HttpStatusCode.Redirect, await StatusAsync(client));
    }

    [Fact]
    public async Task A_session_in_use_ends_after_ten_hours()
    {
        var email = await NewUserAsync();
        using var client = await SignedInAsync(email);

        // A request every 20 minutes keeps the idle timeout away (the cookie slides), until the absolute lifetime.
        for (var elapsed = TimeSpan.FromMinutes(20); elapsed < TimeSpan.FromHours(10); elapsed += TimeSpan.FromMinutes(20))
        {
            fixture.Clock.Advance(TimeSpan.FromMinutes(20));
            Assert.Equal(HttpStatusCode.OK, await StatusAsync(client));
        }
        fixture.Clock.Advance(TimeSpan.FromMinutes(20));

        Assert.Equal(HttpStatusCode.Redirect, await StatusAsync(client));
    }

    [Fact]
    public async Task Logout_ends_the_session_on_the_server_so_a_copy_of_the_cookie_stops_working()
    {
        var email = await NewUserAsync();
        using var otherDevice = await SignedInAsync(email);
        using var client = await SignedInAsync(email);
        using var copy = new PortalBrowserClient(fixture.App.BaseAddress);
        foreach (Cookie cookie in client.Cookies.GetAllCookies())
        {
            copy.Cookies.Add(cookie);
        }
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(copy));

        using var logout = await client.PostFormAsync("/Account/Logout", new Dictionary<string, string>(), tokenFrom: Protected);
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, await StatusAsync(copy));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(otherDevice));
    }

    [Theory]
    [MemberData(nameof(Revocations))]
    public async Task An_open_circuit_of_a_revoked_login_turns_anonymous_within_a_minute(string how)
    {
        var email = await NewUserAsync();
        using var scope = fixture.App.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var principal = await scope.ServiceProvider.GetRequiredService<SignInManager<PortalUser>>().CreateUserPrincipalAsync((await users.FindByEmailAsync(email))!);
        using var circuit = new IdentityRevalidatingAuthenticationStateProvider(NullLogger<IdentityRevalidatingAuthenticationStateProvider>.Instance,
            fixture.App.Services.GetRequiredService<IServiceScopeFactory>(), fixture.App.Services.GetRequiredService<IOptions<IdentityOptions>>(), fixture.Clock);
        var signedOut = new TaskCompletionSource<ClaimsPrincipal>(TaskCreationOptions.RunContinuationsAsynchronously);
        circuit.SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        circuit.AuthenticationStateChanged += async state => signedOut.TrySetResult((await state).User);

        await RevokeAsync(how, email);
        fixture.Clock.Advance(TimeSpan.FromSeconds(61));

        var user = await signedOut.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        Assert.False(user.Identity?.IsAuthenticated);
        Assert.False((await circuit.GetAuthenticationStateAsync()).User.Identity?.IsAuthenticated);
    }
}
