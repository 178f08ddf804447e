using Bunit;
using Portal.Web.Components.Shared;

namespace Portal.Components.Tests.Shared;

public class ComingSoonTests : PortalComponentTest
{
    [Fact]
    public void Names_the_feature_that_is_coming()
    {
        var notice = Render<ComingSoon>(p => p.Add(x => x.Feature, "Critères de bascule"));

        Assert.Equal(
            "Critères de bascule\u00a0: cette fonction arrive dans une prochaine version du portail.",
            notice.Find("[data-testid=coming-soon] .mud-alert-message").TextContent.Trim());
    }
}
