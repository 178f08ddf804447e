using BenchmarkDotNet.Attributes;
using Portal.Domain.Staffing;

namespace Portal.Benchmarks;

/// <summary>
/// One interval's requirement, at the size of a regional queue (about 100 agents) and of the national one
/// (about 10,000). The first must stay under a microsecond: a year of intervals for every region and channel is
/// millions of them.
/// </summary>
[MemoryDiagnoser]
public class StaffingBenchmarks
{
    // 1,000 calls in 30 min at AHT 300 s, 80 % in 20 s: A ≈ 167 Erlangs, N = 186 (the 90 % cap decides).
    private readonly StaffingInput hundreds = new(1_000, 300, 1800, 0.8, 20);

    // 600 calls in 30 min at AHT 300 s, 80 % in 20 s: A = 100 Erlangs, N = 112 (the 90 % cap decides).
    private readonly StaffingInput hundred = new(600, 300, 1800, 0.8, 20);

    // 60,000 calls in 30 min at AHT 300 s, 80 % in 20 s: A = 10,000 Erlangs, N = 11,112 at the 90 % cap.
    private readonly StaffingInput tenThousand = new(60_000, 300, 1800, 0.8, 20);

    // The same without a cap, so that the service level decides: N = 10,021.
    private readonly StaffingInput tenThousandUncapped = new(60_000, 300, 1800, 0.8, 20, MaxOccupancy: 1);

    [Benchmark(Baseline = true)]
    public StaffingResult Hundred_agents() => ErlangC.Required(hundred);

    [Benchmark]
    public StaffingResult Thousand_calls() => ErlangC.Required(hundreds);

    [Benchmark]
    public StaffingResult Ten_thousand_agents() => ErlangC.Required(tenThousand);

    [Benchmark]
    public StaffingResult Ten_thousand_agents_uncapped() => ErlangC.Required(tenThousandUncapped);
}
