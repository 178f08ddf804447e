namespace Portal.Components.Tests.Users;

/// <summary>The kinds of user the portal knows, plus the two that must see nothing.</summary>
public enum Persona
{
    NationalAdmin,
    RegionalDirector,
    HR,
    Advisor,
    NoPortalRole,
    Anonymous,
}
