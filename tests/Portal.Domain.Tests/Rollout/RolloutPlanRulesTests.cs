using Portal.Domain.Rollout;

namespace Portal.Domain.Tests.Rollout;

public class RolloutPlanRulesTests
{
    private static readonly DateOnly Start = new(2026, 10, 5);

    [Fact]
    public void A_plan_with_one_region_per_wave_in_date_order_is_valid()
    {
        var plan = new[] { new PlannedWave("NC", 1, Start), new PlannedWave("BPL", 2, Start.AddDays(49)), new PlannedWave("IDF", 3, Start.AddDays(98)) };

        Assert.Empty(RolloutPlanRules.Validate(plan, maxRegionsPerWave: 1));
    }

    [Fact]
    public void A_wave_dated_on_or_before_the_previous_wave_is_refused()
    {
        var plan = new[] { new PlannedWave("NC", 1, Start), new PlannedWave("BPL", 2, Start), new PlannedWave("IDF", 3, Start.AddDays(7)) };

        var problem = Assert.Single(RolloutPlanRules.Validate(plan, 1));
        Assert.Equal(new PlanProblem("BPL", PlanError.DateNotAfterPreviousWave), problem);
    }

    [Fact]
    public void Two_regions_in_one_wave_need_a_plan_that_allows_it()
    {
        var plan = new[] { new PlannedWave("NC", 1, Start), new PlannedWave("BPL", 2, Start.AddDays(7)), new PlannedWave("IDF", 2, Start.AddDays(7)) };

        Assert.Equal([new PlanProblem("IDF", PlanError.TooManyRegionsInWave)], RolloutPlanRules.Validate(plan, 1));
        Assert.Empty(RolloutPlanRules.Validate(plan, 2));
    }

    [Fact]
    public void A_wave_beyond_the_number_of_regions_is_refused()
    {
        var plan = new[] { new PlannedWave("NC", 1, Start), new PlannedWave("BPL", 5, Start.AddDays(7)) };

        Assert.Contains(new PlanProblem("BPL", PlanError.WaveOutOfRange), RolloutPlanRules.Validate(plan, 1));
    }
}
