using Portal.Domain.Coverage;
using Portal.Domain.Staffing;
using Portal.Domain.Subcontracting;
using Portal.Domain.Time;

namespace Portal.Domain.Tests.Coverage;

public class CoverageCalculatorTests
{
    // 2026-11-26 is a Thursday, 2026-11-28 a Saturday, 2026-11-11 a public holiday (Wednesday).
    private static readonly DateOnly Thursday = new(2026, 11, 26);
    private static readonly DateOnly Saturday = new(2026, 11, 28);
    private static readonly DateOnly Armistice = new(2026, 11, 11);

    [Fact]
    public void The_requirement_of_an_interval_is_the_staff_to_schedule_of_section_4()
    {
        var days = new CoverageBuilder().Compute(Thursday);

        var cell = CoverageBuilder.At(days, Thursday, "10:00");

        // 100 calls in 30 minutes, 180 s, 80% in 20 s: the worked example, 14 agents.
        Assert.Equal(14, cell.Requirement.Agents);
        Assert.Equal(14, cell.Required);
        Assert.Equal(100, cell.Contacts);
    }

    [Fact]
    public void Certified_in_house_advisors_on_shift_are_the_first_supply()
    {
        var builder = new CoverageBuilder();
        builder.OnShift(12, Thursday, "08:00", "15:30");
        builder.OnShift(3, Thursday, "08:00", "15:30", isCertified: false);

        var cell = CoverageBuilder.At(builder.Compute(Thursday), Thursday, "10:00");

        Assert.Equal(12, cell.InHouse);
        Assert.Equal(3, cell.Losses.NotCertified);
        Assert.Equal(2, cell.Gap);
    }

    [Fact]
    public void A_shift_covers_its_intervals_from_its_start_to_before_its_end()
    {
        var builder = new CoverageBuilder();
        builder.OnShift(5, Thursday, "08:00", "15:30");
        var days = builder.Compute(Thursday);

        Assert.Equal(0, CoverageBuilder.At(days, Thursday, "07:30").InHouse);
        Assert.Equal(5, CoverageBuilder.At(days, Thursday, "08:00").InHouse);
        Assert.Equal(5, CoverageBuilder.At(days, Thursday, "15:00").InHouse);
        Assert.Equal(0, CoverageBuilder.At(days, Thursday, "15:30").InHouse);
    }

    [Fact]
    public void Break_minutes_leave_supply()
    {
        var builder = new CoverageBuilder();
        builder.OnShift(6, Thursday, "08:00", "16:00", breakStart: "12:00", breakMinutes: 30);
        var days = builder.Compute(Thursday);

        Assert.Equal(6, CoverageBuilder.At(days, Thursday, "11:30").InHouse);
        Assert.Equal(0, CoverageBuilder.At(days, Thursday, "12:00").InHouse);
        Assert.Equal(6, CoverageBuilder.At(days, Thursday, "12:00").Losses.OnBreak);
        Assert.Equal(6, CoverageBuilder.At(days, Thursday, "12:30").InHouse);
        Assert.Equal(0, CoverageBuilder.At(days, Thursday, "12:30").Losses.OnBreak);
    }

    [Fact]
    public void A_break_at_the_edge_of_the_allowed_range_removes_only_its_own_half_hours()
    {
        var builder = new CoverageBuilder();
        builder.OnShift(3, Thursday, "08:00", "16:00", breakStart: "15:00", breakMinutes: 60);
        builder.OnShift(2, Thursday, "08:00", "16:00");
        var days = builder.Compute(Thursday);

        Assert.Equal(5, CoverageBuilder.At(days, Thursday, "14:30").InHouse);
        Assert.Equal(2, CoverageBuilder.At(days, Thursday, "15:00").InHouse);
        Assert.Equal(2, CoverageBuilder.At(days, Thursday, "15:30").InHouse);
        Assert.Equal(0, CoverageBuilder.At(days, Thursday, "16:00").InHouse);
        Assert.False(CoverageBuilder.At(days, Thursday, "15:00").Losses.Any);
    }

    [Fact]
    public void A_night_shift_with_its_break_after_midnight_leaves_supply_on_the_next_day()
    {
        var builder = new CoverageBuilder();
        builder.OnShift(4, Thursday, "22:00", "06:00", breakStart: "01:00", breakMinutes: 60);
        var days = builder.Compute(Thursday, 2);
        var friday = Thursday.AddDays(1);

        Assert.Equal(4, CoverageBuilder.At(days, Thursday, "23:30").InHouse);
        Assert.Equal(4, CoverageBuilder.At(days, friday, "00:30").InHouse);
        Assert.Equal(0, CoverageBuilder.At(days, friday, "01:00").InHouse);
        Assert.Equal(0, CoverageBuilder.At(days, friday, "01:30").InHouse);
        Assert.Equal(4, CoverageBuilder.At(days, friday, "02:00").InHouse);
        // The break belongs to the night, not to the Thursday's 01:00.
        Assert.Equal(0, CoverageBuilder.At(days, Thursday, "01:00").Losses.OnBreak);
    }

    [Fact]
    public void An_absurd_stored_interval_cannot_be_staffed_and_the_rest_of_the_day_is_computed()
    {
        var builder = new CoverageBuilder().WithContactsAt(Thursday, "10:00", 1e12);
        builder.OnShift(20, Thursday, "08:00", "16:00");
        var days = builder.Compute(Thursday);

        var absurd = CoverageBuilder.At(days, Thursday, "10:00");
        var next = CoverageBuilder.At(days, Thursday, "10:30");

        Assert.True(absurd.Unstaffable);
        Assert.Equal(CoverageStatus.Unstaffable, absurd.Status);
        Assert.Equal(0, absurd.Required);
        Assert.Equal(20, absurd.InHouse);
        Assert.Equal(14, next.Required);
        Assert.Equal(CoverageStatus.Covered, next.Status);
        // The totals leave it out rather than count a million agents.
        Assert.Equal(14 * 47 / 2.0, days[0].RequiredStaffHours);
        Assert.Equal(1, CoverageBands.OfCore(days).Unstaffable);
    }

    [Fact]
    public void An_absurd_email_day_cannot_be_staffed_and_the_next_day_is_computed()
    {
        var friday = Thursday.AddDays(1);
        var builder = new CoverageBuilder().WithChannel(Channels.Email()).WithContactsAt(Thursday, "10:00", 1e12);
        var days = builder.Compute(Thursday, 2);

        Assert.All(days[0].Cells.Where(c => c.Interval.LocalTime >= new TimeOnly(8, 0) && c.Interval.LocalTime < new TimeOnly(20, 0)),
            c => Assert.Equal(CoverageStatus.Unstaffable, c.Status));
        Assert.DoesNotContain(days[1].Cells, c => c.Unstaffable);
        Assert.True(CoverageBuilder.At(days, friday, "10:00").Required > 0);
    }

    [Fact]
    public void A_night_shift_reaches_into_the_next_day()
    {
        var builder = new CoverageBuilder();
        builder.OnShift(4, Thursday.AddDays(-1), "22:00", "06:00");

        var cell = CoverageBuilder.At(builder.Compute(Thursday), Thursday, "05:30");

        Assert.Equal(4, cell.InHouse);
    }

    [Fact]
    public void A_training_day_removes_the_advisor_and_is_named_as_the_cause()
    {
        var builder = new CoverageBuilder();
        var trainees = builder.OnShift(6, Thursday, "08:00", "15:30");
        builder.OnShift(10, Thursday, "08:00", "15:30");
        builder.InTraining(trainees.Take(4), Thursday);

        var cell = CoverageBuilder.At(builder.Compute(Thursday), Thursday, "10:00");

        Assert.Equal(12, cell.InHouse);
        Assert.Equal(4, cell.Losses.Training);
        Assert.Equal(2, cell.Gap);
    }

    [Fact]
    public void A_training_day_removes_supply_on_that_day_only()
    {
        var builder = new CoverageBuilder();
        var advisors = builder.OnShift(3, Thursday, "08:00", "15:30");
        builder.InTraining(advisors, Thursday.AddDays(1));

        var cell = CoverageBuilder.At(builder.Compute(Thursday), Thursday, "10:00");

        Assert.Equal(3, cell.InHouse);
        Assert.Equal(0, cell.Losses.Training);
    }

    [Fact]
    public void An_absent_advisor_is_no_supply()
    {
        var builder = new CoverageBuilder();
        var absent = builder.OnShift(2, Thursday, "08:00", "15:30");
        builder.OnShift(14, Thursday, "08:00", "15:30");
        builder.Absent(absent, Thursday.AddDays(-2), Thursday);

        var cell = CoverageBuilder.At(builder.Compute(Thursday), Thursday, "10:00");

        Assert.Equal(14, cell.InHouse);
        Assert.Equal(2, cell.Losses.Absence);
        Assert.Equal(CoverageStatus.Covered, cell.Status);
    }

    [Theory]
    [InlineData("10:00")] // core
    [InlineData("20:30")] // evening
    [InlineData("23:00")] // night
    public void Before_its_switch_a_region_counts_subcontractors_in_every_slot(string time)
    {
        var builder = new CoverageBuilder().Subcontracted(7, Weekdays.All, "00:00", "00:00");

        var cell = CoverageBuilder.At(builder.Compute(Thursday), Thursday, time);

        Assert.Equal(7, cell.Subcontracted);
        Assert.Equal(0, cell.Losses.SubcontractorsAfterSwitch);
    }

    [Theory]
    [InlineData("2026-11-26", "10:00", SlotClass.Core, false)]
    [InlineData("2026-11-26", "19:30", SlotClass.Core, false)]
    [InlineData("2026-11-26", "20:00", SlotClass.Evening, true)]
    [InlineData("2026-11-26", "22:00", SlotClass.Night, true)]
    [InlineData("2026-11-26", "07:30", SlotClass.Night, true)]
    [InlineData("2026-11-28", "10:00", SlotClass.Weekend, true)]
    [InlineData("2026-11-11", "10:00", SlotClass.Weekend, true)]
    public void After_its_switch_a_region_counts_subcontractors_only_in_evening_night_and_weekend_slots(string day, string time, SlotClass slot, bool counted)
    {
        var date = DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);
        var builder = new CoverageBuilder().SwitchedOn(new DateOnly(2026, 10, 1)).Subcontracted(7, Weekdays.All, "00:00", "00:00");

        var cell = CoverageBuilder.At(builder.Compute(date), date, time);

        Assert.Equal(slot, cell.Slot);
        Assert.Equal(counted ? 7 : 0, cell.Subcontracted);
        Assert.Equal(counted ? 0 : 7, cell.Losses.SubcontractorsAfterSwitch);
    }

    [Fact]
    public void The_switch_changes_the_rules_from_the_switch_date_on_not_before()
    {
        var builder = new CoverageBuilder().SwitchedOn(Thursday).Subcontracted(7, Weekdays.All, "00:00", "00:00");

        var days = builder.Compute(Thursday.AddDays(-1), 2);

        Assert.Equal(7, CoverageBuilder.At(days, Thursday.AddDays(-1), "10:00").Subcontracted);
        Assert.Equal(0, CoverageBuilder.At(days, Thursday, "10:00").Subcontracted);
    }

    [Fact]
    public void Capacity_counts_only_on_its_weekdays_and_hours()
    {
        var builder = new CoverageBuilder().Subcontracted(9, Weekdays.MondayToFriday, "20:00", "22:00");

        var days = builder.Compute(Thursday, 3);

        Assert.Equal(9, CoverageBuilder.At(days, Thursday, "21:30").Subcontracted);
        Assert.Equal(0, CoverageBuilder.At(days, Thursday, "22:00").Subcontracted);
        Assert.Equal(0, CoverageBuilder.At(days, Thursday, "19:30").Subcontracted);
        Assert.Equal(0, CoverageBuilder.At(days, Saturday, "21:00").Subcontracted);
    }

    [Fact]
    public void A_week_with_the_autumn_clock_change_has_a_day_of_fifty_intervals_and_keeps_its_demand()
    {
        var monday = new DateOnly(2026, 10, 19);
        var builder = new CoverageBuilder();
        builder.OnShift(3, new DateOnly(2026, 10, 25), "01:00", "04:00");

        var days = builder.Compute(monday, 7);
        var sunday = days.Single(d => d.Date == new DateOnly(2026, 10, 25));

        Assert.Equal([48, 48, 48, 48, 48, 48, 50], days.Select(d => d.Cells.Count));
        Assert.Equal(50 * 100, sunday.Cells.Sum(c => c.Contacts));
        // Wall-clock hours: 01:00 to 04:00 local lasts four real hours on that night, eight intervals.
        Assert.Equal(8, sunday.Cells.Count(c => c.InHouse == 3));
    }

    [Fact]
    public void A_week_with_the_spring_clock_change_has_a_day_of_forty_six_intervals()
    {
        var days = new CoverageBuilder().Compute(new DateOnly(2026, 3, 23), 7);

        Assert.Equal([48, 48, 48, 48, 48, 48, 46], days.Select(d => d.Cells.Count));
        Assert.DoesNotContain(days[6].Cells, c => c.Interval.LocalTime == new TimeOnly(2, 0));
    }

    [Fact]
    public void A_closed_interval_requires_no_one_whatever_its_contacts()
    {
        var email = Channels.Email();

        var days = new CoverageBuilder().WithChannel(email).Compute(Thursday);

        Assert.Equal(0, CoverageBuilder.At(days, Thursday, "07:30").Required);
        Assert.Equal(CoverageStatus.NoDemand, CoverageBuilder.At(days, Thursday, "07:30").Status);
        Assert.True(CoverageBuilder.At(days, Thursday, "08:00").Required > 0);
    }

    [Fact]
    public void Email_spreads_the_day_contacts_evenly_over_the_open_intervals_as_workload()
    {
        var days = new CoverageBuilder().WithChannel(Channels.Email()).WithContacts(10).Compute(Thursday);
        var open = days[0].Cells.Where(c => c.Required > 0).ToList();

        // 48 intervals × 10 e-mails arrive; 24 open intervals handle 20 each: 20 × 360 s / 1800 s = 4 Erlangs, / 0.9 → 5 advisors.
        Assert.Equal(24, open.Count);
        Assert.All(open, c => Assert.Equal(20, c.Contacts, 9));
        Assert.All(open, c => Assert.Equal(5, c.Required));
        Assert.Equal(480, days[0].Cells.Sum(c => c.Contacts), 9);
    }

    [Theory]
    [InlineData(10, CoverageStatus.Covered)]
    [InlineData(12, CoverageStatus.Covered)]
    [InlineData(9, CoverageStatus.Tight)]
    [InlineData(8, CoverageStatus.Understaffed)]
    [InlineData(0, CoverageStatus.Understaffed)]
    public void The_status_follows_the_thresholds_of_the_specification(int supply, CoverageStatus expected)
    {
        var interval = LocalCalendar.Paris.IntervalsOf(Thursday)[20];
        var cell = new CoverageCell(interval, SlotClass.Core, 50, 180, new StaffingResult(5, 10, 0.85, 5, 0.5, 10), supply, 0, default);

        Assert.Equal(expected, cell.Status);
        Assert.Equal(Math.Max(0, 10 - supply), cell.Gap);
    }

    [Fact]
    public void An_interval_without_demand_has_no_status_to_worry_about()
    {
        var interval = LocalCalendar.Paris.IntervalsOf(Thursday)[2];
        var cell = new CoverageCell(interval, SlotClass.Night, 0, 180, StaffingResult.None, 3, 0, default);

        Assert.Equal(CoverageStatus.NoDemand, cell.Status);
        Assert.Equal(0, cell.Gap);
        Assert.Equal(1, cell.Coverage);
    }

    [Fact]
    public void Staff_hours_count_supply_only_up_to_what_is_required()
    {
        var builder = new CoverageBuilder();
        builder.OnShift(20, Thursday, "08:00", "09:00");

        var day = builder.Compute(Thursday)[0];

        Assert.Equal(48 * 14 / 2.0, day.RequiredStaffHours);
        Assert.Equal(2 * 14 / 2.0, day.SuppliedStaffHours);
    }
}

public class CoverageEdgeTests
{
    private static readonly DateOnly Thursday = new(2026, 11, 26);

    [Fact]
    public void A_night_shift_is_judged_on_the_day_it_starts_for_training_and_absence()
    {
        var builder = new CoverageBuilder();
        var trainedNextDay = builder.OnShift(2, Thursday, "22:00", "06:00");
        var absentThatDay = builder.OnShift(3, Thursday, "22:00", "06:00");
        builder.InTraining(trainedNextDay, Thursday.AddDays(1));
        builder.Absent(absentThatDay, Thursday, Thursday);

        var days = builder.Compute(Thursday, 2);

        var lateThursday = CoverageBuilder.At(days, Thursday, "23:00");
        var earlyFriday = CoverageBuilder.At(days, Thursday.AddDays(1), "05:00");
        Assert.Equal(2, lateThursday.InHouse);
        Assert.Equal(3, lateThursday.Losses.Absence);
        Assert.Equal(2, earlyFriday.InHouse);
        Assert.Equal(3, earlyFriday.Losses.Absence);
        Assert.Equal(0, earlyFriday.Losses.Training);
    }

    [Fact]
    public void Capacity_until_midnight_covers_the_last_half_hour_of_the_day()
    {
        var builder = new CoverageBuilder().Subcontracted(6, Portal.Domain.Subcontracting.Weekdays.All, "22:00", "00:00");

        var days = builder.Compute(Thursday);

        Assert.Equal(6, CoverageBuilder.At(days, Thursday, "23:30").Subcontracted);
        Assert.Equal(0, CoverageBuilder.At(days, Thursday, "21:30").Subcontracted);
        Assert.Equal(0, CoverageBuilder.At(days, Thursday, "00:00").Subcontracted);
    }

    [Fact]
    public void E_mails_of_a_closed_day_are_carried_to_the_next_open_day()
    {
        // 2026-11-28 and 29 are a weekend: the e-mail channel of the builder is closed; Monday the 30th is open.
        var days = new CoverageBuilder().WithChannel(Channels.Email()).WithContacts(10).Compute(new DateOnly(2026, 11, 28), 3);

        Assert.Equal(0, days[0].Cells.Sum(c => c.Contacts));
        Assert.Equal(0, days[1].Cells.Sum(c => c.Contacts));
        // Monday handles its own 480 e-mails and the weekend's 960 (a 50-interval day has none here: no clock change).
        Assert.Equal(3 * 480, days[2].Cells.Sum(c => c.Contacts), 9);
    }

    [Fact]
    public void Supply_is_compared_with_the_staff_to_schedule_not_with_the_agents_on_the_queue()
    {
        var channel = Channels.Voice();
        channel.Shrinkage = 0.3;
        var builder = new CoverageBuilder().WithChannel(channel);
        builder.OnShift(14, Thursday, "08:00", "15:30");

        var cell = CoverageBuilder.At(builder.Compute(Thursday), Thursday, "10:00");

        Assert.Equal(14, cell.Requirement.Agents);
        Assert.Equal(20, cell.Required);
        Assert.Equal(6, cell.Gap);
        Assert.Equal(CoverageStatus.Understaffed, cell.Status);
    }
}

/// <summary>Counting a day's supply again after its shifts changed, as the planner does, without sizing its demand again.</summary>
public class CoverageResupplyTests
{
    private static readonly DateOnly Saturday = new(2026, 11, 28);
    private static readonly DateOnly Monday = new(2026, 11, 30);

    private static IEnumerable<(int Required, int InHouse, int Subcontracted, SupplyLosses Losses)> Counts(CoverageDay day) =>
        day.Cells.Select(c => (c.Required, c.InHouse, c.Subcontracted, c.Losses));

    [Fact]
    public void A_day_counted_again_after_a_new_shift_matches_the_whole_week_computed_again()
    {
        var builder = new CoverageBuilder();
        builder.OnShift(4, Monday, "08:00", "15:30", breakStart: "12:00");
        var before = builder.Compute(Saturday, 4);
        var added = builder.OnShift(3, Monday, "12:00", "20:00");
        builder.OnShift(2, Monday.AddDays(-1), "22:00", "06:00", isCertified: false);
        builder.InTraining(added.Take(1), Monday);

        var again = builder.Resupply(before.Where(d => d.Date == Monday)).Single();
        var whole = builder.Compute(Saturday, 4).Single(d => d.Date == Monday);

        Assert.Equal(Counts(whole), Counts(again));
        Assert.Equal(6, CoverageBuilder.At([again], Monday, "13:00").InHouse);
        Assert.Equal(1, CoverageBuilder.At([again], Monday, "13:00").Losses.Training);
        Assert.Equal(2, CoverageBuilder.At([again], Monday, "02:00").Losses.NotCertified);
    }

    [Fact]
    public void An_email_day_keeps_the_weekend_mail_it_carries_which_a_day_computed_alone_would_lose()
    {
        var builder = new CoverageBuilder().WithChannel(Channels.Email()).WithContacts(10);
        var week = builder.Compute(Saturday, 3);
        builder.OnShift(5, Monday, "09:00", "17:00");

        var again = builder.Resupply(week.Where(d => d.Date == Monday)).Single();
        var alone = builder.Compute(Monday).Single();

        Assert.Equal(week.Single(d => d.Date == Monday).RequiredStaffHours, again.RequiredStaffHours);
        Assert.True(alone.RequiredStaffHours < again.RequiredStaffHours);
        Assert.Equal(5, CoverageBuilder.At([again], Monday, "10:00").InHouse);
    }
}
