using Portal.Domain.Rollout;

namespace Portal.Domain.Tests.Rollout;

public class ReadinessOutlookTests
{
    private static readonly DateOnly Monday = ReadinessBuilder.Monday;

    [Fact]
    public void The_outlook_evaluates_the_planned_date_and_sixteen_mondays_from_the_coming_one()
    {
        var today = new DateOnly(2026, 12, 1); // a Tuesday
        var planned = new DateOnly(2026, 12, 23); // a Wednesday

        var dates = ReadinessRule.OutlookDates(today, planned);

        Assert.Equal(17, dates.Count);
        Assert.Equal(planned, dates[0]);
        Assert.Equal(new DateOnly(2026, 12, 7), dates[1]);
        Assert.All(dates.Skip(1), d => Assert.Equal(DayOfWeek.Monday, d.DayOfWeek));
        Assert.Equal(new DateOnly(2026, 12, 7).AddDays(7 * 15), dates[^1]);
    }

    [Fact]
    public void On_a_monday_the_coming_monday_is_the_next_one()
    {
        var dates = ReadinessRule.OutlookDates(new DateOnly(2026, 12, 7), new DateOnly(2026, 12, 21));

        Assert.Equal(new DateOnly(2026, 12, 14), dates[1]);
        Assert.Equal(17, dates.Count);
    }

    [Fact]
    public void Training_passes_from_the_first_week_after_a_planned_session_last_day()
    {
        // 7 of 10 completed; 3 more planned in a session ending on the Wednesday of the second week.
        var lastDay = Monday.AddDays(9);
        var facts = new ReadinessBuilder().Completed(7, Monday.AddDays(-20)).Planned(3, lastDay).Channel("Voice", 20, 10, 10).Build();

        var outlook = ReadinessRule.Outlook(facts, [Monday, Monday.AddDays(7), Monday.AddDays(14), Monday.AddDays(21)]);

        Assert.Equal([false, false, true, true], outlook.Weeks.Select(w => w[GateCode.G2].Passes));
        Assert.Equal(0.7, outlook.Weeks[1][GateCode.G2].Value, 6);
        Assert.Equal(1.0, outlook.Weeks[2][GateCode.G2].Value, 6);
        Assert.Equal(Monday.AddDays(14), outlook.EarliestReady);
        Assert.Null(outlook.Blocking);
    }

    [Fact]
    public void Skills_pass_from_the_week_a_planned_session_certifies_the_advisors_the_channel_lacks()
    {
        // The channel's peak asks for 10; 8 are certified, 2 more are certified by a session ending in the second week.
        var lastDay = Monday.AddDays(9);
        var facts = new ReadinessBuilder().Completed(10, Monday.AddDays(-20)).Channel("Voice", 8, [lastDay, lastDay], 10, 10).Build();

        var outlook = ReadinessRule.Outlook(facts, [Monday, Monday.AddDays(7), Monday.AddDays(14)]);

        Assert.Equal([false, false, true], outlook.Weeks.Select(w => w[GateCode.G3].Passes));
        Assert.Equal(10.0, outlook.Weeks[2][GateCode.G3].Channels.Single().Value);
        Assert.Equal(Monday.AddDays(14), outlook.EarliestReady);
        // The readiness of a date, without the plan, counts only the skills held.
        Assert.False(ReadinessRule.Evaluate(facts, Monday.AddDays(14))[GateCode.G3].Passes);
    }

    [Fact]
    public void A_planned_session_ending_on_an_evaluated_monday_counts_that_monday()
    {
        var facts = new ReadinessBuilder().Completed(7, Monday.AddDays(-20)).Planned(3, Monday.AddDays(7)).Channel("Voice", 20, 10, 10).Build();

        var outlook = ReadinessRule.Outlook(facts, [Monday, Monday.AddDays(7)]);

        Assert.Equal(Monday.AddDays(7), outlook.EarliestReady);
    }

    [Fact]
    public void Without_a_date_within_the_outlook_the_blocking_gate_is_named()
    {
        var facts = new ReadinessBuilder().Completed(5, Monday.AddDays(-20)).Missing(5).Channel("Voice", 20, 10, 10).Build();

        var outlook = ReadinessRule.Outlook(facts, [Monday, Monday.AddDays(7)]);

        Assert.Null(outlook.EarliestReady);
        Assert.Equal(GateCode.G2, outlook.Blocking!.Code);
        Assert.Equal(0.5, outlook.Blocking.Value, 6);
    }

    [Fact]
    public void The_earliest_date_is_the_first_at_which_every_gate_passes_whatever_the_order_given()
    {
        // Week 1 has a gap on one core half hour; weeks 2 and 3 pass.
        var facts = new ReadinessBuilder().Completed(10, Monday.AddDays(-20)).Channel("Voice", 20, 10, 10, (Monday.AddDays(1), "10:00", 0)).Build();

        var outlook = ReadinessRule.Outlook(facts, [Monday.AddDays(14), Monday, Monday.AddDays(7)]);

        Assert.Equal([true, false, true], outlook.Weeks.Select(w => w.Ready));
        Assert.Equal(Monday.AddDays(7), outlook.EarliestReady);
    }

    [Fact]
    public void The_blocking_gate_is_the_one_failing_at_the_most_dates()
    {
        // Training fails at every date; coverage only at the first.
        var facts = new ReadinessBuilder().Completed(1, Monday.AddDays(-20)).Missing(9).Channel("Voice", 20, 10, 10, (Monday.AddDays(1), "10:00", 0)).Build();

        var outlook = ReadinessRule.Outlook(facts, [Monday, Monday.AddDays(7), Monday.AddDays(14)]);

        Assert.Null(outlook.EarliestReady);
        Assert.Equal(GateCode.G2, outlook.Blocking!.Code);
        Assert.Equal(0.1, outlook.Blocking.Value, 6);
    }
}
