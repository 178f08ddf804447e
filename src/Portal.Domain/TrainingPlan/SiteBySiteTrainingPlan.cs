using System.Diagnostics;

namespace Portal.Domain.TrainingPlan;

/// <summary>
/// CP-SAT on a large region, one site at a time: a site's advisors only take sessions at their site and its rooms are
/// its own, so the sites share only the core half-hours and the gate. Each site is solved with the other sites'
/// sessions held as they are (the half-hours' budget and surplus reduced by what those take away, the site asked for
/// as many completions as the rest of the plan leaves to reach the gate, the plan's sessions there as the hint), and
/// its new sessions are taken only when the whole plan still keeps every rule and costs less. The sites are visited in
/// turn until each has been solved to optimality since the last change, or the time is up.
/// </summary>
internal static class SiteBySiteTrainingPlan
{
    // Below this a site's model has barely loaded its hint when the time is up.
    private static readonly TimeSpan ShortestTurn = TimeSpan.FromSeconds(1);

    public sealed record Outcome(IReadOnlyList<ProposedSession> Sessions, bool Improved);

    public static Outcome Improve(TrainingPlanProblem problem, DateOnly by, IReadOnlyList<ProposedSession> incumbent, TimeSpan limit, int workers,
        CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var input = problem.Input;
        var sites = input.Advisors.Where(a => problem.Trainable(a, by))
            .Select(a => a.SiteId).Distinct().Order().ToList();
        var plan = incumbent;
        var cost = CpSatTrainingPlan.Cost(problem, plan);
        var improved = false;
        var settled = new HashSet<int>();
        while (settled.Count < sites.Count && !cancellationToken.IsCancellationRequested)
        {
            foreach (var site in sites.Where(s => !settled.Contains(s)).ToList())
            {
                var remaining = limit - clock.Elapsed;
                if (remaining < ShortestTurn || cancellationToken.IsCancellationRequested)
                {
                    return new Outcome(plan, improved);
                }
                var turn = remaining / Math.Max(1, sites.Count - settled.Count);
                var held = plan.Where(s => s.SiteId != site).ToList();
                var scope = new CpSatTrainingPlan.Scope(new HashSet<int> { site }, held, Math.Max(0, input.AdvisorsNeeded - problem.Completed(held, by)));
                var outcome = CpSatTrainingPlan.Improve(problem, by, [.. plan.Where(s => s.SiteId == site)], scope,
                    turn < ShortestTurn ? ShortestTurn : turn, workers, cancellationToken);
                if (outcome.Sessions is { } sessions)
                {
                    var candidate = held.Concat(sessions).OrderBy(s => s.Days[0]).ThenBy(s => s.Site, StringComparer.Ordinal)
                        .ThenBy(s => s.Course, StringComparer.Ordinal).ToList();
                    var candidateCost = CpSatTrainingPlan.Cost(problem, candidate);
                    if (candidateCost < cost && problem.Keeps(candidate, by))
                    {
                        (plan, cost, improved) = (candidate, candidateCost, true);
                        // The other sites were best for the half-hours as this site left them, not as it leaves them now.
                        settled.Clear();
                    }
                }
                if (outcome.Optimal)
                {
                    settled.Add(site);
                }
            }
        }
        return new Outcome(plan, improved);
    }
}
