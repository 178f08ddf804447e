using System.Globalization;
using System.Security.Claims;
using Portal.Domain.Access;

namespace Portal.Services.Access;

/// <summary>The claims that carry a user's region and advisor link, and the reading of an <see cref="Actor"/> from them.</summary>
public static class PortalClaims
{
    public const string Region = "portal:region";
    public const string Advisor = "portal:advisor";
    public const string DisplayName = "portal:name";

    /// <summary>The actor a principal stands for, or null when it is anonymous or holds no portal role.</summary>
    public static Actor? ToActor(this ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true)
        {
            return null;
        }
        var role = Enum.GetValues<PortalRole>().Cast<PortalRole?>().FirstOrDefault(r => principal.IsInRole(r!.Value.ToString()));
        if (role is null)
        {
            return null;
        }
        return new Actor(
            principal.Identity.Name ?? "",
            role.Value,
            IntClaim(principal, Region),
            IntClaim(principal, Advisor));
    }

    private static int? IntClaim(ClaimsPrincipal principal, string type) =>
        int.TryParse(principal.FindFirstValue(type), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
}
