using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Coverage;
using Portal.Domain.Time;
using Portal.Services.Coverage;

namespace Portal.Benchmarks;

/// <summary>
/// The demo's core-interval coverage per region and planned week, through the coverage engine as the page computes
/// it: for Voice, one row per region and week with the share in 85–130% and the bands; for Chat and Email, one row
/// per region over all planned weeks. Run with <c>-- demo-coverage</c>.
/// </summary>
internal static class DemoCoverageReport
{
    public static void Run(TextWriter output)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        using var demo = new DemoDatabase();
        output.WriteLine($"Demo built in {started.Elapsed.TotalSeconds:0.0} s (migrations and seed, SQLite).");
        using var db = demo.CreateDbContext();
        var channels = db.Channels.AsNoTracking().Include(c => c.OpeningHours).Include(c => c.RequiredSkills).AsSplitQuery().OrderBy(c => c.Id).ToList();
        var regions = db.Regions.AsNoTracking().OrderBy(r => r.Wave).ToList();
        var first = db.Shifts.Min(s => s.Date);
        var last = db.Shifts.Max(s => s.Date);
        var calculator = new CoverageCalculator(LocalCalendar.Paris);
        var weeks = new List<DateOnly>();
        for (var monday = LocalCalendar.MondayOf(first); monday <= last; monday = monday.AddDays(7))
        {
            weeks.Add(monday);
        }

        foreach (var channel in channels)
        {
            var perWeek = channel.Code == "Voice";
            output.WriteLine();
            output.WriteLine(perWeek
                ? $"{channel.Code}: core half-hours per region and week"
                : $"{channel.Code}: core half-hours per region, all {weeks.Count} planned weeks");
            output.WriteLine("| region | week | core half-hours | in 85–130% | <70% | 70–85% | 85–100% | 100–130% | >130% |");
            output.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var region in regions)
            {
                var all = new List<CoverageDay>();
                foreach (var monday in weeks)
                {
                    var inputs = CoverageService.LoadInputsAsync(db, region.Id, channel, monday, CancellationToken.None).GetAwaiter().GetResult();
                    var days = calculator.Compute(inputs, monday, 7);
                    all.AddRange(days);
                    if (perWeek)
                    {
                        output.WriteLine(Row(region.Code, monday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), CoverageBands.OfCore(days)));
                    }
                }
                if (!perWeek)
                {
                    output.WriteLine(Row(region.Code, "all", CoverageBands.OfCore(all)));
                }
            }
        }
    }

    private static string Row(string region, string week, CoverageBands bands) =>
        string.Create(CultureInfo.InvariantCulture,
            $"| {region} | {week} | {bands.Total} | **{Share(bands.From85To100 + bands.From100To130, bands.Total)}** | {Share(bands.Below70, bands.Total)} | {Share(bands.From70To85, bands.Total)} | {Share(bands.From85To100, bands.Total)} | {Share(bands.From100To130, bands.Total)} | {Share(bands.Above130, bands.Total)} |");

    private static string Share(int count, int total) =>
        total == 0 ? "–" : string.Create(CultureInfo.InvariantCulture, $"{100.0 * count / total:0}%");
}
