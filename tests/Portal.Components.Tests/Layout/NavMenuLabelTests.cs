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
    public void Only_the_dashboard_and_the_rollout_are_built_the_rest_say_coming_soon()
    {
        var links = NavLinks.Of(Render<NavMenu>());

        Assert.All(links.Where(l => l.Area is "Dashboard" or "Rollout"), l => Assert.Null(l.Chip));
        var coming = links.Where(l => l.Area is not ("Dashboard" or "Rollout")).ToList();
        Assert.Equal(8, coming.Count);
        Assert.All(coming, l => Assert.Equal("bientôt", l.Chip));
    }
}
