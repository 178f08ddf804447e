namespace Portal.Domain.Access;

public enum PortalRole
{
    NationalAdmin = 0,
    RegionalDirector = 1,
    HR = 2,
    Advisor = 3,
}

/// <summary>
/// Who is asking: a signed-in user's role, the region a director is bound to, the advisor record an
/// advisor account is linked to. Every service takes one and asks <see cref="AccessRules"/> before anything else.
/// </summary>
public sealed record Actor(string UserName, PortalRole Role, int? RegionId = null, int? AdvisorId = null)
{
    /// <summary>The administration tool acts with national rights under its own name.</summary>
    public static Actor System { get; } = new("system", PortalRole.NationalAdmin);
}
