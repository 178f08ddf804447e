using Google.OrTools.Sat;

namespace Portal.Domain.Roster;

/// <summary>
/// The CP-SAT model of one team's week, the other teams' shifts held as they are: a yes/no per candidate shift, at
/// most one shift a day, rest and overlap between days, the weekly limit, and per half hour the gap and the surplus
/// against the need. The objective's levels are solved one after the other in the specification's order (core gap,
/// other gap, surplus, changes, unfairness), each level's best value then held as a constraint for the next, sharing
/// the time limit; every solve starts from the previous one's answer, the first from the given selection (the greedy
/// roster), so no level ends worse than where it started.
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

        Level core = new(4, true), other = new(2, true), surplus = new(2, true), changes = new(1, false), unfairness = new(1, true);
        // Every variable with its current value: the hint of the next solve.
        var hints = new List<(IntVar Var, long Value)>();
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
                hints.Add((v, selected[i] ? 1 : 0));
                foreach (var g in c.Covers)
                {
                    if (!byInterval.TryGetValue(g, out var covering))
                    {
                        byInterval[g] = covering = [];
                    }
                    covering.Add(v);
                }
                // A current shift kept saves a change (the constant, every current shift removed, is left out).
                if (c.Existing)
                {
                    changes.Add(v, -1);
                }
                else if (problem.Request.Published)
                {
                    changes.Add(v, 1);
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
            hints.Add((under, Math.Max(0, residual - hinted[g])));
            hints.Add((over, Math.Max(0, hinted[g] - residual)));
            if (residual > 0 && problem.UnderWeight[g] == RosterWeights.UncoveredCore)
            {
                core.Add(under, 1);
            }
            else if (residual > 0)
            {
                other.Add(under, RosterCost.OtherWeight(problem.UnderWeight[g]));
            }
            surplus.Add(over, 1);
        }
        if (evenings.Count > 0)
        {
            var most = model.NewIntVar(0, 7, "");
            hints.Add((most, eveningHints.DefaultIfEmpty().Max()));
            foreach (var e in evenings)
            {
                model.Add(most >= e);
            }
            unfairness.Add(most, 1);
        }

        // A level's share of the time is its weight over the levels still to solve: time one level leaves unused goes
        // to the next. A level that cannot go below what it starts at (nothing uncovered) is held without a solve.
        Level[] levels = [core, other, surplus, changes, unfairness];
        var values = new long[hints.Count];
        foreach (var (v, value) in hints)
        {
            values[v.GetIndex()] = value;
        }
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var optimal = true;
        var solvedAny = false;
        for (var k = 0; k < levels.Length; k++)
        {
            var level = levels[k];
            if (level.Vars.Count == 0)
            {
                continue;
            }
            if (level.FloorIsZero && level.Value(values) == 0)
            {
                model.Add(level.Expr() <= 0);
                continue;
            }
            var left = limit - clock.Elapsed;
            var share = left * (level.Weight / (double)levels.Skip(k).Where(l => l.Vars.Count > 0).Sum(l => l.Weight));
            if (cancellationToken.IsCancellationRequested || share <= TimeSpan.Zero)
            {
                optimal = false;
                break;
            }
            model.ClearHints();
            foreach (var (v, _) in hints)
            {
                model.AddHint(v, values[v.GetIndex()]);
            }
            model.Minimize(level.Expr());
            var solver = Solver(share, workers);
            CpSolverStatus status;
            using (cancellationToken.Register(solver.StopSearch))
            {
                status = solver.Solve(model);
            }
            if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
            {
                optimal = false;
                break;
            }
            solvedAny = true;
            optimal &= status == CpSolverStatus.Optimal;
            foreach (var (v, _) in hints)
            {
                values[v.GetIndex()] = solver.Value(v);
            }
            model.Add(level.Expr() <= level.Value(values));
        }
        if (!solvedAny)
        {
            return new Outcome(false, optimal);
        }

        var before = problem.Cost(selected);
        var proposal = (bool[])selected.Clone();
        foreach (var (i, v) in vars)
        {
            proposal[i] = values[v.GetIndex()] == 1;
        }
        var after = problem.Cost(proposal);
        if (after > before)
        {
            return new Outcome(false, false);
        }
        Array.Copy(proposal, selected, selected.Length);
        return new Outcome(after < before, optimal);
    }

    // Without presolve the search starts from the hint at once: on a team of a large region presolve alone can
    // outlast the team's share of the time limit, and the solver then answers no solution at all.
    private static CpSolver Solver(TimeSpan limit, int workers) => new()
    {
        StringParameters = string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"max_time_in_seconds:{Math.Max(0.1, limit.TotalSeconds):0.###} num_workers:{Math.Max(1, workers)} cp_model_presolve:false"),
    };

    /// <summary>
    /// One level of the objective: its terms, its weight in the time shared between levels, and whether it cannot go
    /// below zero (all but the changes, counted from every current shift removed).
    /// </summary>
    private sealed class Level(int weight, bool floorIsZero)
    {
        public int Weight { get; } = weight;
        public bool FloorIsZero { get; } = floorIsZero;
        public List<IntVar> Vars { get; } = [];
        public List<long> Coefficients { get; } = [];

        public void Add(IntVar v, long coefficient)
        {
            Vars.Add(v);
            Coefficients.Add(coefficient);
        }

        public LinearExpr Expr()
        {
            var builder = LinearExpr.NewBuilder();
            for (var t = 0; t < Vars.Count; t++)
            {
                builder.AddTerm(Vars[t], Coefficients[t]);
            }
            return builder;
        }

        public long Value(long[] values)
        {
            long sum = 0;
            for (var t = 0; t < Vars.Count; t++)
            {
                sum += Coefficients[t] * values[Vars[t].GetIndex()];
            }
            return sum;
        }
    }
}
