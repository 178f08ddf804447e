using Microsoft.AspNetCore.Identity;
using Portal.Services.Data;

namespace Portal.Services.Access;

/// <summary>Passwords of 12 to 128 characters, no composition rules (length is what resists guessing).</summary>
public sealed class PasswordLengthValidator : IPasswordValidator<PortalUser>
{
    public const int MinLength = 12;
    public const int MaxLength = 128;

    public Task<IdentityResult> ValidateAsync(UserManager<PortalUser> manager, PortalUser user, string? password) =>
        Task.FromResult(password is { Length: > MaxLength }
            ? IdentityResult.Failed(new IdentityError { Code = "PasswordTooLong", Description = $"Passwords have at most {MaxLength} characters." })
            : IdentityResult.Success);
}
