namespace Portal.Services.Users;

/// <summary>The audit actions of user administration and of security events, so writing and filtering use one word.</summary>
public static class UserActions
{
    public const string Create = "Create";
    public const string Disable = "Disable";
    public const string Enable = "Enable";
    public const string Unlock = "Unlock";
    public const string ResetPassword = "ResetPassword";
    public const string SetPassword = "SetPassword";
    public const string ChangeRole = "ChangeRole";
    public const string SignOutEverywhere = "SignOutEverywhere";

    public const string SignIn = "SignIn";
    public const string SignInFailed = "SignInFailed";
    public const string LockedOut = "LockedOut";
    public const string SignOut = "SignOut";
    public const string TwoFactorEnabled = "TwoFactorEnabled";
    public const string TwoFactorReset = "TwoFactorReset";
    public const string TwoFactorFailed = "TwoFactorFailed";
    public const string TwoFactorRecoveryCodes = "TwoFactorRecoveryCodes";
    public const string PasswordChanged = "PasswordChanged";
    public const string PasswordChangeFailed = "PasswordChangeFailed";
}
