using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Portal.Services.Data;
using Portal.Web.Endpoints;
using Portal.Web.Security;

namespace Portal.Web.Components.Account;

/// <summary>Single sign-on: the login page's button posts here, and the provider's answer comes back here once checked.</summary>
internal static class ExternalLoginEndpoints
{
    public const string ChallengePath = "/Account/ExternalLogin";
    public const string CallbackPath = "/Account/ExternalLogin/Callback";

    public static void MapExternalLoginEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(ChallengePath, ([FromForm] string? returnUrl, [FromServices] SignInManager<PortalUser> signInManager, [FromServices] IOptions<OidcSettings> settings) =>
        {
            if (!settings.Value.Enabled)
            {
                return Results.NotFound();
            }
            var callback = $"{CallbackPath}?returnUrl={Uri.EscapeDataString(PreferenceEndpoints.LocalPathOrRoot(returnUrl))}";
            return Results.Challenge(signInManager.ConfigureExternalAuthenticationProperties(SingleSignOn.Scheme, callback), [SingleSignOn.Scheme]);
        }).AllowAnonymous();

        endpoints.MapGet(CallbackPath, async (HttpContext context, [FromQuery] string? returnUrl, [FromServices] ExternalSignIn externalSignIn,
            [FromServices] IOptions<OidcSettings> settings) =>
        {
            if (!settings.Value.Enabled)
            {
                return Results.NotFound();
            }
            var result = await externalSignIn.SignInAsync();
            var local = PreferenceEndpoints.LocalPathOrRoot(returnUrl);
            switch (result.Outcome)
            {
                case ExternalSignInOutcome.SignedIn:
                    // The language saved for the user wins, as at a password sign-in.
                    if (result.User?.PreferredCulture is { } culture)
                    {
                        PreferenceEndpoints.AppendCultureCookie(context, culture);
                    }
                    return Results.LocalRedirect(local);
                case ExternalSignInOutcome.RequiresTwoFactor:
                    return Results.LocalRedirect($"~/Account/LoginWith2fa?returnUrl={Uri.EscapeDataString(local)}&rememberMe=false");
                case ExternalSignInOutcome.LockedOut:
                    return Results.LocalRedirect("~/Account/Lockout");
                default:
                    return Results.LocalRedirect($"~/Account/Login?sso={result.Refusal ?? SingleSignOnRefusal.Failed}");
            }
        }).AllowAnonymous();
    }
}
