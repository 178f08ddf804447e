using System.Globalization;
using Google.OrTools.Sat;
using Portal.Domain.Time;

namespace Portal.Domain.TrainingPlan;

/// <summary>
/// The CP-SAT model of a training plan by a date: a yes/no per candidate session (course, site, start day) and per
/// advisor and session; rooms per site and day, seats per session, one session a day and the week limit per advisor,
/// at most one session per course and advisor, the floor on every core half-hour, and enough advisors completing every
/// missing course by the date. Minimises the coverage lost, then the sessions, the enrolments and how late the sessions end. Starts from the greedy plan.
/// </summary>
internal static class CpSatTrainingPlan
{
    // A half-hour of coverage lost costs more than the sessions a plan can add to avoid it, a session more than the
    // seats it saves, a seat more than holding a session later: between equal plans, the one that ends sooner leaves
    // the region a margin before its switch.
    private const long LostWeight = 10_000_000;
    private const long SessionWeight = 100_000;
    private const long SeatWeight = 1_000;
    private const long DayLaterWeight = 1;

    /// <summary>The objective this model minimises, for a whole plan: what the site-by-site search compares.</summary>
    public static long Cost(TrainingPlanProblem problem, IReadOnlyList<ProposedSession> sessions)
    {
        var removed = problem.Removed(sessions);
        var lost = removed.Select((r, c) => (long)Math.Max(0, r - problem.Surplus[c])).Sum();
        return (LostWeight * lost) + sessions.Sum(s => SessionWeight + (SeatWeight * s.Advisors.Count)
            + (DayLaterWeight * (s.Days[^1].DayNumber - problem.Input.From.DayNumber)));
    }

    public sealed record Outcome(IReadOnlyList<ProposedSession>? Sessions, bool Optimal);

    private sealed record Candidate(PlanCourse Course, PlanSite Site, IReadOnlyList<DateOnly> Days);

    /// <summary>
    /// The part of the plan a model decides: the sessions of <see cref="Sites"/> (every site when null), the rest of the
    /// plan held as it is. <see cref="Fixed"/> removes advisors from core half-hours the model no longer has to give,
    /// and <see cref="Completions"/> is how many of the scope's advisors must complete every course by the date.
    /// </summary>
    public sealed record Scope(IReadOnlySet<int>? Sites, IReadOnlyList<ProposedSession> Fixed, int Completions);

    /// <summary>The whole region in one model.</summary>
    public static Outcome Improve(TrainingPlanProblem problem, DateOnly by, IReadOnlyList<ProposedSession> hint, TimeSpan limit, int workers,
        CancellationToken cancellationToken) =>
        Improve(problem, by, hint, new Scope(null, [], problem.Input.AdvisorsNeeded - problem.CompletedWithoutPlan(by)),
            limit, workers, cancellationToken);

    public static Outcome Improve(TrainingPlanProblem problem, DateOnly by, IReadOnlyList<ProposedSession> hint, Scope scope, TimeSpan limit, int workers,
        CancellationToken cancellationToken)
    {
        var input = problem.Input;
        var model = new CpModel();
        var candidates = new List<Candidate>();
        var open = new List<BoolVar>();
        var hinted = hint.Select(s => (s.CourseId, s.SiteId, s.Days[0])).ToHashSet();
        bool InScope(int siteId) => scope.Sites is null || scope.Sites.Contains(siteId);
        var fixedRemoved = problem.Removed(scope.Fixed);
        var sitesUsed = input.Advisors.Where(a => problem.Trainable(a, by) && InScope(a.SiteId)).Select(a => a.SiteId).ToHashSet();
        foreach (var site in input.Sites.Where(s => sitesUsed.Contains(s.Id)))
        {
            foreach (var course in input.Courses)
            {
                foreach (var days in problem.Patterns(course, by))
                {
                    if (days.Any(d => site.SessionsPerDay - site.Booked.GetValueOrDefault(d) <= 0))
                    {
                        continue;
                    }
                    candidates.Add(new Candidate(course, site, days));
                    var v = model.NewBoolVar("");
                    model.AddHint(v, hinted.Contains((course.Id, site.Id, days[0])) ? 1 : 0);
                    open.Add(v);
                }
            }
        }

        var bySiteCourse = Enumerable.Range(0, candidates.Count).ToLookup(k => (candidates[k].Site.Id, candidates[k].Course.Id));
        var seatsOf = Enumerable.Range(0, candidates.Count).Select(_ => new List<BoolVar>()).ToList();
        var seatVars = new List<(int Advisor, int K, BoolVar X)>();
        var removal = new List<BoolVar>[input.Cells.Count];
        var removalSeats = new List<int>[input.Cells.Count];
        var hintRemoved = new int[input.Cells.Count];
        var completing = new List<BoolVar>();
        var objective = LinearExpr.NewBuilder();
        var hintedSeats = hint.SelectMany(s => s.Advisors.Select(a => (a, s.CourseId, s.SiteId, s.Days[0]))).ToHashSet();
        var hintedTaken = hint.SelectMany(s => s.Advisors.Select(a => (a, s.CourseId))).ToHashSet();
        var hintedComplete = hint.Where(s => s.LastDay <= by).SelectMany(s => s.Advisors.Select(a => (a, s.CourseId))).ToHashSet();

        foreach (var advisor in input.Advisors.Where(a => problem.Trainable(a, by) && InScope(a.SiteId)))
        {
            var byDay = new Dictionary<DateOnly, List<BoolVar>>();
            var byWeek = new Dictionary<DateOnly, LinearExprBuilder>();
            var coursesTaken = new List<BoolVar>();
            foreach (var courseId in advisor.MissingCourses)
            {
                var seats = new List<BoolVar>();
                foreach (var k in bySiteCourse[(advisor.SiteId, courseId)])
                {
                    var candidate = candidates[k];
                    if (!problem.Available(advisor, candidate.Days, new HashSet<DateOnly>()))
                    {
                        continue;
                    }
                    var x = model.NewBoolVar("");
                    var inHint = hintedSeats.Contains((advisor.Id, courseId, advisor.SiteId, candidate.Days[0]));
                    model.AddHint(x, inHint ? 1 : 0);
                    seats.Add(x);
                    seatsOf[k].Add(x);
                    seatVars.Add((advisor.Id, k, x));
                    objective.AddTerm(x, SeatWeight);
                    foreach (var d in candidate.Days)
                    {
                        if (!byDay.TryGetValue(d, out var onDay))
                        {
                            byDay[d] = onDay = [];
                        }
                        onDay.Add(x);
                        var monday = LocalCalendar.MondayOf(d);
                        if (!byWeek.TryGetValue(monday, out var week))
                        {
                            byWeek[monday] = week = LinearExpr.NewBuilder();
                        }
                        week.Add(x);
                    }
                    foreach (var c in problem.CellsOf(advisor, candidate.Days))
                    {
                        (removal[c] ??= []).Add(x);
                        (removalSeats[c] ??= []).Add(seatVars.Count);
                        if (inHint)
                        {
                            hintRemoved[c]++;
                        }
                    }
                }
                var took = model.NewBoolVar("");
                model.AddHint(took, hintedTaken.Contains((advisor.Id, courseId)) ? 1 : 0);
                if (seats.Count > 0)
                {
                    model.Add(LinearExpr.Sum(seats) == took);
                }
                else
                {
                    model.Add(took == 0);
                }
                coursesTaken.Add(took);
            }
            foreach (var onDay in byDay.Values.Where(v => v.Count > 1))
            {
                model.AddAtMostOne(onDay);
            }
            foreach (var (monday, week) in byWeek)
            {
                var sunday = monday.AddDays(6);
                var existing = advisor.TrainingDays.Count(d => d >= monday && d <= sunday);
                model.Add(week <= Math.Max(0, input.MaxDaysPerWeek - existing));
            }
            var complete = model.NewBoolVar("");
            foreach (var took in coursesTaken)
            {
                model.AddImplication(complete, took);
            }
            model.AddHint(complete, advisor.MissingCourses.All(c => hintedComplete.Contains((advisor.Id, c))) ? 1 : 0);
            completing.Add(complete);
        }

        for (var k = 0; k < candidates.Count; k++)
        {
            if (seatsOf[k].Count == 0)
            {
                model.Add(open[k] == 0);
                continue;
            }
            model.Add(LinearExpr.Sum(seatsOf[k]) <= candidates[k].Course.Capacity * open[k]);
            objective.AddTerm(open[k], SessionWeight + (DayLaterWeight * (candidates[k].Days[^1].DayNumber - input.From.DayNumber)));
        }
        foreach (var group in Enumerable.Range(0, candidates.Count)
            .SelectMany(k => candidates[k].Days.Select(d => (k, d)))
            .GroupBy(p => (candidates[p.k].Site.Id, p.d)))
        {
            var site = problem.Sites[group.Key.Item1];
            var rooms = site.SessionsPerDay - site.Booked.GetValueOrDefault(group.Key.d);
            if (group.Count() > rooms)
            {
                model.Add(LinearExpr.Sum(group.Select(p => open[p.k])) <= rooms);
            }
        }
        model.Add(LinearExpr.Sum(completing) >= scope.Completions);

        // Consecutive half-hours are mostly supplied by the same advisors: such cells share one floor constraint (the
        // tightest) and one lost-coverage variable per distinct surplus, which keeps the model a fraction of its size.
        var shared = new Dictionary<string, (List<BoolVar> Xs, int Hinted, int Budget, Dictionary<int, int> Surpluses)>(StringComparer.Ordinal);
        for (var c = 0; c < input.Cells.Count; c++)
        {
            if (removal[c] is not { } xs)
            {
                continue;
            }
            // What the fixed part of the plan already takes from the half-hour is no longer this model's to give.
            var budget = problem.Budget[c] - fixedRemoved[c];
            var surplus = problem.Surplus[c] - fixedRemoved[c];
            if (budget >= xs.Count && surplus >= xs.Count)
            {
                continue;
            }
            var key = string.Join(',', removalSeats[c]!);
            if (!shared.TryGetValue(key, out var group))
            {
                group = (xs, hintRemoved[c], int.MaxValue, []);
            }
            var surpluses = group.Surpluses;
            if (surplus < xs.Count)
            {
                surpluses[surplus] = surpluses.GetValueOrDefault(surplus) + 1;
            }
            shared[key] = group with { Budget = Math.Min(group.Budget, budget) };
        }
        foreach (var (xs, hintedRemoved, budget, surpluses) in shared.Values)
        {
            var sum = LinearExpr.Sum(xs);
            if (budget < xs.Count)
            {
                model.Add(sum <= Math.Max(0, budget));
            }
            foreach (var (surplus, cells) in surpluses)
            {
                var lost = model.NewIntVar(0, xs.Count + Math.Max(0, -surplus), "");
                model.Add(lost >= sum - surplus);
                model.AddHint(lost, Math.Max(0, hintedRemoved - surplus));
                objective.AddTerm(lost, LostWeight * cells);
            }
        }
        model.Minimize(objective);

        var solver = new CpSolver
        {
            StringParameters = string.Create(CultureInfo.InvariantCulture,
                $"max_time_in_seconds:{Math.Max(0.1, limit.TotalSeconds):0.###} num_workers:{Math.Max(1, workers)}")
                // A site's turn lasts a second or two: presolving its model took all of it, and the search then never
                // started from the hint. Without presolve the hint is the first solution and the search improves it.
                + (scope.Sites is null ? "" : " cp_model_presolve:false"),
        };
        CpSolverStatus status;
        using (cancellationToken.Register(solver.StopSearch))
        {
            status = solver.Solve(model);
        }
        if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
        {
            return new Outcome(null, false);
        }

        var enrolled = Enumerable.Range(0, candidates.Count).Select(_ => new List<int>()).ToList();
        foreach (var (advisorId, k, x) in seatVars.Where(s => solver.BooleanValue(s.X)))
        {
            enrolled[k].Add(advisorId);
        }
        var result = Enumerable.Range(0, candidates.Count).Where(k => enrolled[k].Count > 0)
            .Select(k => new ProposedSession(candidates[k].Course.Id, candidates[k].Course.Code, candidates[k].Site.Id, candidates[k].Site.Code,
                candidates[k].Days, candidates[k].Course.Capacity, enrolled[k]))
            .OrderBy(s => s.Days[0]).ThenBy(s => s.Site, StringComparer.Ordinal).ThenBy(s => s.Course, StringComparer.Ordinal).ToList();
        return new Outcome(result, status == CpSolverStatus.Optimal);
    }
}
