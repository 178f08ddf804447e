using Portal.Domain.Access;

namespace Portal.Services.Demo;

/// <summary>The demo logins of the specification (development only), one per role.</summary>
public static class DemoAccounts
{
    public const string Password = "Portal-Demo-2026!";
    public const string National = "national@portal.demo";
    public const string DirectorBpl = "director.bpl@portal.demo";
    public const string DirectorNc = "director.nc@portal.demo";
    public const string Hr = "hr@portal.demo";
    public const string AdvisorBpl = "advisor.bpl@portal.demo";

    /// <summary>The national account's authenticator key (base32, 30-second steps, 6 digits), published in the README.</summary>
    public const string NationalAuthenticatorKey = "PORTALDEMONATIONALADMIN234567ABC";

    public sealed record Account(string Email, PortalRole Role, string DisplayName, string? RegionCode);

    public static IReadOnlyList<Account> All { get; } =
    [
        new(National, PortalRole.NationalAdmin, "Hélène Marchal", null),
        new(DirectorBpl, PortalRole.RegionalDirector, "Yann Le Bras", "BPL"),
        new(DirectorNc, PortalRole.RegionalDirector, "Claire Lemonnier", "NC"),
        new(Hr, PortalRole.HR, "Sophie Carré", null),
        new(AdvisorBpl, PortalRole.Advisor, "", "BPL"),
    ];
}
