using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace Portal.Web.Security;

/// <summary>How long a sign-in lasts: <c>Authentication:Session:IdleMinutes</c> without a request, <c>AbsoluteHours</c> at most.</summary>
public sealed class SessionSettings
{
    public const string Section = "Authentication:Session";

    public int IdleMinutes { get; set; } = 30;
    public int AbsoluteHours { get; set; } = 10;
}

/// <summary>
/// The checks a sign-in cookie goes through on each request: its absolute lifetime (counted from the sign-in, which the
/// sliding renewal does not move), then Identity's security-stamp check every minute, which refuses a disabled login,
/// a renewed stamp, and re-reads role and binding.
/// </summary>
public static class SessionLifetime
{
    public const string SignedInAtKey = "portal.signed-in-at";

    /// <summary>A minute: the longest a disabled login, a new role or "sign out everywhere" leaves a cookie working.</summary>
    public static readonly TimeSpan ValidationInterval = TimeSpan.FromMinutes(1);

    public static void Configure(CookieAuthenticationOptions options, SessionSettings settings, TimeProvider clock)
    {
        options.TimeProvider = clock;
        options.ExpireTimeSpan = TimeSpan.FromMinutes(settings.IdleMinutes);
        options.SlidingExpiration = true;
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Lax;
        options.Events.OnSigningIn = context =>
        {
            // A two-factor step or a refresh after a new password keeps the first sign-in's time.
            context.Properties.Items.TryAdd(SignedInAtKey, clock.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
            return Task.CompletedTask;
        };
        options.Events.OnValidatePrincipal = async context =>
        {
            if (IsPastAbsoluteLifetime(context.Properties, clock.GetUtcNow(), TimeSpan.FromHours(settings.AbsoluteHours)))
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                return;
            }
            await SecurityStampValidator.ValidatePrincipalAsync(context);
        };
    }

    public static bool IsPastAbsoluteLifetime(AuthenticationProperties properties, DateTimeOffset now, TimeSpan lifetime) =>
        !properties.Items.TryGetValue(SignedInAtKey, out var text)
        || !long.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
        || now - DateTimeOffset.FromUnixTimeSeconds(seconds) > lifetime;
}
