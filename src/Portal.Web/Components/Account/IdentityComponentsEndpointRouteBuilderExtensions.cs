using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Portal.Services.Data;
using Portal.Services.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Portal.Web.Security;

namespace Portal.Web.Components.Account;

internal static class IdentityComponentsEndpointRouteBuilderExtensions
{
    /// <summary>The endpoints the account pages post to.</summary>
    public static IEndpointConventionBuilder MapAdditionalIdentityEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var accountGroup = endpoints.MapGroup("/Account").AllowAnonymous();
        accountGroup.MapPost("/Logout", async (HttpContext context, [FromServices] SignInManager<PortalUser> signInManager, [FromServices] SecurityEvents events,
            [FromServices] SessionRevocations revocations, [FromServices] TimeProvider clock, [FromServices] IOptions<SessionSettings> settings,
            [FromForm] string? returnUrl) =>
        {
            // The session ends on the server, not only in this browser: its cookie, wherever a copy of it is, is refused.
            var signedIn = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
            if (signedIn.Properties?.Items.TryGetValue(SessionLifetime.SessionIdKey, out var session) == true && session is not null)
            {
                revocations.Revoke(session, clock.GetUtcNow() + TimeSpan.FromHours(settings.Value.AbsoluteHours));
            }
            if (signedIn.Principal?.Identity?.Name is { } name)
            {
                await events.RecordAsync(name, UserActions.SignOut);
            }
            await signInManager.SignOutAsync();
            return TypedResults.LocalRedirect("~/Account/Login");
        });
        return accountGroup;
    }
}
