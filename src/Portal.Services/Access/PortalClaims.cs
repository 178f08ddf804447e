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

    /// <summary>Present when the login has a second factor enrolled; a national administrator without it reaches only the enrolment page.</summary>
    public const string TwoFactor = "portal:2fa";

    /// <summary>Whether the principal's role needs a second factor it has not enrolled yet.</summary>
    public static bool MustEnrolTwoFactor(this ClaimsPrincipal principal) =>
        principal.ToActor() is { Role: PortalRole.NationalAdmin } && principal.FindFirst(TwoFactor) is null;

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
