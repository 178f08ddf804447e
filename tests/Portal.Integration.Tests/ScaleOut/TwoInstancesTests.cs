using System.Net;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Portal.Domain.Access;
using Portal.Services.Data;
using Portal.Services.Users;
using Portal.Testing;

namespace Portal.Integration.Tests.ScaleOut;

/// <summary>
/// Two instances of the portal on one database, each on its own port and nothing in front: A migrates the file, B
/// starts on it as a second server behind a load balancer would. Both run on one clock the tests move.
/// </summary>
public sealed class TwoInstancesFixture : IAsyncLifetime
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public PortalAppFactory A { get; }

    public PortalAppFactory B { get; }

    public TwoInstancesFixture()
    {
        A = new PortalAppFactory("Production", services: s => s.AddSingleton<TimeProvider>(Clock));
        B = new PortalAppFactory("Production", new Dictionary<string, string?> { ["ConnectionStrings:Portal"] = $"Data Source={A.DatabaseFile}" },
            s => s.AddSingleton<TimeProvider>(Clock));
    }

    public ValueTask InitializeAsync()
    {
        A.Start();
        B.Start();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await B.DisposeAsync();
        await A.DisposeAsync();
    }
}

public sealed class TwoInstancesTests(TwoInstancesFixture fixture) : IClassFixture<TwoInstancesFixture>
{
    private const string Password = "correct horse battery";
    private const string Protected = "/Account/Manage/ChangePassword";
    private static readonly Actor National = new("national@operator.test", PortalRole.NationalAdmin);

    private async Task<string> NewUserAsync()
    {
        var email = $"{Guid.NewGuid():N}@portal.test";
        using var scope = fixture.A.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Test" };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, "HR")).Succeeded);
        return email;
    }

    /// <summary>Signs in on A and returns a client of B holding A's cookie (what a load balancer switching servers does).</summary>
    private async Task<(PortalBrowserClient OnA, PortalBrowserClient OnB)> SignedInOnAAsync(string email)
    {
        var onA = new PortalBrowserClient(fixture.A.BaseAddress);
        using var login = await onA.LoginAsync(email, Password);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var onB = new PortalBrowserClient(fixture.B.BaseAddress);
        foreach (Cookie cookie in onA.Cookies.GetAllCookies())
        {
            onB.Cookies.Add(new Cookie(cookie.Name, cookie.Value, "/", fixture.B.BaseAddress.Host));
        }
        return (onA, onB);
    }

    private static async Task<HttpStatusCode> StatusAsync(PortalBrowserClient client)
    {
        using var response = await client.GetAsync(Protected);
        return response.StatusCode;
    }

    [Fact]
    public async Task A_cookie_issued_by_one_instance_opens_a_protected_page_on_the_other()
    {
        var email = await NewUserAsync();
        var (onA, onB) = await SignedInOnAAsync(email);
        using var a = onA;
        using var b = onB;
        using var anonymous = new PortalBrowserClient(fixture.B.BaseAddress);

        Assert.Equal(HttpStatusCode.OK, await StatusAsync(onA));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(onB));
        // Without the cookie B sends to the login page: the 200 above is the cookie's doing.
        Assert.Equal(HttpStatusCode.Redirect, await StatusAsync(anonymous));
    }

    [Fact]
    public async Task Both_instances_protect_with_the_one_key_ring_stored_in_the_database()
    {
        var email = await NewUserAsync();
        var (onA, onB) = await SignedInOnAAsync(email);
        onA.Dispose();
        onB.Dispose();

        await using var db = fixture.A.CreateDbContext();
        var stored = await db.DataProtectionKeys.Select(k => k.FriendlyName).ToListAsync(TestContext.Current.CancellationToken);
        var onA2 = fixture.A.Services.GetRequiredService<IKeyManager>().GetAllKeys().Select(k => k.KeyId.ToString()).Order().ToList();
        var onB2 = fixture.B.Services.GetRequiredService<IKeyManager>().GetAllKeys().Select(k => k.KeyId.ToString()).Order().ToList();

        Assert.NotEmpty(stored);
        Assert.Equal(stored.Select(n => n!.Replace("key-", "", StringComparison.Ordinal)).Order(), onA2);
        Assert.Equal(onA2, onB2);
    }

    public static TheoryData<string> Revocations => new() { "disable", "sign out everywhere" };

    [Theory]
    [MemberData(nameof(Revocations))]
    public async Task A_revocation_on_one_instance_ends_access_on_the_other_within_a_minute(string how)
    {
        var ct = TestContext.Current.CancellationToken;
        var email = await NewUserAsync();
        var (onA, onB) = await SignedInOnAAsync(email);
        using var a = onA;
        using var b = onB;
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(onB));

        using (var scope = fixture.A.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UsersService>();
            var result = how == "disable"
                ? await users.SetDisabledAsync(National, email, true, ct)
                : await users.SignOutEverywhereAsync(National, email, ct);
            Assert.Equal(Portal.Services.SaveOutcome.Saved, result.Outcome);
        }
        fixture.Clock.Advance(TimeSpan.FromSeconds(61));

        Assert.Equal(HttpStatusCode.Redirect, await StatusAsync(onB));
    }
}
