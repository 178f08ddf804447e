using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Access;
using Portal.Services.Training;

namespace Portal.Benchmarks;

/// <summary>
/// The server time of <c>/training/completion</c> on the full demo for HR (every region, the largest set): the page's
/// figures and curve, the first page of the still-missing list, and the completion file's rows.
/// </summary>
[MemoryDiagnoser]
public class TrainingCompletionBenchmarks
{
    private static readonly Actor Hr = new("hr", PortalRole.HR);
    private static readonly Actor DirectorBpl = new("director", PortalRole.RegionalDirector, 2);
    private DemoDatabase demo = default!;

    [GlobalSetup]
    public void Setup() => demo = new DemoDatabase();

    private async Task<T> WithAsync<T>(Func<TrainingCompletionService, Task<T>> call)
    {
        using var scope = demo.Services.CreateScope();
        return await call(scope.ServiceProvider.GetRequiredService<TrainingCompletionService>());
    }

    [Benchmark(Description = "HR: completion page figures")]
    public Task<CompletionView?> HrFigures() => WithAsync(s => s.GetAsync(Hr));

    [Benchmark(Description = "HR: still-missing list, first page")]
    public Task<MissingPage> HrMissing() => WithAsync(s => s.MissingAsync(Hr, new MissingQuery()));

    [Benchmark(Description = "HR: page figures + missing list (the page's load)")]
    public async Task<int> HrPage() => (await HrFigures())!.Regions.Count + (await HrMissing()).Rows.Count;

    [Benchmark(Description = "BPL director: completion page figures")]
    public Task<CompletionView?> DirectorFigures() => WithAsync(s => s.GetAsync(DirectorBpl));

    [Benchmark(Description = "HR: completion file rows")]
    public Task<IReadOnlyList<CompletionFileRow>> HrFileRows() => WithAsync(s => s.FileRowsAsync(Hr));

    [GlobalCleanup]
    public void Cleanup() => demo.Dispose();
}
