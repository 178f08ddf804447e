using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Access;
using Portal.Domain.Training;
using Portal.Services.Training;

namespace Portal.Benchmarks;

/// <summary>
/// The enrolment candidates of a planned BPL session on the full demo: every advisor of the region (about 1,555
/// active) with the reason each cannot be enrolled, as the session page lists them before any search; and a search.
/// </summary>
[MemoryDiagnoser]
public class TrainingBenchmarks
{
    private static readonly Actor DirectorBpl = new("director", PortalRole.RegionalDirector, 2);
    private DemoDatabase demo = default!;
    private int sessionId;

    [GlobalSetup]
    public void Setup()
    {
        demo = new DemoDatabase();
        using var db = demo.CreateDbContext();
        sessionId = db.TrainingSessions.Where(s => s.RegionId == 2 && s.Enrolments.Any(e => e.Status == EnrolmentStatus.Planned))
            .OrderByDescending(s => s.Enrolments.Count).Select(s => s.Id).First();
    }

    private async Task<int> CandidatesAsync(string? search)
    {
        using var scope = demo.Services.CreateScope();
        var candidates = await scope.ServiceProvider.GetRequiredService<EnrolmentService>().CandidatesAsync(DirectorBpl, sessionId, search);
        return candidates!.Count;
    }

    [Benchmark(Description = "BPL session: every candidate with its reason")]
    public Task<int> EveryCandidate() => CandidatesAsync(null);

    [Benchmark(Description = "BPL session: candidates matching 'mar'")]
    public Task<int> Search() => CandidatesAsync("mar");

    [GlobalCleanup]
    public void Cleanup() => demo.Dispose();
}
