using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Portal.Services.Data;

namespace Portal.Services.Access;

/// <summary>Adds the region and advisor bindings of a login to its cookie, where <see cref="PortalClaims"/> reads them.</summary>
public sealed class PortalClaimsFactory(
    UserManager<PortalUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<PortalUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PortalUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(PortalClaims.DisplayName, string.IsNullOrEmpty(user.DisplayName) ? user.UserName ?? "" : user.DisplayName));
        if (user.TwoFactorEnabled)
        {
            identity.AddClaim(new Claim(PortalClaims.TwoFactor, "true"));
        }
        if (user.RegionId is { } region)
        {
            identity.AddClaim(new Claim(PortalClaims.Region, region.ToString(CultureInfo.InvariantCulture)));
        }
        if (user.AdvisorId is { } advisor)
        {
            identity.AddClaim(new Claim(PortalClaims.Advisor, advisor.ToString(CultureInfo.InvariantCulture)));
        }
        return identity;
    }
}
