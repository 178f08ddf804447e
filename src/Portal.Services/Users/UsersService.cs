using System.Text;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Domain.Access;
using Portal.Services.Audit;
using Portal.Services.Data;

namespace Portal.Services.Users;

public sealed record UserQuery(string? Search = null, int Page = 0, int PageSize = 25)
{
    public const int MaxPageSize = 100;
}

public sealed record UserRow(string Email, string DisplayName, PortalRole? Role, string? Region, string? Advisor, bool Disabled, bool LockedOut, bool TwoFactor);

public sealed record UserPage(IReadOnlyList<UserRow> Rows, int Total);

/// <summary>
/// A one-time set-password address, relative to the portal's root. It is shown once to the administrator (the portal
/// sends no e-mail), expires after <see cref="UsersService.LinkLifetime"/>, and stops working once used, because
/// setting the password renews the login's security stamp that the link's token carries.
/// </summary>
public sealed record PasswordLink(string Email, string Path, DateTime ExpiresUtc);

/// <summary>The result of a change, with the one-time link when the change issued one.</summary>
public sealed record UserChangeResult(SaveResult Result, PasswordLink? Link = null)
{
    public SaveOutcome Outcome => Result.Outcome;
}

/// <summary>
/// Logins and their roles, for national administrators only (checked here, whoever calls: the users page or the
/// command line). Every change is audited with the address it came from; every change that narrows a login's access
/// renews its security stamp, so its open sessions end at their next check (within a minute).
/// </summary>
public sealed class UsersService(IServiceScopeFactory scopes, IValidator<UserForm> validator, TimeProvider clock, IClientAddress client)
{
    /// <summary>How long a set-password link stays valid.</summary>
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromHours(24);

    public const string SetPasswordPage = "Account/SetPassword";

    // Where Identity's user store keeps the authenticator key and the recovery codes (its own names, not public constants).
    private const string IdentityStore = "[AspNetUserStore]";
    private const string AuthenticatorKeyToken = "AuthenticatorKey";
    private const string RecoveryCodesToken = "RecoveryCodes";

    private static bool MayAdminister(Actor actor) => AccessRules.CanChangeSome(actor, Area.Administration);

    public async Task<UserPage> SearchAsync(Actor actor, UserQuery query, CancellationToken cancellationToken = default)
    {
        if (!MayAdminister(actor))
        {
            return new UserPage([], 0);
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var users = db.Users.AsNoTracking();
        if (query.Search is { Length: > 0 } search)
        {
            var pattern = $"%{search.Trim()}%";
            users = users.Where(u => EF.Functions.Like(u.Email!, pattern) || EF.Functions.Like(u.DisplayName, pattern));
        }
        var total = await users.CountAsync(cancellationToken);
        var size = Math.Clamp(query.PageSize, 1, UserQuery.MaxPageSize);
        var rows = await users.OrderBy(u => u.Email).Skip(Math.Max(0, query.Page) * size).Take(size)
            .Select(u => new
            {
                u.Email, u.DisplayName, u.Disabled, u.LockoutEnd, u.TwoFactorEnabled,
                Region = u.Region!.Code,
                Advisor = u.Advisor!.EmployeeNumber,
                Role = db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return new UserPage(rows.Select(u => new UserRow(u.Email ?? "", u.DisplayName, Enum.TryParse<PortalRole>(u.Role, out var role) ? role : null,
            u.Region, u.Advisor, u.Disabled, u.LockoutEnd > now, u.TwoFactorEnabled)).ToList(), total);
    }

    public async Task<UserChangeResult> CreateAsync(Actor actor, UserForm form, CancellationToken cancellationToken = default)
    {
        if (!MayAdminister(actor))
        {
            return new UserChangeResult(SaveResult.NotFound);
        }
        var validation = await validator.ValidateAsync(form, cancellationToken);
        if (!validation.IsValid)
        {
            return new UserChangeResult(Invalid(validation));
        }
        await using var scope = scopes.CreateAsyncScope();
        var (db, users) = Store(scope);
        if (await users.FindByEmailAsync(form.Email.Trim()) is not null)
        {
            return new UserChangeResult(SaveResult.Invalid(nameof(UserForm.Email), "Users_EmailTaken"));
        }
        var email = form.Email.Trim();
        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = form.DisplayName.Trim() };
        var binding = await BindAsync(db, user, form, cancellationToken);
        if (binding is not null)
        {
            return new UserChangeResult(binding);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var created = await users.CreateAsync(user);
        if (created.Succeeded)
        {
            created = await users.AddToRoleAsync(user, form.Role.ToString());
        }
        if (!created.Succeeded)
        {
            return new UserChangeResult(SaveResult.Invalid(nameof(UserForm.Email), "Users_EmailInvalid"));
        }
        var link = await LinkAsync(users, user);
        Record(db, actor, user, UserActions.Create, null, Snapshot(user, form.Role));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new UserChangeResult(SaveResult.Saved, link);
    }

    /// <summary>Disables (a leaver) or enables a login. A disabled login cannot sign in and its sessions end.</summary>
    public Task<SaveResult> SetDisabledAsync(Actor actor, string email, bool disabled, CancellationToken cancellationToken = default) =>
        ChangeAsync(actor, email, disabled ? UserActions.Disable : UserActions.Enable, async (_, users, user) =>
        {
            if (disabled && IsSelf(actor, user))
            {
                return SaveResult.Invalid(nameof(UserForm.Email), "Users_NotYourself");
            }
            user.Disabled = disabled;
            await users.UpdateSecurityStampAsync(user);
            return SaveResult.Saved;
        }, cancellationToken);

    /// <summary>Lifts a lockout after failed sign-ins, and forgets the failures counted so far.</summary>
    public Task<SaveResult> UnlockAsync(Actor actor, string email, CancellationToken cancellationToken = default) =>
        ChangeAsync(actor, email, UserActions.Unlock, async (_, users, user) =>
        {
            user.LockoutEnd = null;
            user.AccessFailedCount = 0;
            await users.UpdateAsync(user);
            return SaveResult.Saved;
        }, cancellationToken);

    /// <summary>Ends every open session of the login within a minute, on every device.</summary>
    public Task<SaveResult> SignOutEverywhereAsync(Actor actor, string email, CancellationToken cancellationToken = default) =>
        ChangeAsync(actor, email, UserActions.SignOutEverywhere, async (_, users, user) =>
        {
            await users.UpdateSecurityStampAsync(user);
            return SaveResult.Saved;
        }, cancellationToken);

    /// <summary>
    /// Resets a login's second factor (a lost phone): the authenticator key and the recovery codes are removed and
    /// two-factor is off. Open sessions and remembered devices end (the security stamp is renewed); a national
    /// administrator so reset reaches nothing but the enrolment page until enrolled again.
    /// </summary>
    public Task<SaveResult> ResetTwoFactorAsync(Actor actor, string email, CancellationToken cancellationToken = default) =>
        ChangeAsync(actor, email, UserActions.TwoFactorReset, async (_, users, user) =>
        {
            await users.SetTwoFactorEnabledAsync(user, false);
            await users.RemoveAuthenticationTokenAsync(user, IdentityStore, AuthenticatorKeyToken);
            await users.RemoveAuthenticationTokenAsync(user, IdentityStore, RecoveryCodesToken);
            await users.UpdateSecurityStampAsync(user);
            return SaveResult.Saved;
        }, cancellationToken);

    /// <summary>
    /// Issues a new one-time set-password link. The current password keeps working until the link is used; links issued
    /// before stop working, and so do open sessions (the security stamp is renewed).
    /// </summary>
    public async Task<UserChangeResult> ResetPasswordAsync(Actor actor, string email, CancellationToken cancellationToken = default)
    {
        PasswordLink? link = null;
        var result = await ChangeAsync(actor, email, UserActions.ResetPassword, async (_, users, user) =>
        {
            await users.UpdateSecurityStampAsync(user);
            link = await LinkAsync(users, user);
            return SaveResult.Saved;
        }, cancellationToken);
        return new UserChangeResult(result, result.Outcome == SaveOutcome.Saved ? link : null);
    }

    /// <summary>Changes a login's role and its region or advisor binding (the form's e-mail names the login).</summary>
    public async Task<SaveResult> ChangeRoleAsync(Actor actor, UserForm form, CancellationToken cancellationToken = default)
    {
        if (!MayAdminister(actor))
        {
            return SaveResult.NotFound;
        }
        var validation = await validator.ValidateAsync(form, cancellationToken);
        if (!validation.IsValid)
        {
            return Invalid(validation);
        }
        return await ChangeAsync(actor, form.Email, UserActions.ChangeRole, async (db, users, user) =>
        {
            if (IsSelf(actor, user) && form.Role != PortalRole.NationalAdmin)
            {
                return SaveResult.Invalid(nameof(UserForm.Role), "Users_NotYourself");
            }
            var binding = await BindAsync(db, user, form, cancellationToken);
            if (binding is not null)
            {
                return binding;
            }
            if (form.DisplayName is { Length: > 0 } name)
            {
                user.DisplayName = name.Trim();
            }
            var current = await users.GetRolesAsync(user);
            await users.RemoveFromRolesAsync(user, current);
            await users.AddToRoleAsync(user, form.Role.ToString());
            await users.UpdateSecurityStampAsync(user);
            return SaveResult.Saved;
        }, cancellationToken);
    }

    /// <summary>
    /// Sets the password through a one-time link (no signed-in actor: the link is the proof). Refused for a disabled
    /// login and for a link that was used, replaced or has expired; the messages are resource keys.
    /// </summary>
    public async Task<IReadOnlyList<string>> SetPasswordAsync(string email, string code, string password, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var (db, users) = Store(scope);
        var user = await users.FindByEmailAsync(email);
        string token;
        try
        {
            token = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return ["SetPassword_LinkInvalid"];
        }
        if (user is null || user.Disabled)
        {
            return ["SetPassword_LinkInvalid"];
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await users.ResetPasswordAsync(user, token, password);
        if (!result.Succeeded)
        {
            return result.Errors.Select(e => e.Code switch
            {
                "InvalidToken" => "SetPassword_LinkInvalid",
                "PasswordTooShort" => "Users_PasswordTooShort",
                "PasswordTooLong" => "Users_PasswordTooLong",
                _ => "SetPassword_Failed",
            }).Distinct().ToList();
        }
        // A lockout from the time before the new password is not the new password's.
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        // The login itself acts, through its link; the audit reads only the actor's name.
        Record(db, new Actor(user.UserName ?? email, PortalRole.Advisor), user, UserActions.SetPassword, null, null);
        await users.UpdateAsync(user);
        await transaction.CommitAsync(cancellationToken);
        return [];
    }

    private async Task<SaveResult> ChangeAsync(Actor actor, string email, string action, Func<PortalDbContext, UserManager<PortalUser>, PortalUser, Task<SaveResult>> change,
        CancellationToken cancellationToken)
    {
        if (!MayAdminister(actor))
        {
            return SaveResult.NotFound;
        }
        await using var scope = scopes.CreateAsyncScope();
        var (db, users) = Store(scope);
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null)
        {
            return SaveResult.NotFound;
        }
        var before = Snapshot(user, await RoleAsync(users, user));
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The audit entry is tracked before the change: the store's own save writes both.
        var entry = Record(db, actor, user, action, before, null);
        var result = await change(db, users, user);
        if (result.Outcome != SaveOutcome.Saved)
        {
            return result;
        }
        entry.After = System.Text.Json.JsonSerializer.Serialize(Snapshot(user, await RoleAsync(users, user)));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    private static (PortalDbContext Db, UserManager<PortalUser> Users) Store(AsyncServiceScope scope) =>
        (scope.ServiceProvider.GetRequiredService<PortalDbContext>(), scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>());

    private static bool IsSelf(Actor actor, PortalUser user) =>
        string.Equals(actor.UserName, user.UserName, StringComparison.OrdinalIgnoreCase);

    private static async Task<PortalRole?> RoleAsync(UserManager<PortalUser> users, PortalUser user) =>
        (await users.GetRolesAsync(user)).Select(r => Enum.TryParse<PortalRole>(r, out var role) ? role : (PortalRole?)null).FirstOrDefault(r => r is not null);

    /// <summary>Sets the region or advisor binding the form names; null when done, the refusal otherwise.</summary>
    private static async Task<SaveResult?> BindAsync(PortalDbContext db, PortalUser user, UserForm form, CancellationToken cancellationToken)
    {
        user.RegionId = null;
        user.AdvisorId = null;
        if (form.Region is { Length: > 0 } region)
        {
            var code = region.Trim().ToUpperInvariant();
            var regionId = await db.Regions.Where(r => r.Code == code).Select(r => (int?)r.Id).SingleOrDefaultAsync(cancellationToken);
            if (regionId is null)
            {
                return SaveResult.Invalid(nameof(UserForm.Region), "Users_RegionUnknown");
            }
            user.RegionId = regionId;
        }
        if (form.Advisor is { Length: > 0 } advisor)
        {
            var number = advisor.Trim().ToUpperInvariant();
            var linked = await db.Advisors.Where(a => a.EmployeeNumber == number).Select(a => new { a.Id, a.FirstName, a.LastName }).SingleOrDefaultAsync(cancellationToken);
            if (linked is null)
            {
                return SaveResult.Invalid(nameof(UserForm.Advisor), "Users_AdvisorUnknown");
            }
            if (await db.Users.AnyAsync(u => u.AdvisorId == linked.Id && u.Id != user.Id, cancellationToken))
            {
                return SaveResult.Invalid(nameof(UserForm.Advisor), "Users_AdvisorTaken");
            }
            user.AdvisorId = linked.Id;
            if (string.IsNullOrWhiteSpace(user.DisplayName))
            {
                user.DisplayName = $"{linked.FirstName} {linked.LastName}";
            }
        }
        if (string.IsNullOrWhiteSpace(user.DisplayName))
        {
            user.DisplayName = user.Email ?? "";
        }
        return null;
    }

    private async Task<PasswordLink> LinkAsync(UserManager<PortalUser> users, PortalUser user)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
        var email = user.Email ?? "";
        return new PasswordLink(email, $"{SetPasswordPage}?email={Uri.EscapeDataString(email)}&code={code}", clock.GetUtcNow().UtcDateTime + LinkLifetime);
    }

    private Domain.Audit.AuditEntry Record(PortalDbContext db, Actor actor, PortalUser user, string action, object? before, object? after) =>
        AuditLog.Record(db, actor, clock, AuditEntities.User, user.Id, null, action, before, after, ipAddress: client.Current);

    // Never a password, a hash or a token: who the login is and what it may reach.
    private static object Snapshot(PortalUser user, PortalRole? role) =>
        new { user.Email, user.DisplayName, Role = role?.ToString(), user.RegionId, user.AdvisorId, user.Disabled, TwoFactor = user.TwoFactorEnabled };

    private static SaveResult Invalid(FluentValidation.Results.ValidationResult validation) =>
        new(SaveOutcome.Invalid, validation.Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.First().ErrorMessage));
}
