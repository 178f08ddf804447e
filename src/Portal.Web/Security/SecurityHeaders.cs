using System.Security.Cryptography;

namespace Portal.Web.Security;

/// <summary>
/// The headers every answer carries. The Content-Security-Policy allows scripts from the portal only, plus the one
/// inline import map the framework writes, by a nonce drawn per request; styles may be inline, because MudBlazor sets
/// style attributes on its components; the circuit's WebSocket is same-origin ('self'). No page may be framed. Forms
/// post to the portal only, and with single sign-on on, on to the identity provider too: the login page's button posts
/// to the portal, which redirects to the provider, and browsers hold that redirect to <c>form-action</c>.
/// </summary>
public static class SecurityHeaders
{
    private const string NonceKey = "portal.csp-nonce";

    public const string PermissionsPolicy = "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()";

    /// <param name="nonce">This request's nonce.</param>
    /// <param name="signInOrigin">The identity provider's origin when single sign-on is on.</param>
    public static string ContentSecurityPolicy(string nonce, string? signInOrigin = null) =>
        "default-src 'self'; " +
        $"script-src 'self' 'nonce-{nonce}'; " +
        "style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data:; " +
        "font-src 'self' data:; " +
        "connect-src 'self'; " +
        "frame-ancestors 'none'; " +
        "base-uri 'self'; " +
        (signInOrigin is null ? "form-action 'self'; " : $"form-action 'self' {signInOrigin}; ") +
        "object-src 'none'";

    /// <summary>The nonce of this request's policy, for the inline script tags the portal writes.</summary>
    public static string Nonce(HttpContext context)
    {
        if (context.Items[NonceKey] is string nonce)
        {
            return nonce;
        }
        nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        context.Items[NonceKey] = nonce;
        return nonce;
    }

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        var signInOrigin = app.ApplicationServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<OidcSettings>>().Value.Origin;
        return app.Use(async (context, next) =>
        {
            var nonce = Nonce(context);
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy(nonce, signInOrigin);
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers["Permissions-Policy"] = PermissionsPolicy;
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                return Task.CompletedTask;
            });
            await next(context);
        });
    }

    /// <summary>
    /// The interactive circuit's hub answers the portal's own pages only: a page of another site that opens a
    /// connection with the user's cookie (cross-site WebSocket hijacking) is refused, since browsers always say where
    /// such a connection comes from.
    /// </summary>
    public static IApplicationBuilder UseSameOriginCircuits(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/_blazor") && context.Request.Headers.Origin is { Count: > 0 } origin
                && !string.Equals(origin.ToString(), $"{context.Request.Scheme}://{context.Request.Host}", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return;
            }
            await next(context);
        });
}
