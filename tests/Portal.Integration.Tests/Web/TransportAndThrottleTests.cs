using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Services.Data;
using Portal.Testing;

namespace Portal.Integration.Tests.Web;

/// <summary>
/// A production portal behind a proxy at 127.0.0.1 (its forwarded headers believed), with low sign-in limits: 5 posts a
/// minute per address, 3 per quarter-hour per account. Each test claims its own client addresses through the proxy.
/// </summary>
public sealed class ThrottledPortalFixture : IAsyncLifetime
{
    public PortalAppFactory App { get; } = new("Production", new Dictionary<string, string?>
    {
        ["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1",
        ["RateLimiting:SignIn:PerAddressPerMinute"] = "5",
        ["RateLimiting:SignIn:PerAccountPerQuarterHour"] = "3",
    });

    public ValueTask InitializeAsync()
    {
        App.Start();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}

public class TransportAndThrottleTests(ThrottledPortalFixture fixture) : IClassFixture<ThrottledPortalFixture>
{
    private const string Password = "correct horse battery";

    private PortalBrowserClient From(string address)
    {
        var client = new PortalBrowserClient(fixture.App.BaseAddress);
        client.Headers.Add("X-Forwarded-For", address);
        return client;
    }

    private async Task<string> NewUserAsync()
    {
        var email = $"{Guid.NewGuid():N}@portal.test";
        using var scope = fixture.App.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        Assert.True((await users.CreateAsync(new PortalUser { UserName = email, Email = email, DisplayName = "Test" }, Password)).Succeeded);
        return email;
    }

    [Fact]
    public async Task The_sixth_sign_in_post_of_a_minute_from_one_address_gets_429_in_french()
    {
        using var client = From("198.51.100.1");
        var answers = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 6; attempt++)
        {
            using var response = await client.LoginAsync($"{Guid.NewGuid():N}@portal.test", "a wrong password here");
            answers.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Equal("Trop de tentatives. Patientez quelques minutes avant de réessayer.", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
                Assert.NotNull(response.Headers.RetryAfter);
            }
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, 5), HttpStatusCode.TooManyRequests], answers);
        using var other = From("198.51.100.2");
        using var elsewhere = await other.LoginAsync($"{Guid.NewGuid():N}@portal.test", "a wrong password here");
        Assert.Equal(HttpStatusCode.OK, elsewhere.StatusCode);
    }

    [Fact]
    public async Task The_refusal_speaks_english_to_a_user_who_chose_english()
    {
        using var client = From("198.51.100.3");
        client.Cookies.Add(fixture.App.BaseAddress, new Cookie(".AspNetCore.Culture", "c=en-GB|uic=en-GB"));
        HttpResponseMessage? last = null;
        for (var attempt = 0; attempt < 6; attempt++)
        {
            last?.Dispose();
            last = await client.LoginAsync($"{Guid.NewGuid():N}@portal.test", "a wrong password here");
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, last!.StatusCode);
        Assert.Equal("Too many attempts. Wait a few minutes before trying again.", await last.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        last.Dispose();
    }

    [Fact]
    public async Task Guesses_at_one_account_from_many_addresses_are_cut_off_and_the_refused_ones_do_not_count_towards_lockout()
    {
        var email = await NewUserAsync();
        var answers = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var client = From($"203.0.113.{10 + attempt}");
            using var response = await client.LoginAsync(email, "a wrong password here");
            answers.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], answers);
        await using var db = fixture.App.CreateDbContext();
        var user = await db.Users.SingleAsync(u => u.Email == email, TestContext.Current.CancellationToken);
        Assert.Equal(3, user.AccessFailedCount);
        Assert.Null(user.LockoutEnd);
    }

    [Fact]
    public async Task A_known_proxy_s_forwarded_address_is_the_one_the_audit_log_keeps()
    {
        using var client = From("192.0.2.44");
        var email = $"{Guid.NewGuid():N}@portal.test";

        using var _ = await client.LoginAsync(email, "a wrong password here");

        await using var db = fixture.App.CreateDbContext();
        Assert.Equal("192.0.2.44", db.AuditEntries.Single(a => a.EntityKey == email).IpAddress);
    }

    [Fact]
    public async Task Outside_development_plain_http_is_redirected_to_https_and_https_answers_carry_hsts()
    {
        await using var app = new PortalAppFactory("Production", new Dictionary<string, string?>
        {
            ["https_port"] = "443",
            ["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1",
        });
        app.Start();
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };

        using var plain = await http.GetAsync("Account/Login", TestContext.Current.CancellationToken);
        using var request = new HttpRequestMessage(HttpMethod.Get, "Account/Login");
        request.Headers.Host = "portal.operator.test";
        request.Headers.Add("X-Forwarded-Proto", "https");
        using var secure = await http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.TemporaryRedirect, plain.StatusCode);
        Assert.Equal("https", plain.Headers.Location!.Scheme);
        Assert.Equal(HttpStatusCode.OK, secure.StatusCode);
        Assert.StartsWith("max-age=", string.Join(",", secure.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
    }
}
