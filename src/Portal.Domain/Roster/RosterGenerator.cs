using System.Diagnostics;
using Portal.Domain.Assignments;
using Portal.Domain.Time;

namespace Portal.Domain.Roster;

/// <summary>
/// Proposes a region's week of shifts on some channels (specification section 11): a greedy roster first, then CP-SAT
/// improves it team by team within the time limit. Every proposed shift keeps the planning rules of
/// <see cref="PlanningRules"/>; the objective is, in order, the gap (core half hours first, then evening and weekend,
/// then night), over-coverage, changes to the current plan, and evenings and Saturdays spread over the team.
/// </summary>
public sealed class RosterGenerator(PlanningRules rules, LocalCalendar calendar)
{
    /// <param name="progress">The share of the solving done, from 0 to 1, after each team.</param>
    public RosterDraft Propose(RosterRequest request, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var problem = RosterProblem.Build(request, rules, calendar);
        var greedy = GreedyRoster.Solve(problem);
        // The current plan, where it still keeps the rules, is the start when the greedy roster does worse than it:
        // a proposal never leaves the director worse off than the week already planned.
        var current = problem.Candidates.Select(c => c.Existing).ToArray();
        var selected = (bool[])(problem.Cost(current) < problem.Cost(greedy) ? current : greedy).Clone();

        // The bound takes its time from the limit before the solver: a share, so that the solving keeps most of it.
        var (boundCore, boundAll) = RosterLowerBound.HalfHours(problem, selected, request.TimeLimit * BoundShare);

        var teams = Teams(problem, request);
        var total = Math.Max(1, problem.Candidates.Count);
        var workers = request.Workers > 0 ? request.Workers : Environment.ProcessorCount;
        bool improved = false, optimal = teams.Count == 1;
        var done = 0;
        foreach (var team in teams)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            var size = team.Sum(a => problem.ByAdvisor[a].Count);
            var remaining = request.TimeLimit - clock.Elapsed;
            var share = teams.Count == 1 ? remaining : remaining * Math.Min(1, size / (double)Math.Max(1, total - done));
            done += size;
            if (share <= TimeSpan.Zero)
            {
                optimal = false;
                break;
            }
            var outcome = CpSatRoster.Improve(problem, team, selected, share, workers, cancellationToken);
            improved |= outcome.Improved;
            optimal &= outcome.Optimal;
            progress?.Report(done / (double)total);
        }

        var status = cancellationToken.IsCancellationRequested ? RosterSolveStatus.Cancelled
            : optimal ? RosterSolveStatus.Optimal
            : improved ? RosterSolveStatus.Feasible
            : RosterSolveStatus.Greedy;
        return Draft(problem, selected, greedy, (All: boundAll / 2.0, Core: boundCore / 2.0), status, clock.Elapsed.TotalSeconds);
    }

    private const double BoundShare = 0.2;

    /// <summary>Advisors in teams (sites) of at most the model size the request allows; a single team when the week is small.</summary>
    private static List<List<int>> Teams(RosterProblem problem, RosterRequest request)
    {
        var planned = Enumerable.Range(0, problem.ByAdvisor.Length).Where(a => problem.ByAdvisor[a].Count > 0).ToList();
        if (problem.Candidates.Count <= request.MaxCandidatesPerModel)
        {
            return [planned];
        }
        var teams = new List<List<int>>();
        foreach (var site in planned.GroupBy(a => request.Teams.GetValueOrDefault(request.Advisors[a].AdvisorId)).OrderBy(g => g.Key))
        {
            List<int> current = [];
            var size = 0;
            foreach (var a in site)
            {
                if (size > 0 && size + problem.ByAdvisor[a].Count > request.MaxCandidatesPerModel)
                {
                    teams.Add(current);
                    (current, size) = ([], 0);
                }
                current.Add(a);
                size += problem.ByAdvisor[a].Count;
            }
            teams.Add(current);
        }
        return teams;
    }

    /// <param name="bound">The lower bounds in staff-hours, on all slots and on the core ones.</param>
    private RosterDraft Draft(RosterProblem problem, bool[] selected, bool[] greedy, (double All, double Core) bound, RosterSolveStatus status, double seconds)
    {
        var request = problem.Request;
        var channels = request.Channels.Select(c => c.Coverage.Channel.Id).ToList();
        List<Shift> Plan(bool[] chosen, int c) =>
        [
            .. problem.Fixed[c].Where(s => s.Date >= request.Monday),
            .. problem.Candidates.Where((x, i) => chosen[i] && x.Shift.ChannelId == channels[c]).Select(x => x.Shift),
        ];
        List<Shift> WithPreviousNights(bool[] chosen, int c) => [.. problem.Fixed[c].Where(s => s.Date < request.Monday), .. Plan(chosen, c)];

        var shifts = Enumerable.Range(0, channels.Count).SelectMany(c => Plan(selected, c)).ToList();
        var kept = new HashSet<Shift>(problem.Candidates.Where((x, i) => selected[i] && x.Existing).Select(x => x.Shift), ReferenceEqualityComparer.Instance);
        var before = RosterCoverage.Figures(request, calendar,
            [.. Enumerable.Range(0, channels.Count).Select(c => problem.Fixed[c].Concat(problem.Current.Where(s => s.ChannelId == channels[c])))]);
        var after = RosterCoverage.Figures(request, calendar, [.. Enumerable.Range(0, channels.Count).Select(c => WithPreviousNights(selected, c))]);
        var baseline = RosterCoverage.Figures(request, calendar, [.. Enumerable.Range(0, channels.Count).Select(c => WithPreviousNights(greedy, c))]);
        return new RosterDraft(
            shifts,
            problem.Candidates.Where((x, i) => selected[i] && !x.Existing).Select(x => x.Shift).ToList(),
            problem.Current.Where(s => !kept.Contains(s)).ToList(),
            before, after, baseline, LowerBound: bound.All, LowerBoundCore: bound.Core, status, seconds);
    }
}
