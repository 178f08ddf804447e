using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Access;
using Portal.Domain.Channels;
using Portal.Domain.Coverage;
using Portal.Domain.Forecast;
using Portal.Domain.Staffing;
using Portal.Domain.Time;
using Portal.Services.Coverage;
using Portal.Services.Data;

namespace Portal.Benchmarks;

/// <summary>
/// Coverage on the full demo: a region-week of compute for every channel (inputs already read), beside the per-shift
/// scan it is compared with, the coverage page's
/// whole data path for BPL's switch week (database read and compute), and a national year of requirements.
/// The demo is created once in a temporary SQLite file.
/// </summary>
[MemoryDiagnoser]
public class CoverageBenchmarks
{
    private DemoDatabase demo = default!;
    private List<CoverageInputs> bplWeek = default!;
    private DateOnly switchWeek;
    private List<(Channel Channel, double[] Contacts)> nationalYear = default!;

    [GlobalSetup]
    public void Setup()
    {
        demo = new DemoDatabase();
        switchWeek = LocalCalendar.MondayOf(LocalCalendar.Paris.Today(TimeProvider.System)).AddDays(21);
        using var context = demo.CreateDbContext();
        var channels = context.Channels.AsNoTracking().Include(c => c.OpeningHours).Include(c => c.RequiredSkills).AsSplitQuery().ToList();
        var bpl = context.Regions.Single(r => r.Code == "BPL");
        bplWeek = channels.Select(c => CoverageService.LoadInputsAsync(context, bpl.Id, c, switchWeek, CancellationToken.None).GetAwaiter().GetResult()).ToList();

        // A year of generated demand per region and channel, as the requirement computation reads it.
        var regions = context.Regions.ToList();
        var total = regions.Sum(r => (double)r.Customers);
        var generator = new ForecastGenerator(LocalCalendar.Paris);
        var year = switchWeek.Year;
        nationalYear = regions.SelectMany(r => channels.Select(c => (c, generator.Generate(c, r.Customers / total, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31))
            .Select(p => p.Contacts).ToArray()))).ToList();
    }

    [Benchmark(Description = "BPL region-week, 3 channels, compute only")]
    public int RegionWeekCompute() => RegionWeek(new CoverageCalculator(LocalCalendar.Paris));

    // The same compute testing every interval against every shift: the baseline the grouped count must beat 3 times over.
    [Benchmark(Description = "BPL region-week, 3 channels, compute only, per-shift scan (baseline)")]
    public int RegionWeekScan() => RegionWeek(new CoverageCalculator(LocalCalendar.Paris, groupShifts: false));

    private int RegionWeek(CoverageCalculator calculator)
    {
        var cells = 0;
        foreach (var inputs in bplWeek)
        {
            cells += calculator.Compute(inputs, switchWeek, 7).Sum(d => d.Cells.Count);
        }
        return cells;
    }

    [Benchmark(Description = "Coverage page data path, BPL switch week, Voice (read + compute)")]
    public async Task<int> PageDataPath()
    {
        using var scope = demo.Services.CreateScope();
        var view = await scope.ServiceProvider.GetRequiredService<CoverageService>().GetWeekAsync(Actor.System, "BPL", switchWeek, "Voice");
        return view!.Days.Count;
    }

    [Benchmark(Description = "National year of requirements, 9 regions x 3 channels x 30-min intervals")]
    public long NationalYear()
    {
        long staff = 0;
        foreach (var (channel, contacts) in nationalYear)
        {
            foreach (var c in contacts)
            {
                if (c > 0)
                {
                    var input = CoverageCalculator.Input(channel, c, channel.AverageHandlingSeconds);
                    staff += channel.Kind == ChannelKind.Email ? ErlangC.ForWorkload(input).Scheduled : ErlangC.Required(input).Scheduled;
                }
            }
        }
        return staff;
    }

    [GlobalCleanup]
    public void Cleanup() => demo.Dispose();
}
