using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Portal.Services.Data;
using Portal.Services.Users;

namespace Portal.Web.Security;

/// <summary>What became of a single sign-on: signed in, sent to the second step, locked out, or refused and why.</summary>
public sealed record ExternalSignInResult(ExternalSignInOutcome Outcome, SingleSignOnRefusal? Refusal = null, PortalUser? User = null);

public enum ExternalSignInOutcome
{
    SignedIn,
    RequiresTwoFactor,
    LockedOut,
    Refused,
}

/// <summary>
/// Maps the provider's answer (Identity's external cookie) to a portal user: the e-mail must be one the provider says
/// it verified, and belong to an existing, enabled user; the provider's account is then linked to that user on first
/// use and the user signed in through Identity's own sign-in manager, so the cookie, its claims, the security stamp, the
/// session's lifetime and the second factor are those of a password sign-in. Every refusal is audited with the address.
/// </summary>
public sealed class ExternalSignIn(SignInManager<PortalUser> signInManager, UserManager<PortalUser> users, SecurityEvents events)
{
    public const string EmailVerifiedClaim = "email_verified";

    private const string Detail = "single sign-on";

    public async Task<ExternalSignInResult> SignInAsync()
    {
        var info = await signInManager.GetExternalLoginInfoAsync();
        if (info is null)
        {
            return await RefuseAsync(Detail, SingleSignOnRefusal.Failed);
        }
        var email = info.Principal.FindFirstValue(ClaimTypes.Email) ?? info.Principal.FindFirstValue("email");
        var name = string.IsNullOrWhiteSpace(email) ? $"{info.LoginProvider}:{info.ProviderKey}" : email.Trim();
        if (string.IsNullOrWhiteSpace(email) || !IsVerified(info.Principal))
        {
            return await RefuseAsync(name, SingleSignOnRefusal.Unverified);
        }
        var user = await users.FindByEmailAsync(name);
        if (user is null)
        {
            return await RefuseAsync(name, SingleSignOnRefusal.Unknown);
        }
        if (!await signInManager.CanSignInAsync(user))
        {
            return await RefuseAsync(user.UserName ?? name, SingleSignOnRefusal.Disabled);
        }
        // One provider account per portal user and the other way round: an e-mail handed to someone else at the
        // provider does not open the portal account the previous holder linked.
        var linked = await users.FindByLoginAsync(info.LoginProvider, info.ProviderKey);
        if (linked is not null && linked.Id != user.Id)
        {
            return await RefuseAsync(user.UserName ?? name, SingleSignOnRefusal.Mismatch);
        }
        var detail = Detail;
        if (linked is null)
        {
            if ((await users.GetLoginsAsync(user)).Any(l => l.LoginProvider == info.LoginProvider))
            {
                return await RefuseAsync(user.UserName ?? name, SingleSignOnRefusal.Mismatch);
            }
            if (!(await users.AddLoginAsync(user, info)).Succeeded)
            {
                return await RefuseAsync(user.UserName ?? name, SingleSignOnRefusal.Failed);
            }
            detail = $"{Detail}, account linked";
        }
        // The portal's second factor is asked as after a password: whatever the provider checked is not known here.
        var result = await signInManager.ExternalLoginSignInAsync(info.LoginProvider, info.ProviderKey, isPersistent: false, bypassTwoFactor: false);
        var userName = user.UserName ?? name;
        if (result.Succeeded)
        {
            await events.RecordAsync(userName, UserActions.SignIn, detail);
            return new ExternalSignInResult(ExternalSignInOutcome.SignedIn, User: user);
        }
        if (result.RequiresTwoFactor)
        {
            return new ExternalSignInResult(ExternalSignInOutcome.RequiresTwoFactor, User: user);
        }
        if (result.IsLockedOut)
        {
            await events.RecordAsync(userName, UserActions.LockedOut, Detail);
            return new ExternalSignInResult(ExternalSignInOutcome.LockedOut, User: user);
        }
        return await RefuseAsync(userName, SingleSignOnRefusal.Disabled);
    }

    /// <summary>The provider vouches for the e-mail only with <c>email_verified</c> true (a JSON boolean, or the string some providers send).</summary>
    public static bool IsVerified(ClaimsPrincipal principal) =>
        bool.TryParse(principal.FindFirstValue(EmailVerifiedClaim), out var verified) && verified;

    private async Task<ExternalSignInResult> RefuseAsync(string name, SingleSignOnRefusal refusal)
    {
        await events.RecordAsync(name, UserActions.SignInFailed, $"{Detail}: {refusal}");
        await signInManager.Context.SignOutAsync(IdentityConstants.ExternalScheme);
        return new ExternalSignInResult(ExternalSignInOutcome.Refused, refusal);
    }
}
