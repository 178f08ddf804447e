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
    public const string SessionIdKey = "portal.session";

    /// <summary>A minute: the longest a disabled login, a new role or "sign out everywhere" leaves a cookie working.</summary>
    public static readonly TimeSpan ValidationInterval = TimeSpan.FromMinutes(1);

    public static void Configure(CookieAuthenticationOptions options, SessionSettings settings, TimeProvider clock, SessionRevocations revocations)
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
            context.Properties.Items.TryAdd(SessionIdKey, Guid.NewGuid().ToString("N"));
            return Task.CompletedTask;
        };
        options.Events.OnValidatePrincipal = async context =>
        {
            if (IsPastAbsoluteLifetime(context.Properties, clock.GetUtcNow(), TimeSpan.FromHours(settings.AbsoluteHours))
                || (context.Properties.Items.TryGetValue(SessionIdKey, out var session) && session is not null && revocations.IsRevoked(session, clock.GetUtcNow())))
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

/// <summary>
/// Sessions ended by their logout: a copy of the cookie (another tab, a stolen one) is refused from then on, on the very
/// next request, without ending the user's sessions on other devices. Kept until the session could have lived anyway
/// (the absolute lifetime), in this process: the portal runs as one instance; a restart forgets the list, which is
/// why "sign out everywhere" (the security stamp, in the database) is the administrator's tool for a stolen session.
/// </summary>
public sealed class SessionRevocations
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, DateTimeOffset> revoked = new(StringComparer.Ordinal);

    public void Revoke(string session, DateTimeOffset until)
    {
        revoked[session] = until;
        if (revoked.Count > 10_000)
        {
            foreach (var (key, end) in revoked)
            {
                if (end < DateTimeOffset.UtcNow)
                {
                    revoked.TryRemove(key, out _);
                }
            }
        }
    }

    public bool IsRevoked(string session, DateTimeOffset now) => revoked.TryGetValue(session, out var until) && until > now;
}
