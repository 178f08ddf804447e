using System.Security.Claims;
using Bunit.TestDoubles;
using Portal.Services.Access;

namespace Portal.Components.Tests.Users;

public static class SignIn
{
    public const string DirectorRegionId = "2";
    public const string AdvisorId = "42";

    public static void As(this BunitAuthorizationContext user, Persona persona, string displayName = "Camille Martin")
    {
        if (persona == Persona.Anonymous)
        {
            user.SetNotAuthorized();
            return;
        }
        user.SetAuthorized("camille.martin@example.fr");
        var claims = new List<Claim> { new(PortalClaims.DisplayName, displayName) };
        switch (persona)
        {
            case Persona.RegionalDirector:
                claims.Add(new Claim(PortalClaims.Region, DirectorRegionId));
                break;
            case Persona.Advisor:
                claims.Add(new Claim(PortalClaims.Advisor, AdvisorId));
                break;
        }
        // bunit's SetRoles forgets the claims set before it, so roles go first.
        if (persona != Persona.NoPortalRole)
        {
            user.SetRoles(persona.ToString());
        }
        user.SetClaims([.. claims]);
    }
}
