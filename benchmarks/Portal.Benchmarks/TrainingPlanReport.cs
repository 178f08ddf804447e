using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Access;
using Portal.Domain.Time;
using Portal.Domain.TrainingPlan;
using Portal.Services.TrainingPlan;

namespace Portal.Benchmarks;

/// <summary>
/// Training plans to the switch on the full demo, through the service the rollout page uses, with the default time
/// limit: each region at its planned switch date and at a date too early to reach (a week from tomorrow), the greedy
/// baseline of the same run beside the plan, and the floor and the gate checked again here. Run with <c>-- training-plan</c>
/// (regions may follow, IDF EST NDF BPL by default).
/// </summary>
internal static class TrainingPlanReport
{
    public static void Run(TextWriter output, IReadOnlyList<string> regions)
    {
        var started = Stopwatch.StartNew();
        using var demo = new DemoDatabase();
        output.WriteLine($"Demo built in {started.Elapsed.TotalSeconds:0.0} s (migrations and seed, SQLite).");
        var today = LocalCalendar.Paris.Today(TimeProvider.System);
        output.WriteLine("| region | by | advisors | missing a course | sessions | reading (s) | planning (s) | coverage lost (staff-hours), plan / greedy | date reached, plan / greedy | binding | status | floor and gate |");
        output.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---|---|---|---|");
        foreach (var code in regions.Count > 0 ? regions : ["IDF", "EST", "NDF", "BPL"])
        {
            DateOnly planned;
            using (var db = demo.CreateDbContext())
            {
                planned = db.Regions.AsNoTracking().Where(r => r.Code == code).Select(r => r.PlannedSwitchDate).Single();
            }
            foreach (var by in new[] { planned, today.AddDays(8) })
            {
                using var scope = demo.Services.CreateScope();
                var clock = Stopwatch.StartNew();
                var view = scope.ServiceProvider.GetRequiredService<TrainingPlanService>()
                    .ProposeAsync(Actor.System, code, by).GetAwaiter().GetResult()!;
                var total = clock.Elapsed.TotalSeconds;
                var plan = view.Plan;
                var input = view.Input!;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {code} | {by:yyyy-MM-dd} | {input.Advisors.Count:N0} | {input.Advisors.Count(a => a.MissingCourses.Count > 0):N0} | {plan.Sessions.Count} | {total - plan.Seconds:0.0} | {plan.Seconds:0.0} | {plan.CoverageLostStaffHours:N1} / {plan.GreedyCoverageLostStaffHours:N1} | {Date(plan.EarliestDate)} / {Date(plan.GreedyEarliestDate)} | {plan.Binding} | {plan.Status} | {Check(input, plan)} |"));
                output.Flush();
            }
        }
    }

    private static string Date(DateOnly? day) => day is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "none";

    /// <summary>
    /// The floor and the gate read again from the input alone: no core half-hour the sessions touch below the floor, no
    /// session over its seats, and enough advisors with every missing course done by the date the plan claims.
    /// </summary>
    private static string Check(TrainingPlanInput input, TrainingPlanProposal plan)
    {
        var advisors = input.Advisors.ToDictionary(a => a.Id);
        var removed = new int[input.Cells.Count];
        var done = new HashSet<(int, int)>();
        var claimed = plan.Reachable ? plan.Target : plan.EarliestDate;
        var problems = 0;
        foreach (var session in plan.Sessions)
        {
            problems += session.Advisors.Count > input.Courses.Single(c => c.Id == session.CourseId).Capacity ? 1 : 0;
            foreach (var id in session.Advisors)
            {
                foreach (var cell in session.Days.SelectMany(d => advisors[id].Supplies.GetValueOrDefault(d) ?? []))
                {
                    removed[cell]++;
                }
                if (session.Days.Max() <= claimed)
                {
                    done.Add((id, session.CourseId));
                }
            }
        }
        problems += Enumerable.Range(0, input.Cells.Count)
            .Count(c => removed[c] > 0 && input.Cells[c].Supply - removed[c] < input.CoverageFloor * input.Cells[c].Required - 1e-9);
        var completed = input.Advisors.Count(a => a.Planned.Values.All(last => claimed is { } by && last <= by)
            && a.MissingCourses.All(c => done.Contains((a.Id, c))));
        if (claimed is not null && completed < input.Threshold * input.Advisors.Count - 1e-9)
        {
            problems++;
        }
        return problems == 0 ? "hold" : $"{problems} broken";
    }
}
