using Microsoft.AspNetCore.Identity;
using Portal.Domain.Advisors;
using Portal.Domain.Regions;

namespace Portal.Services.Data;

/// <summary>
/// A login. The role is an Identity role; a regional director is bound to one region and an advisor
/// account to one advisor record through the columns below, which the claims factory turns into claims.
/// </summary>
public class PortalUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public int? RegionId { get; set; }
    public Region? Region { get; set; }
    public int? AdvisorId { get; set; }
    public Advisor? Advisor { get; set; }

    /// <summary>The interface language the user chose last ("fr" or "en"), restored at login.</summary>
    public string? PreferredCulture { get; set; }

    /// <summary>
    /// A leaver or a suspended account: it cannot sign in, and its open sessions end at their next check. Kept apart
    /// from Identity's lockout, which an unlock or the lockout's own end would lift.
    /// </summary>
    public bool Disabled { get; set; }
}
