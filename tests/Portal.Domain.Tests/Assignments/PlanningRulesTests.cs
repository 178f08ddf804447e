using Portal.Domain.Assignments;
using Portal.Domain.Time;
using static Portal.Domain.Tests.Assignments.PlanningBuilder;

namespace Portal.Domain.Tests.Assignments;

public class PlanningRulesTests
{
    private static readonly ShiftBreak Lunch = new(new TimeOnly(12, 0), 60);

    [Fact]
    public void An_ordinary_day_shift_breaks_no_rule()
    {
        Assert.Empty(new PlanningBuilder().Check(Shift(Monday, 9, 17, pause: Lunch)));
    }

    [Fact]
    public void A_refusal_names_the_rule_the_advisor_and_the_day()
    {
        var builder = new PlanningBuilder().Lacking(2);
        var refusal = Assert.Single(new PlanningRules(builder.Settings, LocalCalendar.Paris).Check(Shift(Monday, 9, 17), builder.Advisor(), builder.Channel()));

        Assert.Equal(new PlanningRefusal(PlanningRule.Skills, 1, "E000001", "Maëlys Le Floch", Monday), refusal);
    }

    [Fact]
    public void An_advisor_lacking_one_of_the_channels_skills_at_level_two_is_refused()
    {
        Assert.Equal([PlanningRule.Skills], new PlanningBuilder().Lacking(1).Check(Shift(Monday, 9, 17)));
    }

    [Fact]
    public void A_shift_overlapping_another_by_half_an_hour_is_refused_and_one_touching_it_is_not_an_overlap()
    {
        var builder = new PlanningBuilder().With(Shift(Monday, 8, 12));

        Assert.Contains(PlanningRule.Overlap, builder.Check(Shift(Monday, 11, 15, startMinute: 30)));
        // Back to back the same day: no overlap, but no rest either.
        Assert.Equal([PlanningRule.Rest], builder.Check(Shift(Monday, 12, 16)));
    }

    [Fact]
    public void Rest_is_counted_across_the_week_boundary()
    {
        // Sunday evening to 23:00, Monday from 09:00: ten hours of rest, one short.
        var sunday = Monday.AddDays(-1);
        var builder = new PlanningBuilder().With(Shift(sunday, 15, 23));

        Assert.Equal([PlanningRule.Rest], builder.Check(Shift(Monday, 9, 17)));
        Assert.Empty(builder.Check(Shift(Monday, 10, 18)));
    }

    [Fact]
    public void Rest_is_checked_before_the_next_shift_too()
    {
        var builder = new PlanningBuilder().With(Shift(Monday.AddDays(1), 6, 14));

        Assert.Equal([PlanningRule.Rest], builder.Check(Shift(Monday, 12, 20)));
        Assert.Empty(builder.Check(Shift(Monday, 11, 19)));
    }

    [Fact]
    public void No_shift_on_a_training_day_nor_during_an_absence()
    {
        Assert.Equal([PlanningRule.TrainingDay], new PlanningBuilder().InTrainingOn(Monday).Check(Shift(Monday, 9, 17)));
        Assert.Equal([PlanningRule.Absence], new PlanningBuilder().AbsentFrom(Monday.AddDays(-2), Monday).Check(Shift(Monday, 9, 17)));
        Assert.Empty(new PlanningBuilder().AbsentFrom(Monday.AddDays(1), Monday.AddDays(3)).Check(Shift(Monday, 9, 17)));
    }

    [Fact]
    public void A_night_shift_ending_on_a_training_day_is_refused()
    {
        Assert.Equal([PlanningRule.TrainingDay], new PlanningBuilder().InTrainingOn(Monday.AddDays(1)).Check(Shift(Monday, 22, 6)));
    }

    [Fact]
    public void A_shift_ending_at_midnight_fits_a_day_closing_at_midnight_and_touches_only_its_own_day()
    {
        var builder = new PlanningBuilder().OpenOnWeekdays(8, 24).InTrainingOn(Monday.AddDays(1));
        var shift = Shift(Monday, 16, 24);

        Assert.True(shift.EndsNextDay);
        Assert.Empty(builder.Check(shift));
        Assert.Equal(8, new PlanningRules(builder.Settings, LocalCalendar.Paris).WorkedHours(shift), 6);
    }

    [Fact]
    public void Shifts_stay_inside_the_channels_opening_hours()
    {
        var builder = new PlanningBuilder().OpenOnWeekdays(8, 22);

        Assert.Equal([PlanningRule.OpeningHours], builder.Check(Shift(Monday, 7, 15, startMinute: 30)));
        Assert.Equal([PlanningRule.OpeningHours], builder.Check(Shift(Monday, 16, 22, endMinute: 30)));
        Assert.Equal([PlanningRule.OpeningHours], builder.Check(Shift(Monday, 20, 2)));
        Assert.Equal([PlanningRule.OpeningHours], builder.Check(Shift(Monday.AddDays(6), 9, 17)));
        Assert.Empty(builder.Check(Shift(Monday, 14, 22)));
    }

    [Fact]
    public void A_night_across_midnight_fits_when_both_days_are_open_then()
    {
        Assert.Empty(new PlanningBuilder().Check(Shift(Monday, 22, 6)));
    }

    [Fact]
    public void Ten_worked_hours_a_day_are_allowed_and_more_are_refused_breaks_excluded()
    {
        var builder = new PlanningBuilder();

        Assert.Empty(builder.Check(Shift(Monday, 8, 19, pause: Lunch)));
        Assert.Equal([PlanningRule.DailyHours], builder.Check(Shift(Monday, 8, 19)));
    }

    [Fact]
    public void The_daily_limit_counts_every_shift_of_the_day()
    {
        var builder = new PlanningBuilder().With(Shift(Monday, 6, 8));
        builder.Settings.MinRestHours = 0;

        Assert.Empty(builder.Check(Shift(Monday, 8, 16)));
        Assert.Equal([PlanningRule.DailyHours], builder.Check(Shift(Monday, 8, 16, endMinute: 30)));
    }

    [Fact]
    public void The_autumn_clock_change_night_counts_the_hour_it_adds()
    {
        // Saturday 24 to Sunday 25 October 2026: 21:00 to 07:00 on the clock is eleven hours worked.
        var saturday = new DateOnly(2026, 10, 24);
        var builder = new PlanningBuilder();

        Assert.Equal(11, new PlanningRules(builder.Settings, LocalCalendar.Paris).WorkedHours(Shift(saturday, 21, 7)), 6);
        Assert.Equal([PlanningRule.DailyHours], builder.Check(Shift(saturday, 21, 7)));
        Assert.Empty(builder.Check(Shift(saturday, 22, 7)));
    }

    [Fact]
    public void The_spring_clock_change_night_counts_the_hour_it_takes()
    {
        // Saturday 28 to Sunday 29 March 2026: 20:00 to 07:00 on the clock is ten hours worked.
        var saturday = new DateOnly(2026, 3, 28);
        var builder = new PlanningBuilder();

        Assert.Equal(10, new PlanningRules(builder.Settings, LocalCalendar.Paris).WorkedHours(Shift(saturday, 20, 7)), 6);
        Assert.Empty(builder.Check(Shift(saturday, 20, 7)));
    }

    [Fact]
    public void Rest_after_the_autumn_clock_change_night_gains_its_hour()
    {
        // Saturday shift to 22:00, Sunday from 08:00: ten hours on the clock, eleven in fact.
        var saturday = new DateOnly(2026, 10, 24);
        var builder = new PlanningBuilder().With(Shift(saturday, 14, 22));

        Assert.Empty(builder.Check(Shift(saturday.AddDays(1), 8, 16)));
    }

    [Fact]
    public void A_contract_limit_reached_exactly_is_allowed_and_half_an_hour_more_is_refused()
    {
        // 80%: 28 hours, plus the 2 hours of tolerance = 30 hours. Four days of 7 hours, then 2 or 2.5 more.
        var builder = new PlanningBuilder().WorkingPercent(80);
        for (var day = 0; day < 4; day++)
        {
            builder.With(Shift(Monday.AddDays(day), 9, 16));
        }

        Assert.Empty(builder.Check(Shift(Monday.AddDays(4), 9, 11)));
        Assert.Equal([PlanningRule.Contract], builder.Check(Shift(Monday.AddDays(4), 9, 11, endMinute: 30)));
    }

    [Fact]
    public void The_contract_counts_only_the_shifts_of_the_same_monday_to_sunday_week()
    {
        var builder = new PlanningBuilder().WorkingPercent(50).With(Shift(Monday.AddDays(-1), 8, 18)).With(Shift(Monday.AddDays(7), 8, 18));

        Assert.Empty(builder.Check(Shift(Monday.AddDays(2), 8, 18)));
    }

    [Fact]
    public void Forty_eight_hours_a_week_is_the_ceiling_whatever_the_contract_tolerance()
    {
        var builder = new PlanningBuilder();
        builder.Settings.ContractToleranceHours = 20;
        for (var day = 0; day < 4; day++)
        {
            builder.With(Shift(Monday.AddDays(day), 8, 18));
        }

        Assert.Empty(builder.Check(Shift(Monday.AddDays(4), 8, 16)));
        Assert.Equal([PlanningRule.WeeklyHours], builder.Check(Shift(Monday.AddDays(4), 8, 16, endMinute: 30)));
    }

    [Fact]
    public void A_moved_shift_is_not_counted_against_itself()
    {
        var existing = Shift(Monday, 9, 17);
        existing.Id = 7;
        var builder = new PlanningBuilder().With(existing);
        var moved = Shift(Monday, 10, 18);
        moved.Id = 7;

        Assert.Empty(builder.Check(moved));
    }

    [Fact]
    public void A_break_the_portal_does_not_allow_is_refused()
    {
        Assert.Equal([PlanningRule.Break], new PlanningBuilder().Check(Shift(Monday, 9, 17, pause: new ShiftBreak(new TimeOnly(12, 10), 30))));
    }

    [Fact]
    public void A_batch_is_checked_as_a_whole_each_shift_against_those_before_it()
    {
        var builder = new PlanningBuilder();
        var advisor = builder.Advisor();
        var rules = new PlanningRules(builder.Settings, LocalCalendar.Paris);
        var channels = new Dictionary<int, Portal.Domain.Channels.Channel> { [ChannelId] = builder.Channel() };

        var refusals = rules.CheckAll([Shift(Monday, 9, 17), Shift(Monday, 16, 20)], new Dictionary<int, AdvisorPlanningFacts> { [1] = advisor }, channels);

        Assert.Contains(refusals, r => r.Rule == PlanningRule.Overlap);
    }
}
