using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Portal.Services.Data;

namespace Portal.Web.Endpoints;

/// <summary>
/// The interface language and theme: posted from forms (with the antiforgery token), kept in cookies, the
/// language also remembered per user.
/// </summary>
internal static class PreferenceEndpoints
{
    public const string ThemeCookie = "portal.theme";

    public static void MapPreferenceEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var preferences = endpoints.MapGroup("/preferences").AllowAnonymous();

        preferences.MapPost("/culture", async ([FromForm] string culture, [FromForm] string? returnUrl, HttpContext context, UserManager<PortalUser> users) =>
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
            return Results.LocalRedirect(LocalPathOrRoot(returnUrl));
        });

        preferences.MapPost("/theme", ([FromForm] bool dark, [FromForm] string? returnUrl, HttpContext context) =>
        {
            context.Response.Cookies.Append(ThemeCookie, dark ? "dark" : "light",
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
            return Results.LocalRedirect(LocalPathOrRoot(returnUrl));
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

    /// <summary>A path of this site, or the root: never another site, whatever was posted.</summary>
    public static string LocalPathOrRoot(string? returnUrl) =>
        returnUrl is { Length: > 0 } url
        && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && Uri.IsWellFormedUriString(url, UriKind.Relative)
            ? url
            : "/";
}
