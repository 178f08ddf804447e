using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Portal.Testing;

/// <summary>An account at the test identity provider, with what its id token says about the e-mail.</summary>
public sealed record OidcTestAccount(string Login, string Email, bool EmailVerified);

/// <summary>
/// A real OpenID Connect provider (OpenIddict's server) on its own Kestrel port, for the portal to sign in against:
/// authorization code flow with PKCE, ephemeral keys, its clients in a SQLite file. Its login page takes an account's
/// login (no password: the portal never sees one anyway) and answers with that account's e-mail and email_verified.
/// </summary>
public sealed class OidcTestProvider : IAsyncDisposable
{
    public const string ClientId = "portal";
    public const string ClientSecret = "portal-test-secret-7f3c";
    public const string LoginPath = "/login";

    private const string SessionScheme = "provider";

    private readonly string folder = Path.Combine(Path.GetTempPath(), "portal-oidc", Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, OidcTestAccount> accounts;
    private WebApplication? app;

    public OidcTestProvider(IEnumerable<OidcTestAccount> accounts)
    {
        this.accounts = accounts.ToDictionary(a => a.Login, StringComparer.OrdinalIgnoreCase);
        Directory.CreateDirectory(folder);
    }

    /// <summary>The issuer, e.g. <c>http://127.0.0.1:41234/</c>: the portal's <c>Authentication:Oidc:Authority</c>.</summary>
    public Uri Authority { get; private set; } = default!;

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Development, ContentRootPath = folder });
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        builder.Services.AddDbContext<ProviderDbContext>(options =>
        {
            options.UseSqlite($"Data Source={Path.Combine(folder, "provider.db")}");
            options.UseOpenIddict();
        });
        builder.Services.AddAuthentication(SessionScheme).AddCookie(SessionScheme, options =>
        {
            options.Cookie.Name = "provider.session";
            options.LoginPath = LoginPath;
        });
        builder.Services.AddOpenIddict()
            .AddCore(options => options.UseEntityFrameworkCore().UseDbContext<ProviderDbContext>())
            .AddServer(options =>
            {
                options.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token");
                options.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                options.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
                options.RegisterScopes(Scopes.OpenId, Scopes.Email, Scopes.Profile);
                options.UseAspNetCore().EnableAuthorizationEndpointPassthrough().DisableTransportSecurityRequirement();
            });

        app = builder.Build();
        app.UseAuthentication();
        app.MapMethods("/connect/authorize", [HttpMethods.Get, HttpMethods.Post], (Func<HttpContext, Task<IResult>>)AuthorizeAsync);
        app.MapGet(LoginPath, (HttpContext context) => Results.Content(
            $"""<!doctype html><html><body><form method="post" action="{LoginPath}"><input type="hidden" name="returnUrl" value="{WebUtility.HtmlEncode(context.Request.Query["ReturnUrl"])}" /><label for="login">Login</label><input id="login" name="login" /><button type="submit">Sign in</button></form></body></html>""",
            "text/html"));
        app.MapPost(LoginPath, async (HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync();
            if (!accounts.TryGetValue(form["login"].ToString(), out var account))
            {
                return Results.Unauthorized();
            }
            var identity = new ClaimsIdentity(SessionScheme);
            identity.AddClaim(new Claim(ClaimTypes.Name, account.Login));
            await context.SignInAsync(SessionScheme, new ClaimsPrincipal(identity));
            var returnUrl = form["returnUrl"].ToString();
            return Results.Redirect(returnUrl.StartsWith('/') ? returnUrl : "/");
        });

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ProviderDbContext>().Database.EnsureCreatedAsync();
        }
        await app.StartAsync();
        var address = app.Urls.First();
        Authority = new Uri(address.EndsWith('/') ? address : address + "/");
    }

    /// <summary>Registers the portal as a confidential client sending its users back to <paramref name="redirectUri"/>.</summary>
    public async Task RegisterClientAsync(Uri redirectUri)
    {
        await using var scope = app!.Services.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        await manager.CreateAsync(new OpenIddictApplicationDescriptor
        {
            ClientId = ClientId,
            ClientSecret = ClientSecret,
            ClientType = ClientTypes.Confidential,
            RedirectUris = { redirectUri },
            Permissions =
            {
                Permissions.Endpoints.Authorization,
                Permissions.Endpoints.Token,
                Permissions.GrantTypes.AuthorizationCode,
                Permissions.ResponseTypes.Code,
                Permissions.Scopes.Email,
                Permissions.Scopes.Profile,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        });
    }

    private async Task<IResult> AuthorizeAsync(HttpContext context)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var session = await context.AuthenticateAsync(SessionScheme);
        if (!session.Succeeded || !accounts.TryGetValue(session.Principal.Identity?.Name ?? "", out var account))
        {
            return Results.Challenge(new AuthenticationProperties { RedirectUri = context.Request.PathBase + context.Request.Path + context.Request.QueryString }, [SessionScheme]);
        }
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, $"sub-{account.Login}")
            .SetClaim(Claims.Name, account.Login)
            .SetClaim(Claims.Email, account.Email)
            .SetClaim(Claims.EmailVerified, account.EmailVerified);
        identity.SetScopes(request.GetScopes());
        identity.SetDestinations(_ => [Destinations.IdentityToken, Destinations.AccessToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left to the system's temporary-folder cleaning.
        }
    }

    internal sealed class ProviderDbContext(DbContextOptions<ProviderDbContext> options) : DbContext(options);
}
