namespace Portal.Domain.Roster;

/// <summary>
/// The fast construction: round after round, each advisor takes the one shift that most reduces the weighted gap
/// (less the over-coverage it adds) among those still allowed, until no shift helps; then each chosen shift is swapped
/// for the advisor's best other shift of the day (or dropped) while that lowers the objective, and the rounds run again
/// on what the swaps freed. It gives the solver its first solution and the benchmark its baseline.
/// </summary>
internal sealed class GreedyRoster
{
    private readonly RosterProblem problem;
    private readonly int[] supply;
    private readonly Candidate?[][] chosen;
    private readonly int[] minutes;

    private GreedyRoster(RosterProblem problem)
    {
        this.problem = problem;
        supply = new int[problem.Need.Length];
        chosen = problem.ByAdvisor.Select(_ => new Candidate?[7]).ToArray();
        minutes = new int[problem.ByAdvisor.Length];
    }

    public static bool[] Solve(RosterProblem problem)
    {
        var greedy = new GreedyRoster(problem);
        greedy.Construct();
        for (var pass = 0; pass < 3 && greedy.Swap(); pass++)
        {
            greedy.Construct();
        }
        var picked = new HashSet<Candidate>(greedy.chosen.SelectMany(days => days).OfType<Candidate>(), ReferenceEqualityComparer.Instance);
        return problem.Candidates.Select(picked.Contains).ToArray();
    }

    private void Construct()
    {
        for (var round = 0; round < 7; round++)
        {
            var any = false;
            for (var a = 0; a < problem.ByAdvisor.Length; a++)
            {
                Candidate? best = null;
                long bestGain = 0;
                foreach (var c in problem.ByAdvisor[a])
                {
                    if (chosen[a][c.Day] is not null || !Allowed(a, c))
                    {
                        continue;
                    }
                    var gain = -AddCost(c);
                    if (gain > bestGain)
                    {
                        (best, bestGain) = (c, gain);
                    }
                }
                if (best is not null)
                {
                    Take(best);
                    any = true;
                }
            }
            if (!any)
            {
                break;
            }
        }
    }

    /// <summary>One pass of swaps over every chosen shift; whether any lowered the objective.</summary>
    private bool Swap()
    {
        var improved = false;
        for (var a = 0; a < problem.ByAdvisor.Length; a++)
        {
            for (var day = 0; day < 7; day++)
            {
                if (chosen[a][day] is not { } current)
                {
                    continue;
                }
                Drop(current);
                var keep = AddCost(current);
                Candidate? best = null;
                var bestCost = Math.Min(0, keep);
                foreach (var c in problem.ByAdvisor[a])
                {
                    if (c.Day != day || ReferenceEquals(c, current) || !Allowed(a, c))
                    {
                        continue;
                    }
                    var cost = AddCost(c);
                    if (cost < bestCost)
                    {
                        (best, bestCost) = (c, cost);
                    }
                }
                if (best is not null)
                {
                    Take(best);
                    improved = true;
                }
                else if (keep <= 0)
                {
                    Take(current);
                }
                else
                {
                    improved = true;
                }
            }
        }
        return improved;
    }

    /// <summary>What adding the shift changes in the objective (negative: better), the other choices as they are.</summary>
    private long AddCost(Candidate c)
    {
        long cost = c.Existing ? -RosterWeights.Change : problem.Request.Published ? RosterWeights.Change : 0;
        foreach (var g in c.Covers)
        {
            cost += supply[g] < problem.Need[g] ? -problem.UnderWeight[g] : RosterWeights.OverCovered;
        }
        return cost;
    }

    private bool Allowed(int a, Candidate candidate)
    {
        if (minutes[a] + candidate.WorkedMinutes > problem.WeeklyMinutes[a])
        {
            return false;
        }
        for (var d = Math.Max(0, candidate.Day - 2); d <= Math.Min(6, candidate.Day + 2); d++)
        {
            if (d != candidate.Day && chosen[a][d] is { } other && problem.Conflict(candidate, other))
            {
                return false;
            }
        }
        return true;
    }

    private void Take(Candidate c)
    {
        chosen[c.Advisor][c.Day] = c;
        minutes[c.Advisor] += c.WorkedMinutes;
        foreach (var g in c.Covers)
        {
            supply[g]++;
        }
    }

    private void Drop(Candidate c)
    {
        chosen[c.Advisor][c.Day] = null;
        minutes[c.Advisor] -= c.WorkedMinutes;
        foreach (var g in c.Covers)
        {
            supply[g]--;
        }
    }
}
