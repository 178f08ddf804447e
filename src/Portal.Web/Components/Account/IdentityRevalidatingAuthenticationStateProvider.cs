using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Portal.Services.Access;
using Portal.Services.Data;

namespace Portal.Web.Components.Account;

// Revalidates the security stamp of the connected user every 30 minutes while an interactive circuit is connected,
// so a disabled account or a changed password ends open sessions.
internal sealed class IdentityRevalidatingAuthenticationStateProvider(
        ILoggerFactory loggerFactory,
        IServiceScopeFactory scopeFactory,
        IOptions<IdentityOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(30);

    protected override async Task<bool> ValidateAuthenticationStateAsync(
        AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        // Get the user manager from a new scope to ensure it fetches fresh data
        await using var scope = scopeFactory.CreateAsyncScope();
        var userManager = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        return await IsStillValidAsync(userManager, authenticationState.User, options.Value);
    }

    /// <summary>
    /// The session stays valid while the user exists, its security stamp is unchanged, and its role, region and
    /// advisor are still those the session's claims carry: a director moved to another region, or a changed role,
    /// ends open sessions at the next revalidation.
    /// </summary>
    internal static async Task<bool> IsStillValidAsync(UserManager<PortalUser> userManager, ClaimsPrincipal principal, IdentityOptions options)
    {
        var user = await userManager.GetUserAsync(principal);
        if (user is null || user.Disabled)
        {
            return false;
        }
        if (userManager.SupportsUserSecurityStamp)
        {
            var principalStamp = principal.FindFirstValue(options.ClaimsIdentity.SecurityStampClaimType);
            if (principalStamp != await userManager.GetSecurityStampAsync(user))
            {
                return false;
            }
        }
        var actor = principal.ToActor();
        var roles = await userManager.GetRolesAsync(user);
        return actor is not null
               && roles.Contains(actor.Role.ToString())
               && actor.RegionId == user.RegionId
               && actor.AdvisorId == user.AdvisorId;
    }
}
