namespace Portal.Domain.TrainingPlan;

/// <summary>What the greedy plan may ignore, to find which constraint binds when a date cannot be reached.</summary>
internal readonly record struct Relaxation(bool IgnoreCoverage, bool UnlimitedSlots)
{
    public static Relaxation None => default;
}

/// <summary>
/// The first solution: advisors with the fewest courses missing first (each one completes the gate for the least
/// training), each course in the earliest session of the advisor's site that still has a seat, or else a new session
/// on the earliest days the site has a room, the advisor is free and every core half-hour the advisor supplies stays
/// at or above the floor. An advisor who cannot take every missing course by the date takes none.
/// </summary>
internal static class GreedyTrainingPlan
{
    private sealed class Open(PlanCourse course, PlanSite site, IReadOnlyList<DateOnly> days)
    {
        public PlanCourse Course { get; } = course;
        public PlanSite Site { get; } = site;
        public IReadOnlyList<DateOnly> Days { get; } = days;
        public List<int> Advisors { get; } = [];
    }

    public static IReadOnlyList<ProposedSession> Solve(TrainingPlanProblem problem, DateOnly by, Relaxation relax = default)
    {
        var input = problem.Input;
        var alreadyDone = problem.CompletedWithoutPlan(by);
        var needed = input.AdvisorsNeeded - alreadyDone;
        var sessions = new List<Open>();
        // Each advisor looks only at the sessions of one site and course: scanning every session of the region made
        // the plan quadratic in the region's size.
        var bySiteCourse = new Dictionary<(int Site, int Course), List<Open>>();
        var rooms = new Dictionary<(int Site, DateOnly Day), int>();
        var removed = new int[input.Cells.Count];
        var patterns = input.Courses.ToDictionary(c => c.Id, c => problem.Patterns(c, by).ToList());

        int RoomsLeft(PlanSite site, DateOnly day) => relax.UnlimitedSlots ? int.MaxValue
            : site.SessionsPerDay - site.Booked.GetValueOrDefault(day) - rooms.GetValueOrDefault((site.Id, day));
        bool CoverageAllows(PlanAdvisor advisor, IReadOnlyList<DateOnly> days) =>
            relax.IgnoreCoverage || problem.CellsOf(advisor, days).All(c => removed[c] < problem.Budget[c]);

        var candidates = input.Advisors.Where(a => problem.Trainable(a, by))
            .OrderBy(a => a.MissingCourses.Count).ThenBy(a => a.MissingCourses.Sum(c => problem.Courses[c].Days)).ThenBy(a => a.Id);
        foreach (var advisor in candidates)
        {
            if (needed <= 0)
            {
                break;
            }
            var site = problem.Sites[advisor.SiteId];
            var planned = new HashSet<DateOnly>();
            var taken = new List<Open>();
            var created = new List<Open>();
            var complete = true;
            foreach (var course in advisor.MissingCourses.Select(c => problem.Courses[c]).OrderByDescending(c => c.Days).ThenBy(c => c.Id))
            {
                if (!bySiteCourse.TryGetValue((site.Id, course.Id), out var open))
                {
                    bySiteCourse[(site.Id, course.Id)] = open = [];
                }
                var seat = open.Where(s => relax.UnlimitedSlots || s.Advisors.Count < s.Course.Capacity)
                    .Where(s => problem.Available(advisor, s.Days, planned) && CoverageAllows(advisor, s.Days))
                    .OrderBy(s => s.Days[^1]).FirstOrDefault();
                if (seat is null)
                {
                    var days = patterns[course.Id].FirstOrDefault(p => p.All(d => RoomsLeft(site, d) > 0)
                        && problem.Available(advisor, p, planned) && CoverageAllows(advisor, p));
                    if (days is null)
                    {
                        complete = false;
                        break;
                    }
                    seat = new Open(course, site, days);
                    sessions.Add(seat);
                    open.Add(seat);
                    created.Add(seat);
                    foreach (var d in days)
                    {
                        rooms[(site.Id, d)] = rooms.GetValueOrDefault((site.Id, d)) + 1;
                    }
                }
                seat.Advisors.Add(advisor.Id);
                taken.Add(seat);
                planned.UnionWith(seat.Days);
                foreach (var c in problem.CellsOf(advisor, seat.Days))
                {
                    removed[c]++;
                }
            }
            if (complete)
            {
                needed--;
                continue;
            }
            foreach (var seat in taken)
            {
                seat.Advisors.Remove(advisor.Id);
                foreach (var c in problem.CellsOf(advisor, seat.Days))
                {
                    removed[c]--;
                }
            }
            foreach (var seat in created)
            {
                sessions.Remove(seat);
                bySiteCourse[(site.Id, seat.Course.Id)].Remove(seat);
                foreach (var d in seat.Days)
                {
                    rooms[(site.Id, d)]--;
                }
            }
        }
        return sessions.Where(s => s.Advisors.Count > 0)
            .Select(s => new ProposedSession(s.Course.Id, s.Course.Code, s.Site.Id, s.Site.Code, s.Days, s.Course.Capacity, [.. s.Advisors]))
            .OrderBy(s => s.Days[0]).ThenBy(s => s.Site, StringComparer.Ordinal).ThenBy(s => s.Course, StringComparer.Ordinal).ToList();
    }
}
