using Portal.Components.Tests.Users;
using Portal.Web.Components.Layout;

namespace Portal.Components.Tests.Layout;

public class NavMenuTests : PortalComponentTest
{
    // The specification's navigation, written out here so that a change to the access rules that breaks it fails.
    public static readonly TheoryData<Persona, string[]> Expected = new()
    {
        { Persona.NationalAdmin, ["Dashboard", "Rollout", "Advisors", "Skills", "Training", "Coverage", "Subcontracting", "Assignments", "Audit", "Administration"] },
        { Persona.RegionalDirector, ["Dashboard", "Rollout", "Advisors", "Skills", "Training", "Coverage", "Subcontracting", "Assignments", "Audit"] },
        { Persona.HR, ["Dashboard", "Rollout", "Advisors", "Skills", "Training"] },
        { Persona.Advisor, ["Dashboard", "Rollout", "Me"] },
        { Persona.NoPortalRole, [] },
        { Persona.Anonymous, [] },
    };

    [Theory]
    [MemberData(nameof(Expected))]
    public void Navigation_lists_exactly_the_areas_of_the_user_in_order(Persona persona, string[] areas)
    {
        User.As(persona);

        var menu = Render<NavMenu>();

        Assert.Equal(areas, NavLinks.Of(menu).Select(l => l.Area));
    }
}
