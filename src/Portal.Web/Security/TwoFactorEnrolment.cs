using Portal.Services.Access;

namespace Portal.Web.Security;

/// <summary>
/// A national administrator without a second factor reaches the enrolment page only (and what it needs: its styles,
/// sign-out, the language switch): every other address sends there, the circuit hub included, so no page of the
/// portal can be opened interactively either.
/// </summary>
public static class TwoFactorEnrolment
{
    public const string Page = "/Account/Manage/TwoFactor";

    private static readonly string[] Allowed = [Page, "/Account/Logout", "/Account/Login", "/assets", "/_framework", "/_content", "/preferences", "/health", "/not-found"];

    public static IApplicationBuilder UseTwoFactorEnrolment(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.User.MustEnrolTwoFactor() && !Allowed.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase))
                && !IsStaticFile(context))
            {
                context.Response.Redirect(Page);
                return;
            }
            await next(context);
        });

    // The framework's and MudBlazor's fingerprinted files (styles, scripts) are public to anyone.
    private static bool IsStaticFile(HttpContext context) =>
        context.GetEndpoint()?.Metadata.Any(m => m.GetType().Namespace == "Microsoft.AspNetCore.StaticAssets") == true;
}
