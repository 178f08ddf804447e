using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Portal.Services.Data;
using Portal.Services.Users;

namespace Portal.Web.Components.Account;

internal static class IdentityComponentsEndpointRouteBuilderExtensions
{
    /// <summary>The endpoints the account pages post to.</summary>
    public static IEndpointConventionBuilder MapAdditionalIdentityEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var accountGroup = endpoints.MapGroup("/Account").AllowAnonymous();
        accountGroup.MapPost("/Logout", async (HttpContext context, [FromServices] SignInManager<PortalUser> signInManager, [FromServices] SecurityEvents events,
            [FromForm] string? returnUrl) =>
        {
            // A cookie is proof the server keeps no record of: renewing the stamp makes any copy of it (another tab, a
            // stolen one) refused at its next check, so the session ends on the server, not only in this browser.
            if (await signInManager.UserManager.GetUserAsync(context.User) is { } user)
            {
                await signInManager.UserManager.UpdateSecurityStampAsync(user);
                await events.RecordAsync(user.UserName ?? "", UserActions.SignOut);
            }
            await signInManager.SignOutAsync();
            return TypedResults.LocalRedirect("~/Account/Login");
        });
        return accountGroup;
    }
}
