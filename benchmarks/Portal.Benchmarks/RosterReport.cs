using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Access;
using Portal.Domain.Time;
using Portal.Services.Roster;

namespace Portal.Benchmarks;

/// <summary>
/// Roster proposals on the full demo, all channels, through the service the planner uses: BPL's switch week and the
/// first week without shifts for BPL (55 s limit, for a 60 s target) and IDF (115 s, for 120 s), each with the greedy baseline of the same
/// run and the lower bounds (core and all slots). Run with <c>-- roster</c>.
/// </summary>
internal static class RosterReport
{
    public static void Run(TextWriter output)
    {
        var started = Stopwatch.StartNew();
        using var demo = new DemoDatabase();
        output.WriteLine($"Demo built in {started.Elapsed.TotalSeconds:0.0} s (migrations and seed, SQLite).");
        DateOnly switchWeek, emptyWeek;
        using (var db = demo.CreateDbContext())
        {
            var bpl = db.Regions.AsNoTracking().Single(r => r.Code == "BPL");
            switchWeek = LocalCalendar.MondayOf(bpl.ActualSwitchDate ?? bpl.PlannedSwitchDate);
            emptyWeek = LocalCalendar.MondayOf(db.Shifts.Max(s => s.Date)).AddDays(7);
        }
        output.WriteLine("| region | week | limit | seconds | status | uncovered core: before / greedy / after | uncovered all: before / greedy / after | over-covered: before / greedy / after | lower bound: core / all | gap to bound: core / all | shifts |");
        output.WriteLine("|---|---|---:|---:|---|---:|---:|---:|---:|---:|---:|");
        foreach (var (region, week, limit) in new[] { ("BPL", switchWeek, 55), ("BPL", emptyWeek, 55), ("IDF", emptyWeek, 115) })
        {
            using var scope = demo.Services.CreateScope();
            var clock = Stopwatch.StartNew();
            var proposal = scope.ServiceProvider.GetRequiredService<RosterService>()
                .ProposeAsync(Actor.System, new RosterQuery(region, week, null, limit)).GetAwaiter().GetResult()!;
            var seconds = clock.Elapsed.TotalSeconds;
            var d = proposal.Draft;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {region} | {week:yyyy-MM-dd} | {limit} s | {seconds:0.0} (solver {d.Seconds:0.0}) | {d.Status} | {d.Before.UncoveredCore:0.#} / {d.Greedy.UncoveredCore:0.#} / {d.After.UncoveredCore:0.#} | {d.Before.Uncovered:0.#} / {d.Greedy.Uncovered:0.#} / {d.After.Uncovered:0.#} | {d.Before.OverCovered:0.#} / {d.Greedy.OverCovered:0.#} / {d.After.OverCovered:0.#} | {d.LowerBoundCore:0.#} / {d.LowerBound:0.#} | {d.After.UncoveredCore - d.LowerBoundCore:0.#} / {d.After.Uncovered - d.LowerBound:0.#} | {d.Shifts.Count} |"));
        }
    }
}
