using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Portal.Services.Access;
using Portal.Services.Data;

namespace Portal.Web.Components.Account;

/// <summary>
/// Checks an open circuit's user again every minute, on the portal's clock (so a test can move it): a disabled login,
/// a renewed security stamp ("sign out everywhere", a reset, a new password) or a changed role or binding turns the
/// circuit anonymous, and the pages it shows stop answering. The framework's own revalidating provider waits on the
/// system clock, which no test can move; this one is the same loop on a <see cref="TimeProvider"/>.
/// </summary>
internal sealed class IdentityRevalidatingAuthenticationStateProvider : ServerAuthenticationStateProvider, IDisposable
{
    private readonly ILogger<IdentityRevalidatingAuthenticationStateProvider> logger;
    private readonly IServiceScopeFactory scopeFactory;
    private readonly IOptions<IdentityOptions> options;
    private readonly TimeProvider clock;

    public IdentityRevalidatingAuthenticationStateProvider(ILogger<IdentityRevalidatingAuthenticationStateProvider> logger, IServiceScopeFactory scopeFactory,
        IOptions<IdentityOptions> options, TimeProvider clock)
    {
        this.logger = logger;
        this.scopeFactory = scopeFactory;
        this.options = options;
        this.clock = clock;
        // The circuit sets its user once, when it starts; each new state (the anonymous one included) restarts the checks.
        AuthenticationStateChanged += Restart;
    }

    public static readonly TimeSpan RevalidationInterval = TimeSpan.FromMinutes(1);

    private CancellationTokenSource? loop;

    private void Restart(Task<AuthenticationState> authenticationStateTask)
    {
        loop?.Cancel();
        loop?.Dispose();
        loop = new CancellationTokenSource();
        _ = RevalidateAsync(authenticationStateTask, loop.Token);
    }

    private async Task RevalidateAsync(Task<AuthenticationState> state, CancellationToken cancellationToken)
    {
        var current = await state;
        if (current.User.Identity?.IsAuthenticated != true)
        {
            return;
        }
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(RevalidationInterval, clock, cancellationToken);
            }
            catch (TaskCanceledException)
            {
                return;
            }
            bool valid;
            try
            {
                await using var scope = scopeFactory.CreateAsyncScope();
                var userManager = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
                valid = await IsStillValidAsync(userManager, current.User, options.Value);
            }
#pragma warning disable CA1031 // A failed check must end the session, whatever failed.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                logger.LogError(exception, "Revalidating the circuit's user failed; the circuit is signed out.");
                valid = false;
            }
            if (!valid)
            {
                loop?.Cancel();
                base.SetAuthenticationState(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity()))));
                return;
            }
        }
    }

    public void Dispose()
    {
        AuthenticationStateChanged -= Restart;
        loop?.Cancel();
        loop?.Dispose();
    }

    /// <summary>
    /// The session stays valid while the user exists and is enabled, its security stamp is unchanged, and its role,
    /// region and advisor are still those the session's claims carry.
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
