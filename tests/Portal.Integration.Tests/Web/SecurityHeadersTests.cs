using System.Net;
using System.Net.WebSockets;
using System.Text.RegularExpressions;
using Portal.Services.Demo;
using Portal.Testing;

namespace Portal.Integration.Tests.Web;

/// <summary>The security headers on every answer, and the circuit's hub refusing a page of another site.</summary>
[Collection(PortalCollection.Name)]
public partial class SecurityHeadersTests(PortalFixture fixture)
{
    public static TheoryData<string, bool> Addresses => new()
    {
        { "/", true },
        { "/advisors", true },
        { "/admin/audit", true },
        { "/no-such-page", true },
        { "/Account/Login", false },
        { "/no-such-page", false },
        { "/health", false },
        { "/assets/portal.css", false },
        { "/_framework/blazor.web.js", false },
    };

    [Theory]
    [MemberData(nameof(Addresses))]
    public async Task Every_answer_carries_the_security_headers(string path, bool signedIn)
    {
        using var client = new PortalBrowserClient(fixture.App.BaseAddress);
        if (signedIn)
        {
            await client.LoginAsync(DemoAccounts.DirectorBpl, DemoAccounts.Password);
        }

        using var response = await client.GetAsync(path);

        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Matches(@"script-src 'self' 'nonce-[A-Za-z0-9+/=]+';", csp);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        Assert.Contains("camera=()", Header(response, "Permissions-Policy"), StringComparison.Ordinal);
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
    }

    [Fact]
    public async Task The_one_inline_script_carries_this_answer_s_nonce_and_the_nonce_changes_with_each_answer()
    {
        using var client = new PortalBrowserClient(fixture.App.BaseAddress);

        using var first = await client.GetAsync("/Account/Login");
        using var second = await client.GetAsync("/Account/Login");

        var body = await first.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var nonce = NoncePattern().Match(Header(first, "Content-Security-Policy")).Groups[1].Value;
        var inline = InlineScriptPattern().Matches(body).Select(m => m.Value).ToList();
        Assert.NotEmpty(inline);
        Assert.All(inline, tag => Assert.Contains($"nonce=\"{nonce}\"", tag, StringComparison.Ordinal));
        Assert.NotEqual(nonce, NoncePattern().Match(Header(second, "Content-Security-Policy")).Groups[1].Value);
    }

    [Theory]
    [InlineData("https://evil.example", HttpStatusCode.Forbidden)]
    [InlineData("http://localhost.evil.example", HttpStatusCode.Forbidden)]
    [InlineData(null, HttpStatusCode.OK)]
    public async Task The_hub_negotiates_only_with_pages_of_the_portal(string? origin, HttpStatusCode expected)
    {
        using var client = new PortalBrowserClient(fixture.App.BaseAddress);
        await client.LoginAsync(DemoAccounts.DirectorBpl, DemoAccounts.Password);
        var own = fixture.App.BaseAddress.GetLeftPart(UriPartial.Authority);
        client.Headers.Add("Origin", origin ?? own);

        using var response = await client.PostFormWithoutTokenAsync("/_blazor/negotiate?negotiateVersion=1", new Dictionary<string, string>());

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task A_websocket_to_the_hub_from_another_site_is_refused()
    {
        var hub = new UriBuilder(fixture.App.BaseAddress) { Scheme = "ws", Path = "/_blazor" }.Uri;
        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Origin", "https://evil.example");

        var refused = await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(hub, TestContext.Current.CancellationToken));

        Assert.Contains("403", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forwarded_headers_are_ignored_when_no_proxy_is_configured()
    {
        using var client = new PortalBrowserClient(fixture.App.BaseAddress);
        client.Headers.Add("X-Forwarded-For", "203.0.113.66");
        var email = $"{Guid.NewGuid():N}@portal.test";

        using var _ = await client.LoginAsync(email, "any wrong password here");

        await using var db = fixture.App.CreateDbContext();
        var entry = db.AuditEntries.Single(a => a.EntityKey == email);
        Assert.Equal("127.0.0.1", entry.IpAddress);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values) ? string.Join(",", values) : "";

    [GeneratedRegex("'nonce-([^']+)'")]
    private static partial Regex NoncePattern();

    [GeneratedRegex("<script(?![^>]*\\ssrc=)[^>]*>")]
    private static partial Regex InlineScriptPattern();
}
