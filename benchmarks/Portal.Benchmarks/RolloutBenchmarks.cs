using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Access;
using Portal.Services.Rollout;

namespace Portal.Benchmarks;

/// <summary>
/// The server time of the rollout on the full demo: BPL's readiness at its planned date (the readiness page's gates),
/// BPL's outlook (17 evaluations, the strip), and the nine regions' outlooks of the national dashboard.
/// </summary>
[MemoryDiagnoser]
public class RolloutBenchmarks
{
    private static readonly Actor National = new("national", PortalRole.NationalAdmin);
    private DemoDatabase demo = default!;
    private DateOnly planned;

    [GlobalSetup]
    public void Setup()
    {
        demo = new DemoDatabase();
        using var db = demo.CreateDbContext();
        planned = db.Regions.Where(r => r.Code == "BPL").Select(r => r.PlannedSwitchDate).Single();
    }

    private async Task<T> WithAsync<T>(Func<ReadinessService, Task<T>> call)
    {
        using var scope = demo.Services.CreateScope();
        return await call(scope.ServiceProvider.GetRequiredService<ReadinessService>());
    }

    [Benchmark(Description = "BPL: readiness at the planned date")]
    public Task<ReadinessView?> Readiness() => WithAsync(s => s.GetAsync(National, "BPL", planned));

    [Benchmark(Description = "BPL: outlook (17 evaluations)")]
    public Task<OutlookView?> Outlook() => WithAsync(s => s.OutlookAsync(National, "BPL"));

    [Benchmark(Description = "National dashboard: nine regions' outlooks")]
    public Task<IReadOnlyList<OutlookView>> NationalOutlooks() => WithAsync(s => s.OutlooksAsync(National));

    [GlobalCleanup]
    public void Cleanup() => demo.Dispose();
}
