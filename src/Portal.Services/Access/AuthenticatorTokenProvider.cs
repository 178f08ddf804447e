using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Portal.Services.Data;

namespace Portal.Services.Access;

/// <summary>
/// Identity's authenticator check, with two things it lacks: a code is accepted once only (a code seen over a
/// shoulder, or replayed from a captured request, is refused, as is any earlier step), and the clock is the portal's.
/// One step of drift either way is tolerated, as authenticator apps expect.
/// </summary>
public sealed class PortalAuthenticatorTokenProvider(TimeProvider clock) : IUserTwoFactorTokenProvider<PortalUser>
{
    public const string LoginProvider = "Portal";
    public const string LastStepName = "AuthenticatorLastStep";

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<PortalUser> manager, PortalUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    // Codes come from the user's app, never from the portal.
    public Task<string> GenerateAsync(string purpose, UserManager<PortalUser> manager, PortalUser user) => Task.FromResult(string.Empty);

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<PortalUser> manager, PortalUser user)
    {
        var code = token.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (code.Length != 6 || !code.All(char.IsAsciiDigit) || await manager.GetAuthenticatorKeyAsync(user) is not { Length: > 0 } key)
        {
            return false;
        }
        var secret = Base32.Decode(key);
        var now = Totp.StepAt(clock.GetUtcNow());
        var last = long.TryParse(await manager.GetAuthenticationTokenAsync(user, LoginProvider, LastStepName), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seen)
            ? seen
            : long.MinValue;
        for (var step = now - 1; step <= now + 1; step++)
        {
            if (step > last && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
                    System.Text.Encoding.ASCII.GetBytes(Totp.Code(secret, step)), System.Text.Encoding.ASCII.GetBytes(code)))
            {
                await manager.SetAuthenticationTokenAsync(user, LoginProvider, LastStepName, step.ToString(CultureInfo.InvariantCulture));
                return true;
            }
        }
        return false;
    }
}
