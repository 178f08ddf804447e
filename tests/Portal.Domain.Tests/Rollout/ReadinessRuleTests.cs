using Portal.Domain.Regions;
using Portal.Domain.Rollout;

namespace Portal.Domain.Tests.Rollout;

public class ReadinessRuleTests
{
    private static readonly DateOnly Monday = ReadinessBuilder.Monday;

    [Fact]
    public void Sequence_passes_when_every_earlier_wave_has_switched()
    {
        var gate = ReadinessRule.Evaluate(new ReadinessBuilder().Build(), Monday)[GateCode.G1];

        Assert.True(gate.Passes);
        Assert.Equal(1, gate.Value);
        Assert.Equal(1, gate.Threshold);
    }

    [Fact]
    public void Sequence_fails_while_a_region_of_an_earlier_wave_has_not_switched()
    {
        var gate = ReadinessRule.Evaluate(new ReadinessBuilder().EarlierWave("XX", RegionStatus.Preparing).Build(), Monday)[GateCode.G1];

        Assert.False(gate.Passes);
        Assert.Equal(["XX"], gate.RegionsNotSwitched);
        Assert.Equal(1, gate.Value);
        Assert.Equal(2, gate.Threshold);
    }

    [Theory]
    [InlineData(79, false)]
    [InlineData(80, true)]
    [InlineData(81, true)]
    public void Training_passes_from_the_threshold_share_of_advisors_who_completed_every_required_course(int completed, bool passes)
    {
        var facts = new ReadinessBuilder().Completed(completed, Monday.AddDays(-10)).Missing(100 - completed).Build();

        var gate = ReadinessRule.Evaluate(facts, Monday)[GateCode.G2];

        Assert.Equal(passes, gate.Passes);
        Assert.Equal(completed / 100.0, gate.Value, 6);
        Assert.Equal(0.8, gate.Threshold);
        Assert.Equal(100 - completed, gate.MostMissingCount);
        Assert.Equal("Transversalité technique", gate.MostMissingCourse);
    }

    [Fact]
    public void Training_counts_a_completion_on_the_switch_date_but_not_after_it()
    {
        var facts = new ReadinessBuilder().Completed(5, Monday).Completed(5, Monday.AddDays(1)).TrainingThreshold(0.5).Build();

        Assert.True(ReadinessRule.Evaluate(facts, Monday)[GateCode.G2].Passes);
        Assert.Equal(0.5, ReadinessRule.Evaluate(facts, Monday)[GateCode.G2].Value);
        Assert.False(ReadinessRule.Evaluate(facts, Monday.AddDays(-1))[GateCode.G2].Passes);
    }

    [Fact]
    public void Training_counts_planned_enrolments_only_with_the_plan()
    {
        var facts = new ReadinessBuilder().Completed(5, Monday.AddDays(-30)).Planned(5, Monday.AddDays(-3)).Build();

        Assert.False(ReadinessRule.Evaluate(facts, Monday)[GateCode.G2].Passes);
        Assert.True(ReadinessRule.Evaluate(facts, Monday, withPlan: true)[GateCode.G2].Passes);
    }

    [Theory]
    [InlineData(9, false)]
    [InlineData(10, true)]
    [InlineData(11, true)]
    public void Skills_pass_when_certified_advisors_reach_the_channel_peak_requirement(int certified, bool passes)
    {
        var facts = new ReadinessBuilder().Channel("Voice", certified, required: 10, inHouse: 10).Build();

        var gate = ReadinessRule.Evaluate(facts, Monday)[GateCode.G3];

        Assert.Equal(passes, gate.Passes);
        var voice = Assert.Single(gate.Channels);
        Assert.Equal(("Voice", (double)certified, 10.0), (voice.Channel, voice.Value, voice.Threshold));
    }

    [Fact]
    public void Skills_name_the_channel_that_lacks_certified_advisors()
    {
        var facts = new ReadinessBuilder().Channel("Voice", 20, 10, 10).Channel("Chat", 3, 5, 5).Build();

        var gate = ReadinessRule.Evaluate(facts, Monday)[GateCode.G3];

        Assert.False(gate.Passes);
        Assert.Equal(["Chat"], gate.Channels.Where(c => !c.Passes).Select(c => c.Channel));
        Assert.Equal(0.6, gate.Value, 6);
    }

    [Theory]
    [InlineData(89, false)]
    [InlineData(90, true)]
    [InlineData(91, true)]
    public void Coverage_passes_from_the_threshold_share_of_core_staff_hours_covered_in_house(int inHouse, bool passes)
    {
        var facts = new ReadinessBuilder().Channel("Voice", 200, required: 100, inHouse: inHouse).Build();

        var gate = ReadinessRule.Evaluate(facts, Monday)[GateCode.G4];

        Assert.Equal(passes, gate.Passes);
        Assert.Equal(inHouse / 100.0, gate.Value, 6);
        Assert.Equal(0.9, gate.Threshold);
    }

    [Theory]
    [InlineData(69, false)]
    [InlineData(70, true)]
    [InlineData(71, true)]
    public void Coverage_fails_when_one_core_half_hour_falls_below_the_floor(int lowest, bool passes)
    {
        // Every other half hour is fully covered, so the week's share stays far above 90%: only the floor decides.
        var facts = new ReadinessBuilder().Channel("Voice", 200, 100, 100, (Monday.AddDays(2), "10:00", lowest)).Build();

        var gate = ReadinessRule.Evaluate(facts, Monday)[GateCode.G4];

        Assert.Equal(passes, gate.Passes);
        var voice = Assert.Single(gate.Channels);
        Assert.Equal(lowest / 100.0, voice.LowestInterval!.Value, 6);
        Assert.Equal(passes ? 0 : 1, voice.IntervalsBelowFloor);
    }

    [Fact]
    public void Coverage_looks_at_the_week_starting_on_the_date_only()
    {
        // A short half hour the Monday before the date does not count; one on the Sunday of the week does.
        var before = new ReadinessBuilder().Channel("Voice", 200, 100, 100, (Monday.AddDays(-1), "10:00", 0), (Monday.AddDays(7), "10:00", 0)).Build();
        var inside = new ReadinessBuilder().Channel("Voice", 200, 100, 100, (Monday.AddDays(4), "19:30", 0)).Build();

        Assert.True(ReadinessRule.Evaluate(before, Monday)[GateCode.G4].Passes);
        Assert.False(ReadinessRule.Evaluate(inside, Monday)[GateCode.G4].Passes);
    }

    [Fact]
    public void A_region_is_ready_only_when_every_gate_passes()
    {
        var ready = new ReadinessBuilder().Completed(10, Monday.AddDays(-1)).Channel("Voice", 20, 10, 10).Build();
        var notReady = new ReadinessBuilder().Completed(10, Monday.AddDays(-1)).Channel("Voice", 9, 10, 10).Build();

        Assert.True(ReadinessRule.Evaluate(ready, Monday).Ready);
        Assert.False(ReadinessRule.Evaluate(notReady, Monday).Ready);
    }
}
