using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Access;
using Portal.Domain.Skills;
using Portal.Services.Advisors;

namespace Portal.Integration.Tests.Advisors;

[Collection(PortalCollection.Name)]
public class AdvisorDirectoryTests(PortalFixture fixture)
{
    private const int Nc = 1;
    private const int Bpl = 2;
    private static readonly Actor National = new("n", PortalRole.NationalAdmin);
    private static readonly Actor DirectorBpl = new("d", PortalRole.RegionalDirector, Bpl);

    private AdvisorDirectory Directory => fixture.App.Services.CreateScope().ServiceProvider.GetRequiredService<AdvisorDirectory>();

    private Task<AdvisorPage> SearchAsync(Actor actor, AdvisorQuery query) => Directory.SearchAsync(actor, query, TestContext.Current.CancellationToken);

    public static TheoryData<PortalRole, int?, int> Totals => new()
    {
        { PortalRole.NationalAdmin, null, 15_550 },
        { PortalRole.HR, null, 15_550 },
        { PortalRole.RegionalDirector, Bpl, 1_600 },
        { PortalRole.RegionalDirector, Nc, 1_250 },
        { PortalRole.Advisor, null, 0 },
    };

    [Theory]
    [MemberData(nameof(Totals))]
    public async Task Each_role_finds_only_the_advisors_of_the_regions_it_may_read(PortalRole role, int? region, int total)
    {
        var page = await SearchAsync(new Actor("x", role, region, role == PortalRole.Advisor ? 1 : null), new AdvisorQuery(PageSize: 200));

        Assert.Equal(total, page.Total);
        if (region == Bpl)
        {
            Assert.All(page.Rows, r => Assert.Equal("BPL", r.Region));
        }
    }

    [Fact]
    public async Task A_director_filtering_on_another_region_by_hand_finds_no_one()
    {
        var page = await SearchAsync(DirectorBpl, new AdvisorQuery(Region: "NC"));

        Assert.Equal(0, page.Total);
        Assert.Empty(page.Rows);
    }

    [Fact]
    public async Task A_director_filtering_on_another_region_site_finds_no_one()
    {
        await using var db = fixture.App.CreateDbContext();
        var ncSite = await db.Sites.Where(s => s.RegionId == Nc).Select(s => s.Id).FirstAsync(TestContext.Current.CancellationToken);

        var page = await SearchAsync(DirectorBpl, new AdvisorQuery(SiteId: ncSite));

        Assert.Equal(0, page.Total);
    }

    [Fact]
    public async Task The_employee_number_finds_exactly_one_advisor()
    {
        await using var db = fixture.App.CreateDbContext();
        var advisor = await db.Advisors.Where(a => a.Site!.RegionId == Bpl).OrderBy(a => a.Id).Skip(10).FirstAsync(TestContext.Current.CancellationToken);

        var page = await SearchAsync(DirectorBpl, new AdvisorQuery(Search: advisor.EmployeeNumber.ToLowerInvariant()));

        var row = Assert.Single(page.Rows);
        Assert.Equal(advisor.EmployeeNumber, row.EmployeeNumber);
    }

    [Fact]
    public async Task A_name_search_matches_first_and_last_names_and_escapes_wildcards()
    {
        var byName = await SearchAsync(National, new AdvisorQuery(Search: "Le Goff", PageSize: 200));
        var wildcard = await SearchAsync(National, new AdvisorQuery(Search: "%"));

        Assert.NotEmpty(byName.Rows);
        Assert.All(byName.Rows, r => Assert.Contains("Le Goff", $"{r.FirstName} {r.LastName}", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(0, wildcard.Total);
    }

    [Fact]
    public async Task Skill_and_minimum_level_filter_on_the_held_level()
    {
        await using var db = fixture.App.CreateDbContext();
        var ct = TestContext.Current.CancellationToken;
        var skill = await db.Skills.SingleAsync(s => s.Code == "BOX-TECH", ct);
        var expected = await db.Advisors.CountAsync(a => a.Site!.RegionId == Bpl && a.Skills.Any(s => s.SkillId == skill.Id && s.Level >= ProficiencyLevel.Confirmed), ct);

        var page = await SearchAsync(DirectorBpl, new AdvisorQuery(SkillId: skill.Id, MinimumLevel: ProficiencyLevel.Confirmed));

        Assert.Equal(expected, page.Total);
        Assert.InRange(page.Total, 1, 1_599);
    }

    [Fact]
    public async Task Active_filter_keeps_only_the_inactive_when_asked()
    {
        var inactive = await SearchAsync(DirectorBpl, new AdvisorQuery(Active: false, PageSize: 200));
        var active = await SearchAsync(DirectorBpl, new AdvisorQuery(Active: true));

        Assert.All(inactive.Rows, r => Assert.False(r.Active));
        Assert.Equal(1_600, inactive.Total + active.Total);
        Assert.InRange(inactive.Total, 1, 200);
    }

    [Theory]
    [InlineData(AdvisorSort.Name, false)]
    [InlineData(AdvisorSort.Name, true)]
    [InlineData(AdvisorSort.EmployeeNumber, false)]
    [InlineData(AdvisorSort.EmployeeNumber, true)]
    [InlineData(AdvisorSort.Site, false)]
    public async Task Pages_follow_the_chosen_sort_without_gaps_or_repeats(AdvisorSort sort, bool descending)
    {
        var first = await SearchAsync(DirectorBpl, new AdvisorQuery(Sort: sort, Descending: descending, Page: 0, PageSize: 50));
        var second = await SearchAsync(DirectorBpl, new AdvisorQuery(Sort: sort, Descending: descending, Page: 1, PageSize: 50));
        var both = first.Rows.Concat(second.Rows).ToList();
        string Key(AdvisorRow r) => sort switch
        {
            AdvisorSort.EmployeeNumber => r.EmployeeNumber,
            AdvisorSort.Site => r.Site,
            _ => r.LastName,
        };

        Assert.Equal(100, both.Select(r => r.EmployeeNumber).Distinct().Count());
        var keys = both.Select(Key).ToList();
        var ordered = descending ? keys.OrderDescending(StringComparer.Ordinal) : keys.Order(StringComparer.Ordinal);
        Assert.Equal(ordered, keys);
    }

    [Fact]
    public async Task A_page_size_beyond_the_limit_is_capped()
    {
        var page = await SearchAsync(National, new AdvisorQuery(PageSize: 100_000));

        Assert.Equal(AdvisorQuery.MaxPageSize, page.Rows.Count);
    }

    [Fact]
    public async Task A_director_chooses_among_the_own_region_and_its_sites_only()
    {
        var filters = await Directory.FiltersAsync(DirectorBpl, TestContext.Current.CancellationToken);

        Assert.Equal(["BPL"], filters.Regions.Select(r => r.Code));
        Assert.Equal(10, filters.Sites.Count);
        Assert.All(filters.Sites, s => Assert.Equal("BPL", s.Code));
        Assert.Equal(7, filters.Skills.Count);
    }
}
