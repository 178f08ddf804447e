using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Portal.Web.Security;

/// <summary>How many sign-in, two-factor and password-change posts are answered (<c>RateLimiting:SignIn:*</c>).</summary>
public sealed class SignInThrottleSettings
{
    public const string Section = "RateLimiting:SignIn";

    /// <summary>Posts per minute from one address, whatever account they name.</summary>
    public int PerAddressPerMinute { get; set; } = 20;

    /// <summary>Posts per 15 minutes naming one account, from any number of addresses.</summary>
    public int PerAccountPerQuarterHour { get; set; } = 10;
}

/// <summary>
/// Anti-automation on the forms that check a secret: the sign-in, its two-factor step, the set-password link and the
/// password change. One limit per client address (a single machine guessing), one per account (many machines guessing
/// one account). A refused post gets 429 with a sentence in the user's language and is never checked, so it costs
/// no password hash and does not count towards the account's lockout.
/// </summary>
public static class SignInThrottle
{
    public const string AccountField = "Input.Email";

    private static readonly string[] Paths = ["/Account/Login", "/Account/LoginWith2fa", "/Account/Manage/ChangePassword", "/Account/SetPassword",
        "/Account/ExternalLogin"];

    // Single sign-on's answer comes back by GET; the account is known only once it is checked, so it counts per address.
    private const string SingleSignOnCallback = "/Account/ExternalLogin/Callback";

    public static bool IsThrottled(HttpRequest request) =>
        (HttpMethods.IsPost(request.Method) && Paths.Any(p => request.Path.Equals(p, StringComparison.OrdinalIgnoreCase)))
        || request.Path.Equals(SingleSignOnCallback, StringComparison.OrdinalIgnoreCase);

    public static IServiceCollection AddSignInThrottle(this IServiceCollection services)
    {
        services.AddOptions<SignInThrottleSettings>().BindConfiguration(SignInThrottleSettings.Section);
        services.AddSingleton(provider =>
        {
            var settings = provider.GetRequiredService<IOptions<SignInThrottleSettings>>().Value;
            return new AccountLimiter(PartitionedRateLimiter.Create<string, string>(account => RateLimitPartition.GetFixedWindowLimiter(account, _ =>
                new FixedWindowRateLimiterOptions { PermitLimit = settings.PerAccountPerQuarterHour, Window = TimeSpan.FromMinutes(15), QueueLimit = 0 })));
        });
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                if (!IsThrottled(context.Request))
                {
                    return RateLimitPartition.GetNoLimiter("");
                }
                var settings = context.RequestServices.GetRequiredService<IOptions<SignInThrottleSettings>>().Value;
                var address = context.Connection.RemoteIpAddress?.ToString() ?? "";
                return RateLimitPartition.GetFixedWindowLimiter(address, _ =>
                    new FixedWindowRateLimiterOptions { PermitLimit = settings.PerAddressPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            });
            options.OnRejected = (context, _) => RefuseAsync(context.HttpContext, TimeSpan.FromMinutes(1));
        });
        return services;
    }

    /// <summary>The per-address limit (the framework's limiter), then the per-account one, which needs the posted form.</summary>
    public static IApplicationBuilder UseSignInThrottle(this IApplicationBuilder app)
    {
        app.UseRateLimiter();
        return app.Use(async (context, next) =>
        {
            if (IsThrottled(context.Request) && await AccountOfAsync(context) is { Length: > 0 } account)
            {
                using var lease = context.RequestServices.GetRequiredService<AccountLimiter>().Limiter.AttemptAcquire(account.ToUpperInvariant());
                if (!lease.IsAcquired)
                {
                    await RefuseAsync(context, TimeSpan.FromMinutes(15));
                    return;
                }
            }
            await next(context);
        });
    }

    /// <summary>The account a post is about: the e-mail typed on the sign-in or set-password form, else the signed-in or half-signed-in user.</summary>
    private static async Task<string?> AccountOfAsync(HttpContext context)
    {
        if (context.Request.HasFormContentType)
        {
            var form = await context.Request.ReadFormAsync();
            if (form[AccountField] is { Count: > 0 } email && !string.IsNullOrWhiteSpace(email))
            {
                return email.ToString().Trim();
            }
        }
        // Authentication runs later in the pipeline: the cookie is read here for the password change.
        var signedIn = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (signedIn.Principal?.Identity is { IsAuthenticated: true, Name: { } name })
        {
            return name;
        }
        var twoFactor = await context.AuthenticateAsync(IdentityConstants.TwoFactorUserIdScheme);
        return twoFactor.Principal?.Identity?.Name ?? twoFactor.Principal?.FindFirst(System.Security.Claims.ClaimTypes.Name)?.Value;
    }

    private static async ValueTask RefuseAsync(HttpContext context, TimeSpan retryAfter)
    {
        var localizer = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = ((int)retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(localizer["RateLimit_TooMany"]);
    }

    /// <summary>The per-account limiter, one for the app.</summary>
    public sealed record AccountLimiter(PartitionedRateLimiter<string> Limiter);
}
