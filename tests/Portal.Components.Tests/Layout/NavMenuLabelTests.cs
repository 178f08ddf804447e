using Portal.Components.Tests.Users;
using Portal.Web.Components.Layout;

namespace Portal.Components.Tests.Layout;

public class NavMenuLabelTests : PortalComponentTest
{
    public NavMenuLabelTests() => User.As(Persona.NationalAdmin);

    [Fact]
    public void Labels_are_French_by_default()
    {
        var links = NavLinks.Of(Render<NavMenu>());

        Assert.Equal("Tableau de bord", links.Single(l => l.Area == "Dashboard").Label);
        Assert.Equal("Couverture", links.Single(l => l.Area == "Coverage").Label);
    }

    [Fact]
    public void Labels_are_English_when_the_culture_is_British()
    {
        UseCulture("en-GB");

        var links = NavLinks.Of(Render<NavMenu>());

        Assert.Equal("Dashboard", links.Single(l => l.Area == "Dashboard").Label);
        Assert.Equal("Coverage", links.Single(l => l.Area == "Coverage").Label);
    }

    [Fact]
    public void Only_the_built_capabilities_are_shown_without_the_coming_soon_chip()
    {
        var links = NavLinks.Of(Render<NavMenu>());
        string[] built = ["Dashboard", "Rollout", "Advisors", "Skills", "Training", "Coverage", "Subcontracting", "Assignments", "Audit", "Administration"];

        Assert.Equal(built.Order(), links.Select(l => l.Area).Order());
        Assert.All(links, l => Assert.Null(l.Chip));
    }
}
