using Portal.Domain.TrainingPlan;

namespace Portal.Domain.Tests.TrainingPlan;

public class TrainingPlannerTests
{
    private static readonly DateOnly Monday = TrainingPlanBuilder.Monday;

    private static TrainingPlanProposal Checked(TrainingPlanInput input)
    {
        var plan = TrainingPlanBuilder.Plan(input);
        Assert.Empty(TrainingPlanChecker.Violations(input, plan));
        return plan;
    }

    [Fact]
    public void Both_advisors_are_trained_on_the_day_with_spare_staff_though_an_earlier_day_was_free()
    {
        // Monday cannot lose anyone; Tuesday can lose one at the cost of half an hour; Wednesday has two to spare.
        var builder = new TrainingPlanBuilder().Site(1).Course(1, days: 1, capacity: 2)
            .Cell(Monday, supply: 2, required: 2, 1, 2)
            .Cell(Monday.AddDays(1), supply: 5, required: 5, 1, 2)
            .Cell(Monday.AddDays(2), supply: 7, required: 5, 1, 2);
        builder.Advisor(1, site: 1, 1);
        builder.Advisor(2, site: 1, 1);

        var plan = Checked(builder.Input(target: Monday.AddDays(2)));

        Assert.True(plan.Reachable);
        Assert.Equal(0.5, plan.GreedyCoverageLostStaffHours);
        Assert.Equal(0, plan.CoverageLostStaffHours);
        var session = Assert.Single(plan.Sessions);
        Assert.Equal([Monday.AddDays(2)], session.Days);
        Assert.Equal([1, 2], session.Advisors.Order());
        Assert.Equal(1.0, plan.G2AtTarget);
    }

    /// <summary>
    /// Two sites, one room a day each, two advisors each, all four supplying one core half-hour a day. Monday cannot
    /// lose anyone without losing coverage, Tuesday can lose one, Wednesday four. The greedy plan trains advisor 1 on
    /// Monday and, that half-hour now at its floor, advisor 2 on Tuesday; site 2 takes Tuesday's last spare advisor and
    /// Wednesday: one staff-hour lost in four sessions. The optimum holds both sites' sessions on Wednesday and loses
    /// nothing, and solving one site with the other held finds it.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Two_sites_both_trained_on_the_day_with_four_to_spare_though_greedy_spreads_them(bool siteBySite)
    {
        var everyone = new[] { 1, 2, 3, 4 };
        var builder = new TrainingPlanBuilder().Site(1).Site(2).Course(1, days: 1, capacity: 2)
            .Cell(Monday, supply: 5, required: 5, everyone)
            .Cell(Monday.AddDays(1), supply: 6, required: 5, everyone)
            .Cell(Monday.AddDays(2), supply: 9, required: 5, everyone);
        builder.Advisor(1, site: 1, 1);
        builder.Advisor(2, site: 1, 1);
        builder.Advisor(3, site: 2, 1);
        builder.Advisor(4, site: 2, 1);
        var input = builder.Input(target: Monday.AddDays(2));

        var plan = TrainingPlanner.Propose(input, TimeSpan.FromSeconds(5), siteBySite ? 0 : TrainingPlanner.WholeRegionSeats, workers: 2,
            progress: null, TestContext.Current.CancellationToken);

        Assert.Empty(TrainingPlanChecker.Violations(input, plan));
        Assert.True(plan.Reachable);
        Assert.Equal(1.0, plan.GreedyCoverageLostStaffHours);
        Assert.Equal(0, plan.CoverageLostStaffHours);
        Assert.Equal(siteBySite ? TrainingPlanStatus.Feasible : TrainingPlanStatus.Optimal, plan.Status);
        Assert.Equal([(1, Monday.AddDays(2), "1,2"), (2, Monday.AddDays(2), "3,4")],
            plan.Sessions.Select(s => (s.SiteId, s.Days[0], string.Join(',', s.Advisors.Order()))).Order());
    }

    [Fact]
    public void Too_few_rooms_before_the_date_binds_and_the_earliest_date_is_the_day_a_third_room_is_free()
    {
        var builder = new TrainingPlanBuilder().Site(1).Course(1, days: 1, capacity: 1);
        builder.Advisor(1, site: 1, 1);
        builder.Advisor(2, site: 1, 1);
        builder.Advisor(3, site: 1, 1);

        var plan = Checked(builder.Input(target: Monday.AddDays(1)));

        Assert.False(plan.Reachable);
        Assert.Equal(TrainingPlanBinding.TrainingSlots, plan.Binding);
        Assert.Equal(Monday.AddDays(2), plan.EarliestDate);
        Assert.Equal(3, plan.Sessions.Count);
        Assert.Equal(2 / 3.0, plan.G2AtTarget, 6);
    }

    /// <summary>
    /// Two of the three advisors are already in a planned session that ends on the Wednesday after the target: they
    /// cannot count by the target, they count from that Wednesday, and the plan never enrols them again. The earliest
    /// date is that Wednesday, with only the third advisor trained.
    /// </summary>
    [Fact]
    public void Advisors_already_planned_after_the_date_count_from_their_session_s_last_day_and_are_not_enrolled_again()
    {
        var builder = new TrainingPlanBuilder().Site(1).Course(1, days: 1, capacity: 1);
        builder.Advisor(1, site: 1).Planned[1] = Monday.AddDays(9);
        builder.Advisor(2, site: 1).Planned[1] = Monday.AddDays(9);
        builder.Advisor(3, site: 1, 1);

        var input = builder.Input(target: Monday.AddDays(1));

        var plan = Checked(input);

        Assert.False(plan.Reachable);
        Assert.Equal(TrainingPlanBinding.PlannedSessions, plan.Binding);
        Assert.Equal(Monday.AddDays(9), plan.EarliestDate);
        Assert.Equal([3], plan.Sessions.SelectMany(s => s.Advisors));
        Assert.Equal(1 / 3.0, plan.G2AtTarget, 6);
        Assert.Equal(1 / 3.0, TrainingPlanner.G2(input, plan.Sessions, Monday.AddDays(8)), 6);
        Assert.Equal(1.0, TrainingPlanner.G2(input, plan.Sessions, Monday.AddDays(9)));
    }

    [Fact]
    public void A_core_half_hour_that_cannot_lose_anyone_before_the_date_binds_as_coverage()
    {
        var builder = new TrainingPlanBuilder().Site(1).Course(1, days: 1, capacity: 5)
            .Cell(Monday, supply: 4, required: 5, 1)
            .Cell(Monday.AddDays(1), supply: 4, required: 5, 1)
            .Cell(Monday.AddDays(2), supply: 6, required: 5, 1);
        builder.Advisor(1, site: 1, 1);

        var plan = Checked(builder.Input(target: Monday.AddDays(1)));

        Assert.False(plan.Reachable);
        Assert.Equal(TrainingPlanBinding.Coverage, plan.Binding);
        Assert.Equal(Monday.AddDays(2), plan.EarliestDate);
    }

    [Fact]
    public void A_three_day_course_cannot_fit_two_working_days_and_working_days_bind()
    {
        var builder = new TrainingPlanBuilder().Site(1, sessionsPerDay: 4).Course(1, days: 3, capacity: 10);
        builder.Advisor(1, site: 1, 1);

        var plan = Checked(builder.Input(target: Monday.AddDays(1)));

        Assert.False(plan.Reachable);
        Assert.Equal(TrainingPlanBinding.WorkingDays, plan.Binding);
        Assert.Equal(Monday.AddDays(2), plan.EarliestDate);
        Assert.Equal(0, plan.G2AtTarget);
    }

    [Fact]
    public void Christmas_day_is_skipped_so_the_three_rooms_are_Thursday_Saturday_and_Monday()
    {
        var builder = new TrainingPlanBuilder { From = new DateOnly(2026, 12, 24), Threshold = 0.75 }.Site(1).Course(1, days: 1, capacity: 1);
        for (var i = 1; i <= 4; i++)
        {
            builder.Advisor(i, site: 1, 1);
        }

        var plan = Checked(builder.Input(target: new DateOnly(2026, 12, 28)));

        Assert.True(plan.Reachable);
        Assert.Equal([new DateOnly(2026, 12, 24), new DateOnly(2026, 12, 26), new DateOnly(2026, 12, 28)],
            plan.Sessions.Select(s => s.Days[0]).Order());
    }

    [Fact]
    public void An_advisor_with_two_training_days_this_week_takes_only_one_more_that_week()
    {
        var builder = new TrainingPlanBuilder().Site(1).Course(1, days: 2, capacity: 10);
        var advisor = builder.Advisor(1, site: 1, 1);
        advisor.TrainingDays.UnionWith([Monday, Monday.AddDays(1)]);

        var plan = Checked(builder.Input(target: Monday.AddDays(4)));

        Assert.False(plan.Reachable);
        Assert.Equal(TrainingPlanBinding.WorkingDays, plan.Binding);
        Assert.Equal(Monday.AddDays(7), plan.EarliestDate);
        Assert.Equal([Monday.AddDays(5), Monday.AddDays(7)], Assert.Single(plan.Sessions).Days);
    }

    [Fact]
    public void A_four_day_course_holds_three_days_in_one_week_and_the_fourth_the_next()
    {
        var builder = new TrainingPlanBuilder().Site(1).Course(1, days: 4, capacity: 10);
        builder.Advisor(1, site: 1, 1);

        var plan = Checked(builder.Input(target: Monday.AddDays(14)));

        Assert.True(plan.Reachable);
        var days = Assert.Single(plan.Sessions).Days;
        Assert.Equal(3, days.Count(d => d < Monday.AddDays(7)));
        Assert.Equal(Monday.AddDays(7), days[^1]);
    }

    [Fact]
    public void An_absent_advisor_is_trained_after_the_absence()
    {
        var builder = new TrainingPlanBuilder().Site(1).Course(1, days: 1, capacity: 10);
        builder.Advisor(1, site: 1, 1).Absent.UnionWith([Monday, Monday.AddDays(1)]);

        var plan = Checked(builder.Input(target: Monday.AddDays(4)));

        Assert.Equal([Monday.AddDays(2)], Assert.Single(plan.Sessions).Days);
    }
}
