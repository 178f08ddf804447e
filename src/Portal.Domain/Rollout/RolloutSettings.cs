namespace Portal.Domain.Rollout;

/// <summary>The national rollout thresholds and training limits, set by national administrators.</summary>
public class RolloutSettings : IVersioned
{
    public int Id { get; set; }

    /// <summary>Share of active in-house advisors who must have completed every required course (G2).</summary>
    public double TrainingCompletionThreshold { get; set; } = 0.8;

    /// <summary>Share of core staff-hours in-house supply must cover per channel (G4).</summary>
    public double CoreCoverageThreshold { get; set; } = 0.9;

    /// <summary>No core interval may fall below this coverage (G4).</summary>
    public double CoreIntervalFloor { get; set; } = 0.7;

    /// <summary>Planning a session that pushes a core interval below this asks for confirmation.</summary>
    public double TrainingPlanningFloor { get; set; } = 0.8;

    public int MaxTrainingDaysPerWeek { get; set; } = 3;

    /// <summary>How many regions one wave of the rollout plan may hold (one unless the plan allows more).</summary>
    public int MaxRegionsPerWave { get; set; } = 1;

    public int Version { get; set; }
}
