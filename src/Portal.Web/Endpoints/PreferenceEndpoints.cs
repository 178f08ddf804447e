using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Portal.Services.Data;

namespace Portal.Web.Endpoints;

/// <summary>The interface language and theme: kept in cookies, the language also remembered per user.</summary>
internal static class PreferenceEndpoints
{
    public const string ThemeCookie = "portal.theme";

    public static void MapPreferenceEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/preferences/culture", async (string culture, string? returnUrl, HttpContext context, UserManager<PortalUser> users) =>
        {
            var chosen = PortalWebSetup.Cultures.FirstOrDefault(c => c.TwoLetterISOLanguageName == culture);
            if (chosen is null)
            {
                return Results.BadRequest();
            }
            AppendCultureCookie(context, chosen.Name);
            if (context.User.Identity?.IsAuthenticated == true && await users.GetUserAsync(context.User) is { } user)
            {
                user.PreferredCulture = chosen.TwoLetterISOLanguageName;
                await users.UpdateAsync(user);
            }
            return Results.LocalRedirect(LocalOrRoot(returnUrl));
        });

        endpoints.MapGet("/preferences/theme", (bool dark, string? returnUrl, HttpContext context) =>
        {
            context.Response.Cookies.Append(ThemeCookie, dark ? "dark" : "light",
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
            return Results.LocalRedirect(LocalOrRoot(returnUrl));
        });
    }

    /// <summary>Sets the language cookie that the request localization reads (also used at login).</summary>
    public static void AppendCultureCookie(HttpContext context, string cultureName)
    {
        var culture = PortalWebSetup.Cultures.FirstOrDefault(c => c.Name == cultureName || c.TwoLetterISOLanguageName == cultureName)
                      ?? PortalWebSetup.Cultures[0];
        context.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), SameSite = SameSiteMode.Lax, IsEssential = true });
    }

    private static string LocalOrRoot(string? returnUrl) =>
        string.IsNullOrEmpty(returnUrl) || !returnUrl.StartsWith('/') || returnUrl.StartsWith("//", StringComparison.Ordinal) ? "/" : returnUrl;
}
