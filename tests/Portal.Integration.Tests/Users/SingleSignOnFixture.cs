using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Portal.Testing;
using Portal.Web.Access;
using Portal.Web.Security;

namespace Portal.Integration.Tests.Users;

/// <summary>
/// A local OpenID Connect provider and a portal (with the demo) configured to sign in against it. The provider's
/// accounts: a director and the national administrator of the demo, an e-mail no portal user has, a demo e-mail the
/// provider does not vouch for, and the e-mail of a login the tests disable.
/// </summary>
public sealed class SingleSignOnFixture : IAsyncLifetime
{
    public const string WhoAmI = "/testing/whoami";
    public const string DisabledEmail = "leaver.sso@portal.test";

    public static readonly OidcTestAccount Director = new("director", "director.bpl@portal.demo", EmailVerified: true);
    public static readonly OidcTestAccount National = new("national", "national@portal.demo", EmailVerified: true);
    public static readonly OidcTestAccount Stranger = new("stranger", "nobody@operator.test", EmailVerified: true);
    public static readonly OidcTestAccount Unverified = new("unverified", "hr@portal.demo", EmailVerified: false);
    public static readonly OidcTestAccount Leaver = new("leaver", DisabledEmail, EmailVerified: true);

    public OidcTestProvider Provider { get; } = new([Director, National, Stranger, Unverified, Leaver]);

    public PortalAppFactory App { get; private set; } = default!;

    public async ValueTask InitializeAsync()
    {
        await Provider.StartAsync();
        App = new PortalAppFactory(settings: new Dictionary<string, string?>
        {
            ["Authentication:Oidc:Authority"] = Provider.Authority.ToString(),
            ["Authentication:Oidc:ClientId"] = OidcTestProvider.ClientId,
            ["Authentication:Oidc:ClientSecret"] = OidcTestProvider.ClientSecret,
            ["Authentication:Oidc:DisplayName"] = "Operator ID",
            ["Authentication:Oidc:RequireHttpsMetadata"] = "false",
        }, services: s => s.AddSingleton<IHostEndpoints, WhoAmIEndpoint>());
        App.Start();
        await Provider.RegisterClientAsync(new Uri(App.BaseAddress, "signin-oidc"));
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Provider.DisposeAsync();
    }

    /// <summary>Who the portal's own cookie says the caller is: name, roles, region, and the session's security stamp and id.</summary>
    private sealed class WhoAmIEndpoint : IHostEndpoints
    {
        public void Map(Microsoft.AspNetCore.Routing.IEndpointRouteBuilder endpoints) =>
            endpoints.MapGet(WhoAmI, async (HttpContext context) =>
            {
                var signedIn = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
                var user = signedIn.Principal;
                return Results.Json(new WhoAmIAnswer(
                    user?.Identity?.Name,
                    user?.FindAll(System.Security.Claims.ClaimTypes.Role).Select(c => c.Value).ToArray() ?? [],
                    user?.FindFirst(Portal.Services.Access.PortalClaims.Region)?.Value,
                    user?.FindFirst("AspNet.Identity.SecurityStamp")?.Value is { Length: > 0 },
                    signedIn.Properties?.Items.ContainsKey(SessionLifetime.SessionIdKey) == true));
            }).AllowAnonymous();
    }
}

public sealed record WhoAmIAnswer(string? Name, string[] Roles, string? Region, bool HasSecurityStamp, bool HasSession);

[CollectionDefinition(Name)]
public sealed class SingleSignOnCollection : ICollectionFixture<SingleSignOnFixture>
{
    public const string Name = "single sign-on";
}

/// <summary>A browser's round trip through the login page's button, the provider's login and back, with cookies and no automatic redirects.</summary>
public sealed partial class SingleSignOnBrowser(SingleSignOnFixture fixture) : IDisposable
{
    private readonly HttpClient client = new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false });

    /// <summary>Every address the browser was sent to, in order.</summary>
    public List<Uri> Visited { get; } = [];

    /// <summary>Presses the SSO button, signs in at the provider as <paramref name="account"/>, follows every redirect; answers the last page.</summary>
    public async Task<HttpResponseMessage> SignInAsync(OidcTestAccount account, string returnUrl = "/")
    {
        var portal = fixture.App.BaseAddress;
        var login = await client.GetStringAsync(new Uri(portal, "Account/Login"));
        var response = await client.PostAsync(new Uri(portal, "Account/ExternalLogin"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(login),
            ["returnUrl"] = returnUrl,
        }));
        for (var hop = 0; hop < 20 && response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther; hop++)
        {
            var next = new Uri(response.RequestMessage!.RequestUri!, response.Headers.Location!);
            Visited.Add(next);
            response.Dispose();
            if (next.Authority == fixture.Provider.Authority.Authority && next.AbsolutePath == OidcTestProvider.LoginPath)
            {
                var back = System.Web.HttpUtility.ParseQueryString(next.Query)["ReturnUrl"] ?? "/";
                response = await client.PostAsync(new Uri(fixture.Provider.Authority, OidcTestProvider.LoginPath.TrimStart('/')),
                    new FormUrlEncodedContent(new Dictionary<string, string> { ["login"] = account.Login, ["returnUrl"] = back }));
            }
            else
            {
                response = await client.GetAsync(next);
            }
        }
        return response;
    }

    public Task<HttpResponseMessage> GetAsync(string path) => client.GetAsync(new Uri(fixture.App.BaseAddress, path.TrimStart('/')));

    public async Task<WhoAmIAnswer> WhoAmIAsync() =>
        (await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<WhoAmIAnswer>(client, new Uri(fixture.App.BaseAddress, SingleSignOnFixture.WhoAmI.TrimStart('/'))))!;

    /// <summary>Posts a form of the portal with the antiforgery token of the page it is on, following no redirect.</summary>
    public async Task<HttpResponseMessage> PostPageFormAsync(string page, IDictionary<string, string> fields)
    {
        var html = await client.GetStringAsync(new Uri(fixture.App.BaseAddress, page.TrimStart('/')));
        var values = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = Token(html) };
        return await client.PostAsync(new Uri(fixture.App.BaseAddress, page.TrimStart('/')), new FormUrlEncodedContent(values));
    }

    public void Dispose() => client.Dispose();

    private static string Token(string html) => WebUtility.HtmlDecode(TokenPattern().Match(html).Groups[1].Value);

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
