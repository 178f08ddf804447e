using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Access;
using Portal.Domain.Sites;
using Portal.Services.Skills;

namespace Portal.Integration.Tests.Skills;

[Collection(PortalCollection.Name)]
public class SkillsMatrixServiceTests(PortalFixture fixture)
{
    private const int Nc = 1;
    private const int Bpl = 2;
    private static readonly Actor National = new("n", PortalRole.NationalAdmin);
    private static readonly Actor Hr = new("h", PortalRole.HR);
    private static readonly Actor DirectorBpl = new("d", PortalRole.RegionalDirector, Bpl);
    private static readonly Actor AdvisorBpl = new("a", PortalRole.Advisor, null, 1);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<SkillsMatrix?> GetAsync(Actor actor, string? region, int? site = null) =>
        fixture.App.Services.CreateScope().ServiceProvider.GetRequiredService<SkillsMatrixService>().GetAsync(actor, region, site, Ct);

    [Fact]
    public async Task The_rows_are_the_active_in_house_advisors_of_the_region_by_last_name()
    {
        await using var db = fixture.App.CreateDbContext();
        var expected = await db.Advisors.CountAsync(a => a.Active && a.Site!.Kind == SiteKind.InHouse && a.Site.RegionId == Bpl, Ct);

        var matrix = await GetAsync(DirectorBpl, "BPL");

        Assert.NotNull(matrix);
        Assert.Equal(expected, matrix.Rows.Count);
        Assert.InRange(matrix.Rows.Count, 1_000, 1_599);
        Assert.Equal(matrix.Rows.Select(r => r.LastName).Order(StringComparer.Ordinal), matrix.Rows.Select(r => r.LastName));
        Assert.Equal(await db.Skills.CountAsync(Ct), matrix.Skills.Count);
        Assert.All(matrix.Rows, r => Assert.Equal(matrix.Skills.Count, r.Levels.Count));
    }

    [Fact]
    public async Task The_certified_totals_count_the_advisors_holding_level_two_or_more()
    {
        await using var db = fixture.App.CreateDbContext();
        var expected = await db.AdvisorSkills
            .Where(s => s.Level >= Domain.Skills.ProficiencyLevel.Certified)
            .Where(s => db.Advisors.Any(a => a.Id == s.AdvisorId && a.Active && a.Site!.Kind == SiteKind.InHouse && a.Site.RegionId == Bpl))
            .GroupBy(s => s.SkillId)
            .Select(g => new { SkillId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.SkillId, g => g.Count, Ct);

        var matrix = await GetAsync(National, "BPL");

        Assert.NotNull(matrix);
        Assert.All(matrix.Skills, s => Assert.Equal(expected.GetValueOrDefault(s.Id), s.Certified));
        Assert.Contains(matrix.Skills, s => s.Certified > 0);
    }

    [Fact]
    public async Task Levels_of_an_advisor_match_the_database_with_zero_for_a_skill_not_held()
    {
        await using var db = fixture.App.CreateDbContext();
        var advisor = await db.Advisors.Include(a => a.Skills)
            .Where(a => a.Active && a.Site!.RegionId == Bpl && a.Site.Kind == SiteKind.InHouse && a.Skills.Count >= 2)
            .OrderBy(a => a.Id).Skip(25).FirstAsync(Ct);

        var matrix = await GetAsync(DirectorBpl, null);

        Assert.NotNull(matrix);
        var row = matrix.Rows.Single(r => r.EmployeeNumber == advisor.EmployeeNumber);
        var expected = matrix.Skills.Select(s => advisor.Skills.SingleOrDefault(h => h.SkillId == s.Id) is { } held ? (int)held.Level : 0);
        Assert.Equal(expected, row.Levels);
    }

    [Fact]
    public async Task Each_skill_names_the_channels_that_require_it()
    {
        await using var db = fixture.App.CreateDbContext();
        var needs = await db.ChannelSkills.Select(c => new { c.SkillId, Channel = db.Channels.Single(ch => ch.Id == c.ChannelId).Code }).ToListAsync(Ct);

        var matrix = await GetAsync(National, "NC");

        Assert.NotNull(matrix);
        Assert.All(matrix.Skills, s => Assert.Equal(
            needs.Where(n => n.SkillId == s.Id).Select(n => n.Channel).Order(),
            s.Channels.Order()));
        Assert.Contains(matrix.Skills, s => s.Channels.Count > 1);
    }

    [Fact]
    public async Task One_site_shows_only_its_own_advisors()
    {
        await using var db = fixture.App.CreateDbContext();
        var site = await db.Sites.Where(s => s.RegionId == Bpl && s.Kind == SiteKind.InHouse).OrderBy(s => s.Id).FirstAsync(Ct);
        var expected = await db.Advisors.CountAsync(a => a.Active && a.SiteId == site.Id, Ct);

        var matrix = await GetAsync(DirectorBpl, "BPL", site.Id);

        Assert.NotNull(matrix);
        Assert.Equal(site.Id, matrix.SiteId);
        Assert.Equal(expected, matrix.Rows.Count);
        Assert.All(matrix.Rows, r => Assert.Equal(site.Name, r.Site));
    }

    [Fact]
    public async Task Without_a_region_a_director_gets_the_own_and_a_national_role_the_first_wave()
    {
        var director = await GetAsync(DirectorBpl, null);
        var national = await GetAsync(National, null);

        Assert.Equal("BPL", director?.Region.Code);
        Assert.Equal(["BPL"], director!.Regions.Select(r => r.Code));
        Assert.Equal("NC", national?.Region.Code);
        Assert.Equal(9, national!.Regions.Count);
    }

    public static TheoryData<string, string, bool> Access => new()
    {
        { "national", "BPL", true },
        { "national", "SUD", true },
        { "hr", "BPL", true },
        { "hr", "NC", true },
        { "director BPL", "BPL", true },
        { "director BPL", "bpl", true },
        { "director BPL", "NC", false },
        { "director BPL", "XYZ", false },
        { "advisor", "BPL", false },
    };

    [Theory]
    [MemberData(nameof(Access))]
    public async Task Each_role_reads_only_the_regions_the_access_rules_allow(string who, string region, bool readable)
    {
        var actor = who switch
        {
            "national" => National,
            "hr" => Hr,
            "director BPL" => DirectorBpl,
            _ => AdvisorBpl,
        };

        var matrix = await GetAsync(actor, region);

        Assert.Equal(readable, matrix is not null);
    }

    [Fact]
    public async Task An_advisor_gets_nothing_even_without_a_region()
    {
        Assert.Null(await GetAsync(AdvisorBpl, null));
    }

    [Fact]
    public async Task A_site_of_another_region_than_the_one_given_is_refused()
    {
        await using var db = fixture.App.CreateDbContext();
        var ncSite = await db.Sites.Where(s => s.RegionId == Nc && s.Kind == SiteKind.InHouse).Select(s => s.Id).FirstAsync(Ct);

        Assert.Null(await GetAsync(National, "BPL", ncSite));
        Assert.Null(await GetAsync(DirectorBpl, "BPL", ncSite));
        Assert.Null(await GetAsync(DirectorBpl, null, ncSite));
        Assert.NotNull(await GetAsync(National, "NC", ncSite));
    }
}
