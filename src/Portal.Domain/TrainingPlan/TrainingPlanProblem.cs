using Portal.Domain.Time;

namespace Portal.Domain.TrainingPlan;

/// <summary>
/// What the greedy plan and the CP-SAT model share: the days a session starting on a day would be held on, how many
/// advisors each core half-hour can lose before falling below the floor, and how much of a loss is real coverage lost
/// (a half-hour staffed beyond its requirement loses nothing until the surplus is used).
/// </summary>
internal sealed class TrainingPlanProblem
{
    private const double Tolerance = 1e-9;

    public TrainingPlanInput Input { get; }

    /// <summary>Advisors a core half-hour may lose and stay at or above the floor (a large number where nothing is required).</summary>
    public int[] Budget { get; }

    /// <summary>Supply beyond the requirement: advisors a half-hour may lose without losing coverage.</summary>
    public int[] Surplus { get; }

    public IReadOnlyDictionary<int, PlanCourse> Courses { get; }
    public IReadOnlyDictionary<int, PlanSite> Sites { get; }

    public TrainingPlanProblem(TrainingPlanInput input)
    {
        Input = input;
        Budget = input.Cells.Select(c => c.Required == 0 ? int.MaxValue / 4
            : Math.Max(0, c.Supply - (int)Math.Ceiling(input.CoverageFloor * c.Required - Tolerance))).ToArray();
        Surplus = input.Cells.Select(c => Math.Max(0, c.Supply - c.Required)).ToArray();
        Courses = input.Courses.ToDictionary(c => c.Id);
        Sites = input.Sites.ToDictionary(s => s.Id);
    }

    /// <summary>
    /// The days of a session of <paramref name="days"/> days starting on <paramref name="start"/>: the next working
    /// days, at most the week limit in one calendar week (a longer course goes on the next week), or null when the
    /// start is not a working day or the session would end after <paramref name="last"/>.
    /// </summary>
    public IReadOnlyList<DateOnly>? Pattern(DateOnly start, int days, DateOnly last)
    {
        if (!Input.IsWorkingDay(start))
        {
            return null;
        }
        var result = new List<DateOnly>(days);
        var day = start;
        var perWeek = 0;
        var week = LocalCalendar.MondayOf(start);
        while (result.Count < days)
        {
            if (day > last)
            {
                return null;
            }
            if (LocalCalendar.MondayOf(day) != week)
            {
                week = LocalCalendar.MondayOf(day);
                perWeek = 0;
            }
            if (Input.IsWorkingDay(day) && perWeek < Input.MaxDaysPerWeek)
            {
                result.Add(day);
                perWeek++;
            }
            day = day.AddDays(1);
        }
        return result;
    }

    /// <summary>Every start day a session of the course may begin on and still end by <paramref name="last"/>, with its days.</summary>
    public IEnumerable<IReadOnlyList<DateOnly>> Patterns(PlanCourse course, DateOnly last)
    {
        for (var start = Input.From; start <= last; start = start.AddDays(1))
        {
            if (Pattern(start, course.Days, last) is { } days)
            {
                yield return days;
            }
        }
    }

    /// <summary>Whether the advisor may be in training on these days, apart from the other sessions of the plan: not absent, not already in training, within the week limit.</summary>
    public bool Available(PlanAdvisor advisor, IReadOnlyList<DateOnly> days, IReadOnlySet<DateOnly> planned)
    {
        if (days.Any(d => advisor.Absent.Contains(d) || advisor.TrainingDays.Contains(d) || planned.Contains(d)))
        {
            return false;
        }
        foreach (var week in days.GroupBy(LocalCalendar.MondayOf))
        {
            var sunday = week.Key.AddDays(6);
            var others = advisor.TrainingDays.Count(d => d >= week.Key && d <= sunday) + planned.Count(d => d >= week.Key && d <= sunday);
            if (others + week.Count() > Input.MaxDaysPerWeek)
            {
                return false;
            }
        }
        return true;
    }

    public IEnumerable<int> CellsOf(PlanAdvisor advisor, IEnumerable<DateOnly> days) =>
        days.SelectMany(d => advisor.Supplies.TryGetValue(d, out var cells) ? cells : []);

    /// <summary>Staff-hours of core coverage the sessions take away: per half-hour, the advisors removed beyond its surplus.</summary>
    public double CoverageLost(IEnumerable<ProposedSession> sessions)
    {
        var removed = Removed(sessions);
        return removed.Select((r, c) => Math.Max(0, r - Surplus[c])).Sum() / 2.0;
    }

    public int[] Removed(IEnumerable<ProposedSession> sessions)
    {
        var byId = Input.Advisors.ToDictionary(a => a.Id);
        var removed = new int[Input.Cells.Count];
        foreach (var session in sessions)
        {
            foreach (var id in session.Advisors)
            {
                foreach (var c in CellsOf(byId[id], session.Days))
                {
                    removed[c]++;
                }
            }
        }
        return removed;
    }

    /// <summary>
    /// Whether a plan keeps every rule the planner answers for: seats and rooms, each advisor free on the session's days
    /// (one session a day, the week limit), a course taken once, no core half-hour below the floor, and the gate reached
    /// by <paramref name="by"/>. A sub-solution put together with the rest of the plan is taken only when it does.
    /// </summary>
    public bool Keeps(IReadOnlyList<ProposedSession> sessions, DateOnly by)
    {
        var byId = Input.Advisors.ToDictionary(a => a.Id);
        var rooms = new Dictionary<(int, DateOnly), int>();
        var planned = new Dictionary<int, HashSet<DateOnly>>();
        var taken = new HashSet<(int, int)>();
        foreach (var session in sessions)
        {
            if (!Courses.TryGetValue(session.CourseId, out var course) || !Sites.TryGetValue(session.SiteId, out var site)
                || session.Advisors.Count > course.Capacity || session.Days.Count != course.Days)
            {
                return false;
            }
            foreach (var day in session.Days)
            {
                var used = rooms[(site.Id, day)] = rooms.GetValueOrDefault((site.Id, day)) + 1;
                if (used + site.Booked.GetValueOrDefault(day) > site.SessionsPerDay)
                {
                    return false;
                }
            }
            foreach (var id in session.Advisors)
            {
                if (!byId.TryGetValue(id, out var advisor) || advisor.SiteId != site.Id || !advisor.MissingCourses.Contains(course.Id)
                    || !taken.Add((id, course.Id)))
                {
                    return false;
                }
                if (!planned.TryGetValue(id, out var days))
                {
                    planned[id] = days = [];
                }
                if (!Available(advisor, session.Days, days))
                {
                    return false;
                }
                days.UnionWith(session.Days);
            }
        }
        var removed = Removed(sessions);
        return removed.Select((r, c) => r <= Budget[c]).All(ok => ok) && Completed(sessions, by) >= Input.AdvisorsNeeded;
    }

    /// <summary>
    /// Whether the plan for <paramref name="by"/> may enrol the advisor: a course missing, a site that hosts sessions, and
    /// no planned session ending after the date (the advisor could not complete by then, whatever the plan).
    /// </summary>
    public bool Trainable(PlanAdvisor advisor, DateOnly by) => advisor.MissingCourses.Count > 0 && Sites.ContainsKey(advisor.SiteId) && advisor.PlannedBy(by);

    /// <summary>How many advisors complete every required course by the date without the plan: nothing missing, every planned session ended.</summary>
    public int CompletedWithoutPlan(DateOnly by) => Input.Advisors.Count(a => a.MissingCourses.Count == 0 && a.PlannedBy(by));

    /// <summary>
    /// The training gate's value on <paramref name="date"/> with the sessions ending by then counted as completed, and the
    /// sessions already planned counted from their last day.
    /// </summary>
    public double G2(IEnumerable<ProposedSession> sessions, DateOnly date)
    {
        if (Input.Advisors.Count == 0)
        {
            return 0;
        }
        var done = sessions.Where(s => s.LastDay <= date).SelectMany(s => s.Advisors.Select(a => (a, s.CourseId))).ToHashSet();
        var completed = Input.Advisors.Count(a => a.PlannedBy(date) && a.MissingCourses.All(c => done.Contains((a.Id, c))));
        return completed / (double)Input.Advisors.Count;
    }

    public int Completed(IEnumerable<ProposedSession> sessions, DateOnly date) =>
        (int)Math.Round(G2(sessions, date) * Input.Advisors.Count);
}
