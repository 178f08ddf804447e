using Portal.Domain.Time;
using Portal.Domain.TrainingPlan;

namespace Portal.Domain.Tests.TrainingPlan;

/// <summary>
/// A small region for the training plan: sites with one room a day unless a test gives more, courses, advisors at
/// a site missing courses, and core half-hours (one per day a test names) with their supply and requirement, each
/// supplied by the advisors a test says. Plans from Monday 23 November 2026 unless a test moves it.
/// </summary>
internal sealed class TrainingPlanBuilder
{
    public static readonly DateOnly Monday = new(2026, 11, 23);

    private readonly List<PlanCourse> courses = [];
    private readonly List<PlanSite> sites = [];
    private readonly List<AdvisorSpec> advisors = [];
    private readonly List<CoreCell> cells = [];
    private readonly Dictionary<int, Dictionary<DateOnly, List<int>>> supplies = [];

    public DateOnly From { get; set; } = Monday;
    public double Threshold { get; set; } = 1.0;

    public TrainingPlanBuilder Site(int id, int sessionsPerDay = 1)
    {
        sites.Add(new PlanSite(id, $"S{id}", sessionsPerDay, new Dictionary<DateOnly, int>()));
        return this;
    }

    public TrainingPlanBuilder Course(int id, int days, int capacity)
    {
        courses.Add(new PlanCourse(id, $"C{id}", days, capacity));
        return this;
    }

    /// <summary>An advisor of a site missing the given courses; the days absent and in training are the test's to fill.</summary>
    public AdvisorSpec Advisor(int id, int site, params int[] missing)
    {
        var advisor = new AdvisorSpec(id, site, missing.ToHashSet());
        advisors.Add(advisor);
        return advisor;
    }

    public sealed record AdvisorSpec(int Id, int Site, HashSet<int> Missing)
    {
        public HashSet<DateOnly> Absent { get; } = [];
        public HashSet<DateOnly> TrainingDays { get; } = [];

        /// <summary>Courses the advisor is already in a planned session of, with its last day.</summary>
        public Dictionary<int, DateOnly> Planned { get; } = [];
    }

    /// <summary>A core half-hour at 10:00 on the day, supplied by the given advisors (the rest of the supply by others not in the plan).</summary>
    public TrainingPlanBuilder Cell(DateOnly day, int supply, int required, params int[] suppliedBy)
    {
        cells.Add(new CoreCell(day, "VOICE", new TimeOnly(10, 0), supply, required));
        foreach (var a in suppliedBy)
        {
            if (!supplies.TryGetValue(a, out var byDay))
            {
                supplies[a] = byDay = [];
            }
            if (!byDay.TryGetValue(day, out var list))
            {
                byDay[day] = list = [];
            }
            list.Add(cells.Count - 1);
        }
        return this;
    }

    public TrainingPlanInput Input(DateOnly target, int horizonWeeks = 4) => new()
    {
        RegionCode = "BPL",
        From = From,
        Target = target,
        Horizon = target.AddDays(7 * horizonWeeks),
        Courses = courses,
        Sites = sites,
        Advisors = advisors.Select(a => new PlanAdvisor(a.Id, $"E{a.Id:000}", a.Site, a.Missing, a.Absent, a.TrainingDays,
            supplies.GetValueOrDefault(a.Id)?.ToDictionary(p => p.Key, p => (IReadOnlyList<int>)p.Value) ?? []) { Planned = a.Planned }).ToList(),
        Cells = cells,
        PublicHolidays = Enumerable.Range(From.Year, 2).SelectMany(FrenchHolidays.Of).ToHashSet(),
        Threshold = Threshold,
    };

    public static TrainingPlanProposal Plan(TrainingPlanInput input) => TrainingPlanner.Propose(input, TimeSpan.FromSeconds(2), workers: 2);
}
