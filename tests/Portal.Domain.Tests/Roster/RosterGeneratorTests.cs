using Portal.Domain.Roster;
using Portal.Domain.Subcontracting;

namespace Portal.Domain.Tests.Roster;

public class RosterGeneratorTests
{
    private static readonly DateOnly Monday = RosterBuilder.Monday;
    private static readonly DateOnly Tuesday = Monday.AddDays(1);
    private static readonly DateOnly Wednesday = Monday.AddDays(2);

    private static RosterDraft ProposeChecked(RosterRequest request)
    {
        var draft = RosterBuilder.Propose(request);
        Assert.Empty(RosterChecker.Violations(request, draft));
        return draft;
    }

    [Fact]
    public void A_day_one_advisor_can_cover_is_covered_exactly()
    {
        var builder = new RosterBuilder().Needing(Monday, 8, 16);
        builder.Advisor(1);
        builder.Advisor(2);

        var draft = ProposeChecked(builder.Request());

        Assert.Equal(8, draft.Before.Uncovered);
        Assert.Equal(0, draft.After.Uncovered);
        Assert.Equal(0, draft.After.OverCovered);
        Assert.Equal(0, draft.LowerBound);
        Assert.Equal(["08:00", "12:00"], draft.Shifts.Select(s => s.Start.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)).Order());
    }

    [Fact]
    public void Demand_beyond_the_team_is_the_lower_bound_and_the_proposal_reaches_it()
    {
        var builder = new RosterBuilder().Needing(Monday, 8, 12, advisorsNeeded: 2);
        builder.Advisor(1);

        var draft = ProposeChecked(builder.Request());

        Assert.Equal(4, draft.LowerBound);
        Assert.Equal(4, draft.After.Uncovered);
        Assert.Equal(4, draft.After.UncoveredCore);
        Assert.Single(draft.Shifts);
    }

    [Fact]
    public void The_solver_never_does_worse_than_the_greedy_baseline()
    {
        var builder = new RosterBuilder().OpenOnWeekdays(8, 20)
            .WithPatterns(new(new TimeOnly(8, 0), 240), new(new TimeOnly(10, 0), 360), new(new TimeOnly(12, 0), 480, 240, 60), new(new TimeOnly(16, 0), 240));
        for (var day = 0; day < 5; day++)
        {
            builder.Needing(Monday.AddDays(day), 8, 20).Needing(Monday.AddDays(day), 10, 14, advisorsNeeded: 2);
        }
        for (var id = 1; id <= 4; id++)
        {
            builder.Advisor(id, percent: id == 4 ? 50 : 100);
        }

        var draft = ProposeChecked(builder.Request());

        Assert.True(draft.After.Uncovered <= draft.Greedy.Uncovered);
        Assert.True(draft.After.Uncovered >= draft.LowerBound);
        Assert.True(draft.After.UncoveredCore >= draft.LowerBoundCore);
        Assert.True(draft.After.Uncovered < draft.Before.Uncovered);
    }

    [Fact]
    public void The_lower_bound_counts_the_hours_a_part_timer_cannot_work_and_stays_below_the_best_roster()
    {
        // Every half hour has someone who could cover it, so only the relaxation sees the limit: 9 hours a week
        // (20 % of 35, plus the 2-hour tolerance) reach 9 of the 20 hours asked; whole shifts of 4 hours reach 8.
        var builder = new RosterBuilder();
        for (var day = 0; day < 5; day++)
        {
            builder.Needing(Monday.AddDays(day), 8, 12);
        }
        builder.Advisor(1, percent: 20);

        var draft = ProposeChecked(builder.Request());

        Assert.Equal(11, draft.LowerBoundCore);
        Assert.Equal(11, draft.LowerBound);
        Assert.Equal(12, draft.After.UncoveredCore);
        Assert.Equal(2, draft.Shifts.Count);
    }

    [Fact]
    public void The_core_bound_counts_core_half_hours_only_and_the_whole_bound_every_half_hour()
    {
        // Monday asks for 12 staff-hours, 8 in the morning (core) and 4 in the evening, of one advisor who works one shift a
        // day: the morning shift, the best there is, leaves 4 core hours open and 8 in all. The two bounds differ.
        var builder = new RosterBuilder().OpenOnWeekdays(8, 22)
            .WithPatterns(new(new TimeOnly(8, 0), 240), new(new TimeOnly(18, 0), 240))
            .Needing(Monday, 8, 12, advisorsNeeded: 2)
            .Needing(Monday, 20, 22, advisorsNeeded: 2);
        builder.Advisor(1);

        var draft = ProposeChecked(builder.Request());

        Assert.Equal((4, 4), (draft.LowerBoundCore, draft.After.UncoveredCore));
        Assert.Equal((8, 8), (draft.LowerBound, draft.After.Uncovered));
    }

    [Fact]
    public void Core_coverage_is_never_traded_for_evening_coverage()
    {
        // Weighed (a core half hour twice an evening one), the late shift wins: one core half hour open against four
        // evening ones. In the specification's order the core comes first whatever the evening loses.
        var builder = new RosterBuilder().OpenOnWeekdays(8, 22)
            .WithPatterns(new(new TimeOnly(16, 0), 240), new(new TimeOnly(16, 30), 330))
            .Needing(Monday, 16, 22);
        builder.Advisor(1);

        var draft = ProposeChecked(builder.Request());

        Assert.Equal(0.5, draft.Greedy.UncoveredCore);
        Assert.Equal(0, draft.After.UncoveredCore);
        Assert.Equal(2, draft.After.Uncovered);
        Assert.Equal([new TimeOnly(16, 0)], draft.Shifts.Select(s => s.Start));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    public void The_solver_is_never_worse_than_the_greedy_baseline_on_core_then_on_the_rest(int team)
    {
        var builder = new RosterBuilder().OpenOnWeekdays(7, 22)
            .WithPatterns(new(new TimeOnly(7, 0), 480, 240, 60), new(new TimeOnly(9, 30), 330), new(new TimeOnly(12, 0), 480, 240, 60),
                new(new TimeOnly(14, 30), 450, 210, 30), new(new TimeOnly(16, 30), 330));
        for (var day = 0; day < 5; day++)
        {
            builder.Needing(Monday.AddDays(day), 7, 22).Needing(Monday.AddDays(day), 11 + day, 15 + day, advisorsNeeded: 2);
        }
        for (var id = 1; id <= team; id++)
        {
            builder.Advisor(id, percent: id % 2 == 0 ? 80 : 100);
        }

        var draft = ProposeChecked(builder.Request());

        Assert.True(draft.After.UncoveredCore <= draft.Greedy.UncoveredCore,
            $"core uncovered {draft.After.UncoveredCore} after, {draft.Greedy.UncoveredCore} for the greedy roster");
        if (draft.After.UncoveredCore == draft.Greedy.UncoveredCore)
        {
            Assert.True(draft.After.Uncovered <= draft.Greedy.Uncovered);
        }
        Assert.True(draft.After.Uncovered < draft.Before.Uncovered);
    }

    [Fact]
    public void Pinned_shifts_are_kept_and_a_current_shift_where_nothing_is_needed_is_removed()
    {
        var builder = new RosterBuilder().Needing(Monday, 12, 16);
        var advisor = builder.Advisor(1);
        var pinned = RosterBuilder.Shift(1, Monday, 8, 12);
        var idle = RosterBuilder.Shift(1, Tuesday, 8, 12);
        advisor.Shifts.AddRange([pinned, idle]);
        builder.Pin(pinned);
        builder.Advisor(2);

        var draft = ProposeChecked(builder.Request());

        Assert.Contains(draft.Shifts, s => ReferenceEquals(s, pinned));
        Assert.Contains(draft.Removed, s => ReferenceEquals(s, idle));
        Assert.DoesNotContain(draft.Removed, s => ReferenceEquals(s, pinned));
        Assert.Equal(0, draft.After.Uncovered);
        Assert.Contains(draft.Added, s => s.AdvisorId == 2 && s.Date == Monday && s.Start == new TimeOnly(12, 0));
    }

    [Fact]
    public void From_a_switch_inside_the_week_advisors_replace_subcontractors_in_core_slots()
    {
        var builder = new RosterBuilder().SwitchedOn(Wednesday).Subcontracted(1, Weekdays.MondayToFriday, 8, 12);
        for (var day = 0; day < 5; day++)
        {
            builder.Needing(Monday.AddDays(day), 8, 12);
        }
        builder.Advisor(1);

        var draft = ProposeChecked(builder.Request());

        Assert.Equal(12, draft.Before.Uncovered);
        Assert.Equal(0, draft.After.Uncovered);
        Assert.Equal([Wednesday, Wednesday.AddDays(1), Wednesday.AddDays(2)], draft.Shifts.Select(s => s.Date).Order());
    }

    [Fact]
    public void No_shift_is_proposed_on_a_training_day()
    {
        var builder = new RosterBuilder().Needing(Tuesday, 8, 12);
        var trainee = builder.Advisor(1);
        ((HashSet<DateOnly>)trainee.TrainingDays).Add(Tuesday);

        var draft = ProposeChecked(builder.Request());

        Assert.Empty(draft.Shifts);
        Assert.Equal(4, draft.After.Uncovered);
        Assert.Equal(4, draft.LowerBound);

        builder.Advisor(2);
        var withColleague = ProposeChecked(builder.Request());
        Assert.Equal(0, withColleague.After.Uncovered);
        Assert.All(withColleague.Shifts, s => Assert.Equal(2, s.AdvisorId));
    }

    [Fact]
    public void Rest_after_last_week_sunday_evening_holds_on_monday_morning()
    {
        var builder = new RosterBuilder().Needing(Monday, 8, 16);
        var advisor = builder.Advisor(1);
        advisor.Shifts.Add(RosterBuilder.Shift(1, Monday.AddDays(-1), 16, 24));

        var draft = ProposeChecked(builder.Request());

        Assert.Equal([new TimeOnly(12, 0)], draft.Shifts.Select(s => s.Start));
        Assert.Equal(4, draft.After.Uncovered);
        Assert.Equal(4, draft.LowerBound);
    }
}
