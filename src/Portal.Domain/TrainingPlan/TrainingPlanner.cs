using System.Diagnostics;

namespace Portal.Domain.TrainingPlan;

/// <summary>
/// The training plan to the switch (specification section 11): the sessions and enrolments that bring the training
/// gate to its threshold by the target date, within the training rules of section 6, keeping every core half-hour at
/// the floor or above and losing the least coverage. A greedy plan first, then CP-SAT improves it within the time
/// limit: the whole region in one model, or a large region site by site. When the target cannot be reached, the earliest date that can (searched week by week with the greedy plan,
/// then improved the same way) and the constraint that binds at the target.
/// </summary>
public static class TrainingPlanner
{
    /// <param name="workers">CP-SAT's workers; zero or less uses every core.</param>
    /// <param name="progress">The share of the work done, from 0 to 1.</param>
    public static TrainingPlanProposal Propose(TrainingPlanInput input, TimeSpan timeLimit, int workers = 0, IProgress<double>? progress = null,
        CancellationToken cancellationToken = default) =>
        Propose(input, timeLimit, WholeRegionSeats, workers, progress, cancellationToken);

    /// <summary>
    /// Up to this many possible enrolments (advisor, course, start day) the whole region is one CP-SAT model, which can
    /// prove its plan optimal; beyond it, building and solving that model outlasts the time limit and the region is
    /// solved site by site.
    /// </summary>
    internal const int WholeRegionSeats = 20_000;

    internal static TrainingPlanProposal Propose(TrainingPlanInput input, TimeSpan timeLimit, int wholeRegionSeats, int workers, IProgress<double>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var clock = Stopwatch.StartNew();
        var problem = new TrainingPlanProblem(input);
        var needed = input.AdvisorsNeeded;

        var by = input.Target;
        var greedy = GreedyTrainingPlan.Solve(problem, by);
        var reachable = problem.Completed(greedy, by) >= needed;
        var binding = TrainingPlanBinding.None;
        DateOnly? earliest = reachable ? by : null;
        if (!reachable)
        {
            binding = Binding(problem, by);
            for (var date = by.AddDays(7); date <= input.Horizon && !cancellationToken.IsCancellationRequested; date = date.AddDays(7))
            {
                var later = GreedyTrainingPlan.Solve(problem, date);
                if (problem.Completed(later, date) >= needed)
                {
                    (earliest, greedy, by) = (date, later, date);
                    // Weeks find the date fast; the days before it in its week may reach it too.
                    for (var day = date.AddDays(-1); day > date.AddDays(-7); day = day.AddDays(-1))
                    {
                        var sooner = GreedyTrainingPlan.Solve(problem, day);
                        if (problem.Completed(sooner, day) < needed)
                        {
                            break;
                        }
                        (earliest, greedy, by) = (day, sooner, day);
                    }
                    break;
                }
            }
        }
        progress?.Report(0.1);

        var sessions = greedy;
        var status = TrainingPlanStatus.Greedy;
        var remaining = timeLimit - clock.Elapsed;
        var cores = workers > 0 ? workers : Environment.ProcessorCount;
        if (earliest is not null && remaining > TimeSpan.Zero && !cancellationToken.IsCancellationRequested && greedy.Count > 0)
        {
            if (Seats(problem, by) <= wholeRegionSeats)
            {
                var outcome = CpSatTrainingPlan.Improve(problem, by, greedy, remaining, cores, cancellationToken);
                if (outcome.Sessions is { } improved && problem.Completed(improved, by) >= needed
                    && problem.CoverageLost(improved) <= problem.CoverageLost(greedy))
                {
                    sessions = improved;
                    status = outcome.Optimal ? TrainingPlanStatus.Optimal : TrainingPlanStatus.Feasible;
                }
            }
            else
            {
                var outcome = SiteBySiteTrainingPlan.Improve(problem, by, greedy, remaining, cores, cancellationToken);
                if (outcome.Improved)
                {
                    sessions = outcome.Sessions;
                    status = TrainingPlanStatus.Feasible;
                }
            }
        }
        if (cancellationToken.IsCancellationRequested)
        {
            status = TrainingPlanStatus.Cancelled;
        }
        progress?.Report(1);
        return new TrainingPlanProposal(input.RegionCode, input.Target, reachable, earliest, problem.G2(sessions, input.Target),
            problem.CoverageLost(sessions), sessions, binding, status, problem.CoverageLost(greedy), earliest, clock.Elapsed.TotalSeconds);
    }

    /// <summary>How many enrolments the whole-region model would choose among: per advisor and missing course, the start days by the date.</summary>
    private static long Seats(TrainingPlanProblem problem, DateOnly by)
    {
        var starts = problem.Input.Courses.ToDictionary(c => c.Id, c => (long)problem.Patterns(c, by).Count());
        return problem.Input.Advisors.Where(a => problem.Trainable(a, by)).Sum(a => a.MissingCourses.Sum(c => starts.GetValueOrDefault(c)));
    }

    /// <summary>The training gate on <paramref name="date"/> with the sessions ending by then counted as completed.</summary>
    public static double G2(TrainingPlanInput input, IEnumerable<ProposedSession> sessions, DateOnly date) =>
        new TrainingPlanProblem(input).G2(sessions, date);

    /// <summary>Staff-hours of core coverage the sessions take away on the days from <paramref name="first"/> to <paramref name="last"/>.</summary>
    public static double CoverageLost(TrainingPlanInput input, IEnumerable<ProposedSession> sessions, DateOnly first, DateOnly last)
    {
        var problem = new TrainingPlanProblem(input);
        var removed = problem.Removed(sessions);
        return removed.Select((r, c) => input.Cells[c].Day >= first && input.Cells[c].Day <= last ? Math.Max(0, r - problem.Surplus[c]) : 0).Sum() / 2.0;
    }

    /// <summary>
    /// What stops the target: with unlimited rooms and no floor, the planned sessions that end after it when it would be
    /// reached were they to end in time, or else the working days left; with the floor lifted only, the training slots;
    /// otherwise the coverage.
    /// </summary>
    private static TrainingPlanBinding Binding(TrainingPlanProblem problem, DateOnly by)
    {
        var needed = problem.Input.AdvisorsNeeded;
        var unlimited = new Relaxation(IgnoreCoverage: true, UnlimitedSlots: true);
        if (problem.Completed(GreedyTrainingPlan.Solve(problem, by, unlimited), by) < needed)
        {
            var inTime = new TrainingPlanProblem(problem.Input.WithPlannedEndingBy(by));
            return problem.Input.Advisors.Any(a => !a.PlannedBy(by)) && inTime.Completed(GreedyTrainingPlan.Solve(inTime, by, unlimited), by) >= needed
                ? TrainingPlanBinding.PlannedSessions
                : TrainingPlanBinding.WorkingDays;
        }
        return problem.Completed(GreedyTrainingPlan.Solve(problem, by, new Relaxation(IgnoreCoverage: true, UnlimitedSlots: false)), by) < needed
            ? TrainingPlanBinding.TrainingSlots
            : TrainingPlanBinding.Coverage;
    }
}
