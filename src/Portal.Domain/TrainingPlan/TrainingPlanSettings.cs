namespace Portal.Domain.TrainingPlan;

/// <summary>How training plans are proposed (configuration section <c>TrainingPlan</c>).</summary>
public sealed class TrainingPlanSettings
{
    public const string Section = "TrainingPlan";

    /// <summary>How many sessions one in-house site hosts a day at most (its training rooms).</summary>
    public int SessionsPerSiteDay { get; set; } = 1;

    public int TimeLimitSeconds { get; set; } = 30;

    /// <summary>How many weeks past the target date the earliest reachable date is searched.</summary>
    public int SearchWeeks { get; set; } = 12;
}
