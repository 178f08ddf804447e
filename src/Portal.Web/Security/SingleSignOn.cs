using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Portal.Web.Security;

/// <summary>The corporate identity provider (<c>Authentication:Oidc:*</c>); single sign-on is off while <see cref="Authority"/> is empty.</summary>
public sealed class OidcSettings
{
    public const string Section = "Authentication:Oidc";

    /// <summary>The provider's issuer address; its discovery document is read from <c>/.well-known/openid-configuration</c>.</summary>
    public string Authority { get; set; } = "";

    public string ClientId { get; set; } = "";

    public string ClientSecret { get; set; } = "";

    /// <summary>The provider's name on the login page's button ("Operator account").</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>Where the provider sends the user back; registered at the provider as the redirect URI.</summary>
    public string CallbackPath { get; set; } = "/signin-oidc";

    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>
    /// Creating a login for an unknown e-mail is not supported: only existing portal users sign in. Kept as a setting so
    /// that turning it on is refused at start-up instead of silently ignored.
    /// </summary>
    public bool AllowSelfProvisioning { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);

    /// <summary>The provider's origin, which the login page's form may be sent on to (CSP <c>form-action</c>).</summary>
    public string? Origin => Enabled && Uri.TryCreate(Authority, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority) : null;
}

/// <summary>
/// OpenID Connect next to the local logins: the authorization code flow with PKCE, the handler's nonce and state
/// checks, scopes <c>openid email profile</c>. The provider's answer lands in Identity's external cookie; the
/// callback (<see cref="Components.Account.ExternalLoginEndpoints"/>) maps it to a portal user and signs that user in
/// with the portal's own cookie.
/// </summary>
public static class SingleSignOn
{
    public const string Scheme = "oidc";

    public static IServiceCollection AddPortalSingleSignOn(this AuthenticationBuilder authentication, IConfiguration configuration)
    {
        var services = authentication.Services;
        services.AddOptions<OidcSettings>().BindConfiguration(OidcSettings.Section);
        var settings = configuration.GetSection(OidcSettings.Section).Get<OidcSettings>() ?? new OidcSettings();
        if (!settings.Enabled)
        {
            return services;
        }
        if (settings.AllowSelfProvisioning)
        {
            throw new InvalidOperationException($"{OidcSettings.Section}:AllowSelfProvisioning is not supported: single sign-on signs in existing portal users only.");
        }
        authentication.AddOpenIdConnect(Scheme, string.IsNullOrWhiteSpace(settings.DisplayName) ? null : settings.DisplayName, options =>
        {
            options.Authority = settings.Authority;
            options.ClientId = settings.ClientId;
            options.ClientSecret = string.IsNullOrEmpty(settings.ClientSecret) ? null : settings.ClientSecret;
            options.CallbackPath = settings.CallbackPath;
            options.RequireHttpsMetadata = settings.RequireHttpsMetadata;
            options.SignInScheme = IdentityConstants.ExternalScheme;
            options.ResponseType = OpenIdConnectResponseType.Code;
            options.UsePkce = true;
            // The code comes back on a plain top-level GET: the handler's state and nonce cookies can then be
            // SameSite=Lax, where the form_post default needs SameSite=None cookies a browser drops without HTTPS.
            options.ResponseMode = OpenIdConnectResponseMode.Query;
            options.CorrelationCookie.SameSite = SameSiteMode.Lax;
            options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.NonceCookie.SameSite = SameSiteMode.Lax;
            options.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.Scope.Clear();
            options.Scope.Add(OpenIdConnectScope.OpenId);
            options.Scope.Add(OpenIdConnectScope.Email);
            options.Scope.Add("profile");
            // The id token carries what the mapping needs (sub, email, email_verified); nothing else is kept.
            options.GetClaimsFromUserInfoEndpoint = false;
            options.SaveTokens = false;
            options.MapInboundClaims = true;
            options.Events.OnRemoteFailure = context =>
            {
                // A refusal or error at the provider, or a state or nonce that does not check: back to the login page with a sentence.
                context.HandleResponse();
                context.Response.Redirect($"{context.Request.PathBase}/Account/Login?sso={SingleSignOnRefusal.Failed}");
                return Task.CompletedTask;
            };
        });
        return services;
    }
}

/// <summary>Why a single sign-on was refused: each has its sentence on the login page (<c>Login_Sso*</c>).</summary>
public enum SingleSignOnRefusal
{
    /// <summary>The provider's answer did not come through (cancelled, error, state or nonce not matching).</summary>
    Failed,

    /// <summary>The provider does not vouch for the e-mail (<c>email_verified</c> is not true), or gave none.</summary>
    Unverified,

    /// <summary>No portal user has that e-mail.</summary>
    Unknown,

    /// <summary>The portal user is disabled or locked out.</summary>
    Disabled,

    /// <summary>The portal user is already linked to another account of the provider.</summary>
    Mismatch,
}
