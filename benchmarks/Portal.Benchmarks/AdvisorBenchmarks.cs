using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Access;
using Portal.Domain.Skills;
using Portal.Services.Advisors;

namespace Portal.Benchmarks;

/// <summary>
/// The advisors grid's server time on the full demo (about 15,500 advisors), for a national administrator (the largest
/// set) and BPL's director: a first page, a search, a filter on skill and level, a sort change and a far page.
/// </summary>
[MemoryDiagnoser]
public class AdvisorBenchmarks
{
    private static readonly Actor National = new("national", PortalRole.NationalAdmin);
    private static readonly Actor DirectorBpl = new("director", PortalRole.RegionalDirector, 2);
    private DemoDatabase demo = default!;
    private int skillId;

    [GlobalSetup]
    public void Setup()
    {
        demo = new DemoDatabase();
        using var db = demo.CreateDbContext();
        skillId = db.Skills.Single(s => s.Code == "BOX-TECH").Id;
    }

    private Task<AdvisorPage> SearchAsync(Actor actor, AdvisorQuery query)
    {
        using var scope = demo.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<AdvisorDirectory>().SearchAsync(actor, query);
    }

    [Benchmark(Description = "National: first page by name")]
    public Task<AdvisorPage> NationalFirstPage() => SearchAsync(National, new AdvisorQuery());

    [Benchmark(Description = "National: search 'mar'")]
    public Task<AdvisorPage> NationalSearch() => SearchAsync(National, new AdvisorQuery(Search: "mar"));

    [Benchmark(Description = "National: skill BOX-TECH level >= 3, active")]
    public Task<AdvisorPage> NationalSkillFilter() => SearchAsync(National, new AdvisorQuery(SkillId: skillId, MinimumLevel: ProficiencyLevel.Confirmed, Active: true));

    [Benchmark(Description = "National: sort by site, descending")]
    public Task<AdvisorPage> NationalSortBySite() => SearchAsync(National, new AdvisorQuery(Sort: AdvisorSort.Site, Descending: true));

    [Benchmark(Description = "National: page 600 of 25")]
    public Task<AdvisorPage> NationalFarPage() => SearchAsync(National, new AdvisorQuery(Page: 600));

    [Benchmark(Description = "BPL director: first page by name")]
    public Task<AdvisorPage> DirectorFirstPage() => SearchAsync(DirectorBpl, new AdvisorQuery());

    [GlobalCleanup]
    public void Cleanup() => demo.Dispose();
}
