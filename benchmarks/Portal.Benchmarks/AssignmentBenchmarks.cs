using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Access;
using Portal.Domain.Advisors;
using Portal.Domain.Time;
using Portal.Services;
using Portal.Services.Assignments;
using Portal.Services.Coverage;

namespace Portal.Benchmarks;

/// <summary>
/// The BPL director's planner on the full demo (about 1,555 active in-house advisors, about 7,000 shifts a week): opening
/// a week (the first rows in view and the voice coverage beside them), reading every row of the week, and one shift
/// change with the coverage recomputed, as the page does after a save.
/// </summary>
[MemoryDiagnoser]
public class AssignmentBenchmarks
{
    private static readonly Actor DirectorBpl = new("director", PortalRole.RegionalDirector, 2);
    private DemoDatabase demo = default!;
    private DateOnly monday;
    private ShiftForm moving = default!;
    private DateOnly[] days = [];
    private int turn;

    [GlobalSetup]
    public void Setup()
    {
        demo = new DemoDatabase();
        monday = LocalCalendar.MondayOf(LocalCalendar.Paris.Today(TimeProvider.System));
        // A shift of its own in a week past the demo's, moved between two days by the change benchmark.
        var week = monday.AddDays(7 * 20);
        while (Enumerable.Range(0, 7).Any(d => FrenchHolidays.IsHoliday(week.AddDays(d))))
        {
            week = week.AddDays(7);
        }
        days = [week.AddDays(1), week.AddDays(2)];
        using var db = demo.CreateDbContext();
        var skills = db.ChannelSkills.Where(c => c.ChannelId == 1).Select(c => c.SkillId).ToList();
        var advisor = db.Advisors.Where(Advisor.ActiveInHouse).Where(a => a.Site!.RegionId == 2)
            .Where(a => a.Skills.Count(s => skills.Contains(s.SkillId) && s.Level >= Domain.Skills.ProficiencyLevel.Certified) == skills.Count)
            .OrderBy(a => a.Id).Select(a => a.Id).First();
        moving = new ShiftForm { AdvisorId = advisor, ChannelId = 1, Date = days[0], Start = new TimeOnly(9, 0), End = new TimeOnly(17, 0), BreakStart = new TimeOnly(12, 0), BreakMinutes = 60 };
        using var scope = demo.Services.CreateScope();
        var created = scope.ServiceProvider.GetRequiredService<AssignmentService>().SaveAsync(DirectorBpl, moving).GetAwaiter().GetResult();
        if (created.Outcome != SaveOutcome.Saved)
        {
            throw new InvalidOperationException(string.Join(" ", created.Messages));
        }
        var stored = db.Shifts.AsNoTracking().Single(s => s.AdvisorId == advisor && s.Date == days[0]);
        moving.Id = stored.Id;
        moving.Version = stored.Version;
    }

    [Benchmark(Description = "BPL planner: open a week (first 50 rows, voice coverage)")]
    public async Task<int> OpenWeek()
    {
        using var scope = demo.Services.CreateScope();
        var week = await scope.ServiceProvider.GetRequiredService<AssignmentService>().GetWeekAsync(DirectorBpl, "BPL", monday, take: 50);
        var coverage = await scope.ServiceProvider.GetRequiredService<CoverageService>().GetWeekAsync(DirectorBpl, "BPL", monday, "Voice");
        return week!.Rows.Count + coverage!.Days.Count;
    }

    [Benchmark(Description = "BPL planner: every row of the week, pages of 500")]
    public async Task<int> EveryRow()
    {
        using var scope = demo.Services.CreateScope();
        var service = scope.ServiceProvider.GetRequiredService<AssignmentService>();
        var shifts = 0;
        for (var skip = 0; ; skip += 500)
        {
            var page = await service.GetWeekAsync(DirectorBpl, "BPL", monday, skip: skip, take: 500);
            shifts += page!.Rows.Sum(r => r.Days.Sum(d => d.Shifts.Count));
            if (skip + 500 >= page.TotalRows)
            {
                return shifts;
            }
        }
    }

    [Benchmark(Description = "one shift moved, rules checked, voice coverage of its week recomputed")]
    public async Task<int> MoveShift()
    {
        using var scope = demo.Services.CreateScope();
        moving.Date = days[++turn % 2];
        var result = await scope.ServiceProvider.GetRequiredService<AssignmentService>().SaveAsync(DirectorBpl, moving);
        if (result.Outcome != SaveOutcome.Saved)
        {
            throw new InvalidOperationException(result.Outcome + " " + string.Join(" ", result.Messages));
        }
        moving.Version++;
        var coverage = await scope.ServiceProvider.GetRequiredService<CoverageService>().GetWeekAsync(DirectorBpl, "BPL", moving.Date, "Voice");
        return coverage!.Days.Count;
    }

    [GlobalCleanup]
    public void Cleanup() => demo.Dispose();
}
