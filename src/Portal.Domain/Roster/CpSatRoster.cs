using Google.OrTools.Sat;

namespace Portal.Domain.Roster;

/// <summary>
/// The CP-SAT model of one team's week, the other teams' shifts held as they are: a yes/no per candidate shift, at
/// most one shift a day, rest and overlap between days, the weekly limit, and per half hour the gap and the surplus
/// against the need, weighted in the specification's order. Starts from the given selection (the greedy roster).
/// </summary>
internal static class CpSatRoster
{
    public sealed record Outcome(bool Improved, bool Optimal);

    /// <summary>Improves <paramref name="selected"/> in place for the advisors of <paramref name="team"/>.</summary>
    public static Outcome Improve(RosterProblem problem, IReadOnlyList<int> team, bool[] selected, TimeSpan limit, int workers,
        CancellationToken cancellationToken)
    {
        var model = new CpModel();
        var index = new Dictionary<Candidate, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < problem.Candidates.Count; i++)
        {
            index[problem.Candidates[i]] = i;
        }
        var inTeam = new HashSet<int>(team);

        var baseSupply = new int[problem.Need.Length];
        for (var i = 0; i < problem.Candidates.Count; i++)
        {
            if (selected[i] && !inTeam.Contains(problem.Candidates[i].Advisor))
            {
                foreach (var g in problem.Candidates[i].Covers)
                {
                    baseSupply[g]++;
                }
            }
        }

        var objective = LinearExpr.NewBuilder();
        var vars = new Dictionary<int, BoolVar>();
        var byInterval = new Dictionary<int, List<BoolVar>>();
        var evenings = new List<LinearExpr>();
        var eveningHints = new List<int>();
        foreach (var a in team)
        {
            var list = problem.ByAdvisor[a];
            var x = list.Select(c =>
            {
                var v = model.NewBoolVar("");
                var i = index[c];
                vars[i] = v;
                model.AddHint(v, selected[i] ? 1 : 0);
                foreach (var g in c.Covers)
                {
                    if (!byInterval.TryGetValue(g, out var covering))
                    {
                        byInterval[g] = covering = [];
                    }
                    covering.Add(v);
                }
                if (c.Existing)
                {
                    objective.AddTerm(v, -RosterWeights.Change);
                }
                else if (problem.Request.Published)
                {
                    objective.AddTerm(v, RosterWeights.Change);
                }
                return v;
            }).ToList();

            for (var day = 0; day < 7; day++)
            {
                var onDay = x.Where((_, k) => list[k].Day == day).ToList();
                if (onDay.Count > 1)
                {
                    model.AddAtMostOne(onDay);
                }
            }
            // Candidates of a day are exclusive already, so a shift and all it conflicts with on the next two days
            // take at most one place between them; shifts of the same hours share the constraint.
            foreach (var group in Enumerable.Range(0, list.Count).GroupBy(k => (list[k].Day, list[k].StartUtc, list[k].EndUtc)))
            {
                var first = list[group.First()];
                var conflicting = Enumerable.Range(0, list.Count)
                    .Where(k => list[k].Day > first.Day && list[k].Day <= first.Day + 2 && problem.Conflict(first, list[k]))
                    .Select(k => x[k]).ToList();
                if (conflicting.Count > 0)
                {
                    model.Add(LinearExpr.Sum(group.Select(k => x[k]).Concat(conflicting)) <= 1);
                }
            }
            if (list.Sum(c => c.WorkedMinutes) > problem.WeeklyMinutes[a])
            {
                model.Add(LinearExpr.WeightedSum(x, list.Select(c => (long)c.WorkedMinutes)) <= Math.Max(0, problem.WeeklyMinutes[a]));
            }
            var evening = x.Where((_, k) => list[k].EveningOrSaturday).ToList();
            if (evening.Count > 0)
            {
                evenings.Add(LinearExpr.Sum(evening));
                eveningHints.Add(list.Count(c => c.EveningOrSaturday && selected[index[c]]));
            }
        }

        // A complete hint (the gaps and surpluses of the start too) gives the solver its first solution at once.
        var hinted = new int[problem.Need.Length];
        foreach (var a in team)
        {
            foreach (var c in problem.ByAdvisor[a].Where(c => selected[index[c]]))
            {
                foreach (var g in c.Covers)
                {
                    hinted[g]++;
                }
            }
        }
        foreach (var (g, covering) in byInterval)
        {
            var residual = problem.Need[g] - baseSupply[g];
            var under = model.NewIntVar(0, Math.Max(0, residual), "");
            // Other teams may already over-cover the half hour: the surplus starts above zero then.
            var over = model.NewIntVar(0, covering.Count + Math.Max(0, -residual), "");
            model.Add(LinearExpr.Sum(covering) + under - over == residual);
            model.AddHint(under, Math.Max(0, residual - hinted[g]));
            model.AddHint(over, Math.Max(0, hinted[g] - residual));
            objective.AddTerm(under, problem.UnderWeight[g]);
            objective.AddTerm(over, RosterWeights.OverCovered);
        }
        if (evenings.Count > 0)
        {
            var most = model.NewIntVar(0, 7, "");
            model.AddHint(most, eveningHints.DefaultIfEmpty().Max());
            foreach (var e in evenings)
            {
                model.Add(most >= e);
            }
            objective.AddTerm(most, RosterWeights.Unfairness);
        }
        model.Minimize(objective);

        // Without presolve the search starts from the hint at once: on a team of a large region presolve alone can
        // outlast the team's share of the time limit, and the solver then answers no solution at all.
        var solver = new CpSolver
        {
            StringParameters = string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"max_time_in_seconds:{Math.Max(0.1, limit.TotalSeconds):0.###} num_workers:{Math.Max(1, workers)} cp_model_presolve:false"),
        };
        CpSolverStatus status;
        using (cancellationToken.Register(solver.StopSearch))
        {
            status = solver.Solve(model);
        }
        if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
        {
            return new Outcome(false, false);
        }

        var before = problem.Cost(selected);
        var proposal = (bool[])selected.Clone();
        foreach (var (i, v) in vars)
        {
            proposal[i] = solver.BooleanValue(v);
        }
        var after = problem.Cost(proposal);
        if (after > before)
        {
            return new Outcome(false, false);
        }
        Array.Copy(proposal, selected, selected.Length);
        return new Outcome(after < before, status == CpSolverStatus.Optimal);
    }
}
