namespace Portal.Domain.Rollout;

/// <summary>One region's place in the rollout plan.</summary>
public sealed record PlannedWave(string RegionCode, int Wave, DateOnly PlannedSwitchDate);

/// <summary>What is wrong with a region's place in a plan.</summary>
public enum PlanError
{
    WaveOutOfRange = 1,
    DateNotAfterPreviousWave = 2,
    TooManyRegionsInWave = 3,
}

public sealed record PlanProblem(string RegionCode, PlanError Error);

/// <summary>
/// The rollout plan's rules: waves are numbered 1 to the number of regions; every date of a wave comes after every date
/// of the waves before it; a wave holds at most <see cref="RolloutSettings.MaxRegionsPerWave"/> regions (one unless the
/// plan allows more).
/// </summary>
public static class RolloutPlanRules
{
    public static IReadOnlyList<PlanProblem> Validate(IReadOnlyList<PlannedWave> plan, int maxRegionsPerWave)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var problems = new List<PlanProblem>();
        foreach (var entry in plan.Where(p => p.Wave < 1 || p.Wave > plan.Count))
        {
            problems.Add(new(entry.RegionCode, PlanError.WaveOutOfRange));
        }
        var waves = plan.Where(p => p.Wave >= 1 && p.Wave <= plan.Count).GroupBy(p => p.Wave).OrderBy(g => g.Key).ToList();
        DateOnly? previousLatest = null;
        foreach (var wave in waves)
        {
            if (wave.Count() > Math.Max(1, maxRegionsPerWave))
            {
                problems.AddRange(wave.OrderBy(p => p.RegionCode, StringComparer.Ordinal).Skip(Math.Max(1, maxRegionsPerWave))
                    .Select(p => new PlanProblem(p.RegionCode, PlanError.TooManyRegionsInWave)));
            }
            if (previousLatest is { } latest)
            {
                problems.AddRange(wave.Where(p => p.PlannedSwitchDate <= latest).Select(p => new PlanProblem(p.RegionCode, PlanError.DateNotAfterPreviousWave)));
            }
            var thisLatest = wave.Max(p => p.PlannedSwitchDate);
            previousLatest = previousLatest is { } before && before > thisLatest ? before : thisLatest;
        }
        return problems;
    }
}
