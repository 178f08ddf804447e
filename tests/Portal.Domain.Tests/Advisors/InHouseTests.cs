using Portal.Domain.Advisors;
using Portal.Domain.Sites;

namespace Portal.Domain.Tests.Advisors;

public class InHouseTests
{
    [Theory]
    [InlineData(SiteKind.InHouse, true)]
    [InlineData(SiteKind.Subcontracted, false)]
    [InlineData(SiteKind.Offshore, false)]
    public void Only_an_advisor_of_an_in_house_site_is_in_house(SiteKind kind, bool inHouse)
    {
        var advisor = new AdvisorBuilder().At(kind).Build();

        Assert.Equal(inHouse, advisor.IsInHouse);
        Assert.Equal(inHouse, advisor.Site!.IsInHouse);
    }

    [Fact]
    public void The_query_form_of_in_house_picks_the_same_advisors_as_the_rule()
    {
        var advisors = new[] { SiteKind.InHouse, SiteKind.Subcontracted, SiteKind.Offshore }
            .Select((k, i) => new AdvisorBuilder().WithId(i + 1).At(k).Build()).ToList();

        var picked = advisors.AsQueryable().Where(Advisor.InHouse).Select(a => a.Id);

        Assert.Equal([1], picked);
    }

    [Fact]
    public void An_inactive_in_house_advisor_is_not_part_of_the_region_staff()
    {
        var advisors = new[]
        {
            new AdvisorBuilder().WithId(1).Build(),
            new AdvisorBuilder().WithId(2).Inactive().Build(),
            new AdvisorBuilder().WithId(3).At(SiteKind.Subcontracted).Build(),
        };

        var staff = advisors.AsQueryable().Where(Advisor.ActiveInHouse).Select(a => a.Id);

        Assert.Equal([1], staff);
    }
}
