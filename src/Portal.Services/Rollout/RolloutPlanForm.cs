using FluentValidation;
using Portal.Domain.Rollout;

namespace Portal.Services.Rollout;

/// <summary>One region's line of the rollout plan as a national administrator edits it.</summary>
public sealed class PlanEntry
{
    public string RegionCode { get; set; } = "";
    public int Wave { get; set; }
    public DateOnly PlannedSwitchDate { get; set; }
    public int Version { get; set; }
}

/// <summary>The whole rollout plan, edited at once: the order of the waves is a property of all lines together.</summary>
public sealed class RolloutPlanForm
{
    public List<PlanEntry> Regions { get; set; } = [];

    /// <summary>How many regions a wave may hold, from the rollout settings (set by the service before validating).</summary>
    public int MaxRegionsPerWave { get; set; } = 1;
}

/// <summary>The plan's rules (<see cref="RolloutPlanRules"/>), shared by the form and the service; errors are keyed by region code.</summary>
public sealed class RolloutPlanFormValidator : AbstractValidator<RolloutPlanForm>
{
    public RolloutPlanFormValidator() =>
        RuleFor(f => f).Custom((form, context) =>
        {
            var plan = form.Regions.Select(r => new PlannedWave(r.RegionCode, r.Wave, r.PlannedSwitchDate)).ToList();
            foreach (var problem in RolloutPlanRules.Validate(plan, form.MaxRegionsPerWave))
            {
                context.AddFailure(problem.RegionCode, problem.Error switch
                {
                    PlanError.WaveOutOfRange => "RolloutPlan_WaveOutOfRange",
                    PlanError.DateNotAfterPreviousWave => "RolloutPlan_DateNotAfterPreviousWave",
                    _ => "RolloutPlan_TooManyRegionsInWave",
                });
            }
        });
}

/// <summary>The rollout thresholds as a national administrator edits them in the settings.</summary>
public sealed class RolloutSettingsForm
{
    public double TrainingCompletionThreshold { get; set; }
    public double CoreCoverageThreshold { get; set; }
    public double CoreIntervalFloor { get; set; }
    public double TrainingPlanningFloor { get; set; }
    public int MaxTrainingDaysPerWeek { get; set; }
    public int MaxRegionsPerWave { get; set; }
    public int Version { get; set; }

    public static RolloutSettingsForm Of(RolloutSettings s) => new()
    {
        TrainingCompletionThreshold = s.TrainingCompletionThreshold,
        CoreCoverageThreshold = s.CoreCoverageThreshold,
        CoreIntervalFloor = s.CoreIntervalFloor,
        TrainingPlanningFloor = s.TrainingPlanningFloor,
        MaxTrainingDaysPerWeek = s.MaxTrainingDaysPerWeek,
        MaxRegionsPerWave = Math.Max(1, s.MaxRegionsPerWave),
        Version = s.Version,
    };
}

public sealed class RolloutSettingsFormValidator : AbstractValidator<RolloutSettingsForm>
{
    public RolloutSettingsFormValidator()
    {
        RuleFor(f => f.TrainingCompletionThreshold).InclusiveBetween(0, 1).WithMessage("RolloutSettings_ShareRange");
        RuleFor(f => f.CoreCoverageThreshold).InclusiveBetween(0, 1).WithMessage("RolloutSettings_ShareRange");
        RuleFor(f => f.CoreIntervalFloor).InclusiveBetween(0, 1).WithMessage("RolloutSettings_ShareRange");
        RuleFor(f => f.TrainingPlanningFloor).InclusiveBetween(0, 1).WithMessage("RolloutSettings_ShareRange");
        RuleFor(f => f.MaxTrainingDaysPerWeek).InclusiveBetween(1, 5).WithMessage("RolloutSettings_MaxTrainingDaysRange");
        RuleFor(f => f.MaxRegionsPerWave).InclusiveBetween(1, 9).WithMessage("RolloutSettings_MaxRegionsPerWaveRange");
    }
}
