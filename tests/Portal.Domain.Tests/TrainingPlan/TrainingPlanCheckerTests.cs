using Portal.Domain.TrainingPlan;

namespace Portal.Domain.Tests.TrainingPlan;

/// <summary>The checker the training plan tests rely on must itself catch a broken rule, or they would prove nothing.</summary>
public class TrainingPlanCheckerTests
{
    private static readonly DateOnly Monday = TrainingPlanBuilder.Monday;

    private static IReadOnlyList<string> Check(TrainingPlanInput input, params ProposedSession[] sessions) =>
        TrainingPlanChecker.Violations(input, new TrainingPlanProposal("BPL", input.Target, true, input.Target, 1, 0,
            sessions, TrainingPlanBinding.None, TrainingPlanStatus.Greedy, 0, input.Target, 0));

    private static ProposedSession Session(int[] advisors, params DateOnly[] days) => new(1, "C1", 1, "S1", days, 2, advisors);

    private static TrainingPlanBuilder Builder(int courseDays = 1)
    {
        var builder = new TrainingPlanBuilder().Site(1).Course(1, courseDays, capacity: 2);
        builder.Advisor(1, site: 1, 1);
        builder.Advisor(2, site: 1, 1);
        builder.Advisor(3, site: 1, 1);
        return builder;
    }

    [Fact]
    public void A_session_on_a_public_holiday_is_caught()
    {
        var input = Builder().Input(new DateOnly(2026, 12, 31));

        Assert.Contains(Check(input, Session([1, 2], new DateOnly(2026, 12, 25))), v => v.Contains("not a working day", StringComparison.Ordinal));
    }

    [Fact]
    public void More_advisors_than_seats_and_a_fourth_day_in_a_week_are_caught()
    {
        var input = Builder(courseDays: 2).Input(Monday.AddDays(5));

        var violations = Check(input, Session([1, 2, 3], Monday, Monday.AddDays(1)), Session([1], Monday.AddDays(2), Monday.AddDays(3)));

        Assert.Contains(violations, v => v.Contains("seats", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("4 training days", StringComparison.Ordinal));
    }

    [Fact]
    public void A_gate_left_below_its_threshold_and_a_half_hour_pushed_below_the_floor_are_caught()
    {
        var builder = Builder().Cell(Monday, supply: 5, required: 5, 1, 2);

        var violations = Check(builder.Input(Monday.AddDays(2)), Session([1, 2], Monday));

        Assert.Contains(violations, v => v.StartsWith("G2 by", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("below 80", StringComparison.Ordinal));
    }
}
