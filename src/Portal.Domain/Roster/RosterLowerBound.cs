using Google.OrTools.LinearSolver;

namespace Portal.Domain.Roster;

/// <summary>
/// How far below the proposal's gap no roster can go, in half hours: the linear relaxation of the covering model (a
/// shift may be taken in part), solved by GLOP, and never less than the need no advisor can reach at all.
/// </summary>
/// <remarks>
/// Advisors who may be given exactly the same shifts with the same weekly minutes are one group in the relaxation, a
/// shift taken by as many of them as the group holds; at most one shift a day each and the weekly minutes become the
/// group's sums. Rest between days is left out. Each of these only widens what the relaxation allows, so its optimum
/// stays at or below the best roster's gap; what it gains is a model small enough for a 3,000-advisor region.
/// </remarks>
internal static class RosterLowerBound
{
    /// <summary>The bound on the core gap and on the whole gap (half hours); the per-half-hour bound where GLOP does not finish in time.</summary>
    public static (long Core, long All) HalfHours(RosterProblem problem, bool[] start, TimeSpan limit)
    {
        var reachable = Reachable(problem);
        var supply = new int[problem.Need.Length];
        for (var i = 0; i < start.Length; i++)
        {
            if (start[i])
            {
                foreach (var g in problem.Candidates[i].Covers)
                {
                    supply[g]++;
                }
            }
        }
        long core = 0, all = 0, startCore = 0, startAll = 0;
        for (var g = 0; g < problem.Need.Length; g++)
        {
            var isCore = problem.UnderWeight[g] == RosterWeights.UncoveredCore;
            var unreachable = Math.Max(0, problem.Need[g] - reachable[g]);
            all += unreachable;
            core += isCore ? unreachable : 0;
            var gap = Math.Max(0, problem.Need[g] - supply[g]);
            startAll += gap;
            startCore += isCore ? gap : 0;
        }
        var clock = System.Diagnostics.Stopwatch.StartNew();
        // The start reaching the simple bound is the best possible already: no relaxation to solve.
        if (startCore > core && Relaxation(problem, onlyCore: true, limit) is { } coreBound)
        {
            core = Math.Max(core, coreBound);
        }
        if (startAll > all && Relaxation(problem, onlyCore: false, limit - clock.Elapsed) is { } allBound)
        {
            all = Math.Max(all, allBound);
        }
        return (core, Math.Max(all, core));
    }

    /// <summary>Per half hour, the advisors who have any shift covering it.</summary>
    private static int[] Reachable(RosterProblem problem)
    {
        var reachable = new int[problem.Need.Length];
        var seen = new int[problem.Need.Length];
        Array.Fill(seen, -1);
        for (var a = 0; a < problem.ByAdvisor.Length; a++)
        {
            foreach (var g in problem.ByAdvisor[a].SelectMany(c => c.Covers))
            {
                if (seen[g] != a)
                {
                    seen[g] = a;
                    reachable[g]++;
                }
            }
        }
        return reachable;
    }

    private static long? Relaxation(RosterProblem problem, bool onlyCore, TimeSpan limit)
    {
        if (limit <= TimeSpan.FromMilliseconds(50))
        {
            return null;
        }
        bool Counted(int g) => problem.Need[g] > 0 && (!onlyCore || problem.UnderWeight[g] == RosterWeights.UncoveredCore);

        // Shifts are told apart by the half hours they cover (the same array for the same hours), their day and length.
        var shapes = new Dictionary<(int[] Covers, int Day, int Minutes), int>(new ShapeComparer());
        var groups = new Dictionary<string, (int Count, int WeeklyMinutes, List<int> Shapes)>();
        var shapeList = new List<(int[] Covers, int Day, int Minutes)>();
        for (var a = 0; a < problem.ByAdvisor.Length; a++)
        {
            var own = new List<int>();
            foreach (var c in problem.ByAdvisor[a])
            {
                if (!c.Covers.Any(Counted))
                {
                    continue;
                }
                var key = (c.Covers, c.Day, c.WorkedMinutes);
                if (!shapes.TryGetValue(key, out var id))
                {
                    shapes[key] = id = shapeList.Count;
                    shapeList.Add(key);
                }
                own.Add(id);
            }
            if (own.Count == 0)
            {
                continue;
            }
            own.Sort();
            var signature = $"{problem.WeeklyMinutes[a]}:{string.Join(',', own.Distinct())}";
            groups[signature] = groups.TryGetValue(signature, out var group)
                ? (group.Count + 1, group.WeeklyMinutes, group.Shapes)
                : (1, problem.WeeklyMinutes[a], own.Distinct().ToList());
        }
        if (groups.Count == 0)
        {
            return null;
        }

        using var solver = Solver.CreateSolver("GLOP");
        if (solver is null)
        {
            return null;
        }
        var covering = new Dictionary<int, Constraint>();
        var objective = solver.Objective();
        for (var g = 0; g < problem.Need.Length; g++)
        {
            if (Counted(g))
            {
                // gap + supply ≥ need, the gap at most the need.
                var gap = solver.MakeNumVar(0, problem.Need[g], "");
                objective.SetCoefficient(gap, 1);
                var constraint = solver.MakeConstraint(problem.Need[g], double.PositiveInfinity, "");
                constraint.SetCoefficient(gap, 1);
                covering[g] = constraint;
            }
        }
        foreach (var (count, weekly, own) in groups.Values)
        {
            var days = new Constraint?[7];
            var week = solver.MakeConstraint(double.NegativeInfinity, (double)count * Math.Max(0, weekly), "");
            foreach (var id in own)
            {
                var (covers, day, minutes) = shapeList[id];
                var y = solver.MakeNumVar(0, count, "");
                (days[day] ??= solver.MakeConstraint(double.NegativeInfinity, count, "")).SetCoefficient(y, 1);
                week.SetCoefficient(y, minutes);
                foreach (var g in covers)
                {
                    if (covering.TryGetValue(g, out var constraint))
                    {
                        constraint.SetCoefficient(y, 1);
                    }
                }
            }
        }
        objective.SetMinimization();
        solver.SetTimeLimit((long)limit.TotalMilliseconds);
        if (solver.Solve() != Solver.ResultStatus.OPTIMAL)
        {
            return null;
        }
        // The gap of a roster is whole half hours: the relaxation's optimum, less the solver's tolerance, rounded up.
        return (long)Math.Ceiling(objective.Value() - 1e-6);
    }

    private sealed class ShapeComparer : IEqualityComparer<(int[] Covers, int Day, int Minutes)>
    {
        public bool Equals((int[] Covers, int Day, int Minutes) x, (int[] Covers, int Day, int Minutes) y) =>
            ReferenceEquals(x.Covers, y.Covers) && x.Day == y.Day && x.Minutes == y.Minutes;

        public int GetHashCode((int[] Covers, int Day, int Minutes) obj) =>
            HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj.Covers), obj.Day, obj.Minutes);
    }
}
