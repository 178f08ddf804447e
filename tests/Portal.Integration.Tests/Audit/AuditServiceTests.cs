using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Access;
using Portal.Services.Audit;

namespace Portal.Integration.Tests.Audit;

[Collection(PortalCollection.Name)]
public class AuditServiceTests(PortalFixture fixture)
{
    private const int Nc = 1;
    private const int Bpl = 2;

    private AuditService Service => fixture.App.Services.CreateScope().ServiceProvider.GetRequiredService<AuditService>();

    private Task<AuditPage> SearchAsync(Actor actor, AuditQuery? query = null) =>
        Service.SearchAsync(actor, query ?? new AuditQuery(PageSize: 200), TestContext.Current.CancellationToken);

    [Fact]
    public async Task A_national_administrator_reads_the_whole_log_newest_first()
    {
        var page = await SearchAsync(new Actor("n", PortalRole.NationalAdmin));

        Assert.Contains(page.Lines, l => l.Entity == "Region" && l.EntityKey == "NC" && l.Action == "Switch");
        Assert.Equal(page.Lines.Select(l => l.AtUtc).OrderDescending(), page.Lines.Select(l => l.AtUtc));
    }

    [Fact]
    public async Task A_director_reads_only_the_entries_of_the_own_region()
    {
        var bpl = await SearchAsync(new Actor("d", PortalRole.RegionalDirector, Bpl));
        var nc = await SearchAsync(new Actor("d", PortalRole.RegionalDirector, Nc));

        Assert.All(bpl.Lines, l => Assert.Equal("BPL", l.Region));
        Assert.DoesNotContain(bpl.Lines, l => l.EntityKey == "NC");
        Assert.DoesNotContain(bpl.Lines, l => l.Entity == "Demo");
        Assert.Contains(nc.Lines, l => l.Entity == "Region" && l.EntityKey == "NC");
    }

    [Theory]
    [InlineData(PortalRole.HR)]
    [InlineData(PortalRole.Advisor)]
    public async Task Other_roles_read_nothing(PortalRole role)
    {
        var page = await SearchAsync(new Actor("x", role, Bpl, 1));

        Assert.Equal(0, page.Total);
        Assert.Empty(page.Entities);
    }

    [Fact]
    public async Task Filters_narrow_the_log_by_entity_and_reference()
    {
        var page = await SearchAsync(new Actor("n", PortalRole.NationalAdmin), new AuditQuery(Entity: "Region", Key: "N"));

        Assert.NotEmpty(page.Lines);
        Assert.All(page.Lines, l => Assert.Equal("Region", l.Entity));
        Assert.All(page.Lines, l => Assert.StartsWith("N", l.EntityKey, StringComparison.Ordinal));
    }
}
