namespace Portal.Domain.Roster;

/// <summary>
/// The fast construction: round after round, each advisor takes the one shift that most reduces the weighted gap
/// (less the over-coverage it adds) among those still allowed, until no shift helps. It gives the solver its first
/// solution and the benchmark its baseline.
/// </summary>
internal static class GreedyRoster
{
    public static bool[] Solve(RosterProblem problem)
    {
        var selected = new bool[problem.Candidates.Count];
        var index = new Dictionary<Candidate, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < problem.Candidates.Count; i++)
        {
            index[problem.Candidates[i]] = i;
        }
        var supply = new int[problem.Need.Length];
        var chosen = problem.ByAdvisor.Select(_ => new Candidate?[7]).ToArray();
        var minutes = new int[problem.ByAdvisor.Length];
        var published = problem.Request.Published;

        for (var round = 0; round < 7; round++)
        {
            var any = false;
            for (var a = 0; a < problem.ByAdvisor.Length; a++)
            {
                Candidate? best = null;
                long bestGain = 0;
                foreach (var c in problem.ByAdvisor[a])
                {
                    if (chosen[a][c.Day] is not null || minutes[a] + c.WorkedMinutes > problem.WeeklyMinutes[a] || ConflictsWithChosen(problem, chosen[a], c))
                    {
                        continue;
                    }
                    long gain = c.Existing ? RosterWeights.Change : published ? -RosterWeights.Change : 0;
                    foreach (var g in c.Covers)
                    {
                        gain += supply[g] < problem.Need[g] ? problem.UnderWeight[g] : -RosterWeights.OverCovered;
                    }
                    if (gain > bestGain)
                    {
                        (best, bestGain) = (c, gain);
                    }
                }
                if (best is null)
                {
                    continue;
                }
                any = true;
                chosen[a][best.Day] = best;
                minutes[a] += best.WorkedMinutes;
                selected[index[best]] = true;
                foreach (var g in best.Covers)
                {
                    supply[g]++;
                }
            }
            if (!any)
            {
                break;
            }
        }
        return selected;
    }

    private static bool ConflictsWithChosen(RosterProblem problem, Candidate?[] chosen, Candidate candidate)
    {
        for (var d = Math.Max(0, candidate.Day - 2); d <= Math.Min(6, candidate.Day + 2); d++)
        {
            if (d != candidate.Day && chosen[d] is { } other && problem.Conflict(candidate, other))
            {
                return true;
            }
        }
        return false;
    }
}
