using Portal.Domain.Advisors;
using Portal.Domain.Skills;
using Portal.Domain.Training;

namespace Portal.Domain.Tests.Training;

public class TrainingRulesTests
{
    private const int Bpl = 2;
    private const int Nc = 1;
    private const int MaxPerWeek = 3;

    // Monday 7 to Saturday 12 December 2026: no public holiday.
    private static readonly DateOnly Monday = new(2026, 12, 7);

    private static AdvisorTrainingFacts Advisor(int region = Bpl, bool active = true, bool inHouse = true, bool enrolled = false, params DateOnly[] trainingDays) =>
        new(1, active, inHouse, region, enrolled, trainingDays.ToHashSet());

    private static SessionFacts Session(int enrolled = 0, int capacity = 12, params DateOnly[] days) =>
        new(Bpl, days.Length == 0 ? [Monday, Monday.AddDays(1)] : days, capacity, enrolled);

    private static EnrolmentRefusal? Check(AdvisorTrainingFacts advisor, SessionFacts session, bool acrossRegions = false) =>
        TrainingRules.CheckEnrolment(advisor, session, acrossRegions, MaxPerWeek);

    // ---- own region ----

    [Fact]
    public void An_advisor_of_the_own_region_may_be_enrolled() => Assert.Null(Check(Advisor(), Session()));

    [Fact]
    public void An_advisor_of_another_region_is_refused() => Assert.Equal(EnrolmentRefusal.OtherRegion, Check(Advisor(region: Nc), Session()));

    [Fact]
    public void A_national_administrator_may_enrol_across_regions() => Assert.Null(Check(Advisor(region: Nc), Session(), acrossRegions: true));

    // ---- capacity ----

    [Fact]
    public void The_twelfth_of_twelve_seats_is_accepted() => Assert.Null(Check(Advisor(), Session(enrolled: 11)));

    [Fact]
    public void The_thirteenth_of_twelve_seats_is_refused() => Assert.Equal(EnrolmentRefusal.Full, Check(Advisor(), Session(enrolled: 12)));

    [Fact]
    public void A_smaller_capacity_than_the_course_is_the_limit() => Assert.Equal(EnrolmentRefusal.Full, Check(Advisor(), Session(enrolled: 8, capacity: 8)));

    // ---- same day ----

    [Fact]
    public void An_advisor_already_in_training_on_a_session_day_is_refused() =>
        Assert.Equal(EnrolmentRefusal.SameDay, Check(Advisor(trainingDays: Monday.AddDays(1)), Session()));

    [Fact]
    public void Training_on_another_day_of_the_week_does_not_clash() =>
        Assert.Null(Check(Advisor(trainingDays: Monday.AddDays(3)), Session()));

    // ---- week limit ----

    [Fact]
    public void Three_training_days_in_a_week_are_accepted()
    {
        var advisor = Advisor(trainingDays: Monday.AddDays(3));

        Assert.Null(Check(advisor, Session(days: [Monday, Monday.AddDays(1)])));
    }

    [Fact]
    public void A_fourth_training_day_in_the_week_is_refused()
    {
        var advisor = Advisor(trainingDays: [Monday.AddDays(3), Monday.AddDays(4)]);

        Assert.Equal(EnrolmentRefusal.WeekLimit, Check(advisor, Session(days: [Monday, Monday.AddDays(1)])));
    }

    [Fact]
    public void Weeks_run_monday_to_sunday_so_days_either_side_of_a_monday_count_apart()
    {
        // Thursday, Friday, Saturday of one week, then Monday of the next: three days in each week at most.
        var advisor = Advisor(trainingDays: [Monday.AddDays(-4), Monday.AddDays(-3), Monday.AddDays(-2)]);

        Assert.Null(Check(advisor, Session(days: [Monday, Monday.AddDays(1), Monday.AddDays(2)])));
    }

    [Fact]
    public void A_session_longer_than_the_week_limit_within_one_week_is_refused_even_alone() =>
        Assert.Equal(EnrolmentRefusal.WeekLimit, Check(Advisor(), Session(days: [Monday, Monday.AddDays(1), Monday.AddDays(2), Monday.AddDays(3)])));

    [Fact]
    public void A_four_day_session_over_two_weeks_fits_the_limit() =>
        Assert.Null(Check(Advisor(), Session(days: [Monday.AddDays(3), Monday.AddDays(4), Monday.AddDays(7), Monday.AddDays(8)])));

    // ---- the advisor ----

    [Fact]
    public void An_inactive_advisor_is_refused() => Assert.Equal(EnrolmentRefusal.Inactive, Check(Advisor(active: false), Session()));

    [Fact]
    public void An_advisor_not_in_house_is_refused() => Assert.Equal(EnrolmentRefusal.NotInHouse, Check(Advisor(inHouse: false), Session()));

    [Fact]
    public void An_advisor_already_enrolled_is_refused() => Assert.Equal(EnrolmentRefusal.AlreadyEnrolled, Check(Advisor(enrolled: true), Session()));

    [Fact]
    public void An_inactive_advisor_of_another_region_is_told_inactive_first() =>
        Assert.Equal(EnrolmentRefusal.Inactive, Check(Advisor(region: Nc, active: false), Session(enrolled: 12)));

    // ---- the session's days ----

    [Fact]
    public void Distinct_working_days_as_many_as_the_course_has_are_accepted() =>
        Assert.Null(TrainingRules.CheckDays([Monday, Monday.AddDays(1), Monday.AddDays(5)], 3));

    [Fact]
    public void A_saturday_is_a_working_day_for_training() => Assert.Null(TrainingRules.CheckDays([Monday.AddDays(5)], 1));

    [Fact]
    public void The_same_date_twice_is_refused() =>
        Assert.Equal(SessionDaysRefusal.DuplicateDay, TrainingRules.CheckDays([Monday, Monday], 2));

    [Fact]
    public void A_sunday_is_refused() => Assert.Equal(SessionDaysRefusal.Sunday, TrainingRules.CheckDays([Monday.AddDays(6)], 1));

    [Theory]
    [InlineData("2026-11-11")] // Armistice, a Wednesday
    [InlineData("2026-05-14")] // Ascension Thursday
    [InlineData("2026-05-25")] // Whit Monday
    [InlineData("2026-12-25")]
    public void A_public_holiday_is_refused(string day) =>
        Assert.Equal(SessionDaysRefusal.PublicHoliday, TrainingRules.CheckDays([DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)], 1));

    [Fact]
    public void A_session_spanning_a_public_holiday_is_refused()
    {
        // Tuesday 10 to Thursday 12 November 2026 takes in Armistice Day on the Wednesday.
        var days = new DateOnly[] { new(2026, 11, 10), new(2026, 11, 11), new(2026, 11, 12) };

        Assert.Equal(SessionDaysRefusal.PublicHoliday, TrainingRules.CheckDays(days, 3));
    }

    [Fact]
    public void The_days_around_a_public_holiday_are_accepted() =>
        Assert.Null(TrainingRules.CheckDays([new DateOnly(2026, 11, 10), new DateOnly(2026, 11, 12)], 2));

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Fewer_or_more_days_than_the_course_are_refused(int count) =>
        Assert.Equal(SessionDaysRefusal.WrongNumberOfDays, TrainingRules.CheckDays(Enumerable.Range(0, count).Select(i => Monday.AddDays(i)).ToList(), 2));

    // ---- completion ----

    private static readonly DateOnly[] Days = [Monday, Monday.AddDays(1)];

    [Fact]
    public void Every_day_attended_and_a_pass_completes()
    {
        Assert.Equal((EnrolmentStatus.Completed, (CompletionRefusal?)null), TrainingRules.Outcome(Days, Days.ToHashSet(), TrainingResult.Pass));
    }

    [Fact]
    public void A_pass_with_a_day_missed_is_refused_and_leaves_the_enrolment_planned()
    {
        var (status, refusal) = TrainingRules.Outcome(Days, new HashSet<DateOnly> { Monday }, TrainingResult.Pass);

        Assert.Equal(CompletionRefusal.NotEveryDayAttended, refusal);
        Assert.Equal(EnrolmentStatus.Planned, status);
    }

    [Fact]
    public void Every_day_attended_and_a_fail_is_a_fail() =>
        Assert.Equal(EnrolmentStatus.Failed, TrainingRules.Outcome(Days, Days.ToHashSet(), TrainingResult.Fail).Status);

    [Fact]
    public void No_day_attended_and_a_fail_is_a_no_show() =>
        Assert.Equal(EnrolmentStatus.NoShow, TrainingRules.Outcome(Days, new HashSet<DateOnly>(), TrainingResult.Fail).Status);

    [Fact]
    public void Attendance_without_a_result_keeps_the_enrolment_planned() =>
        Assert.Equal(EnrolmentStatus.Planned, TrainingRules.Outcome(Days, Days.ToHashSet(), null).Status);

    // ---- completion grants skills ----

    private static readonly DateOnly LastDay = new(2026, 12, 8);

    private static Course Course() => new()
    {
        Id = 5, Code = "FIB", Title = "Fibre", Days = 2,
        GrantedSkills = [new CourseSkill { CourseId = 5, SkillId = 1, Level = ProficiencyLevel.Certified }, new CourseSkill { CourseId = 5, SkillId = 2, Level = ProficiencyLevel.Certified }],
    };

    private static Advisor Holder() => new()
    {
        Id = 9, EmployeeNumber = "E1", FirstName = "Ana", LastName = "Martin",
        Skills =
        [
            new AdvisorSkill { AdvisorId = 9, SkillId = 1, Level = ProficiencyLevel.Trainee, CertifiedOn = new DateOnly(2025, 1, 1), Source = CertificationSource.Initial },
            new AdvisorSkill { AdvisorId = 9, SkillId = 2, Level = ProficiencyLevel.Expert, CertifiedOn = new DateOnly(2024, 6, 1), Source = CertificationSource.Manual, SetBy = "dir" },
        ],
    };

    [Fact]
    public void Completion_raises_a_lower_level_dated_on_the_last_day_from_the_course()
    {
        var advisor = Holder();

        TrainingRules.GrantSkills(advisor, Course(), LastDay);

        var skill = advisor.Skills.Single(s => s.SkillId == 1);
        Assert.Equal((ProficiencyLevel.Certified, LastDay, CertificationSource.Course, (int?)5), (skill.Level, skill.CertifiedOn, skill.Source, skill.CourseId));
    }

    [Fact]
    public void Completion_never_lowers_a_higher_level()
    {
        var advisor = Holder();

        var before = TrainingRules.GrantSkills(advisor, Course(), LastDay);

        var skill = advisor.Skills.Single(s => s.SkillId == 2);
        Assert.Equal((ProficiencyLevel.Expert, CertificationSource.Manual), (skill.Level, skill.Source));
        Assert.Equal([1], before.Select(b => b.SkillId));
    }

    [Fact]
    public void Completion_adds_a_skill_not_held()
    {
        var advisor = Holder();
        advisor.Skills.RemoveAll(s => s.SkillId == 1);

        var before = TrainingRules.GrantSkills(advisor, Course(), LastDay);

        Assert.Equal(ProficiencyLevel.Certified, advisor.Skills.Single(s => s.SkillId == 1).Level);
        Assert.Null(before.Single().Level);
    }

    [Fact]
    public void Cancelling_a_completion_gives_back_the_levels_it_replaced_and_removes_those_it_added()
    {
        var advisor = Holder();
        advisor.Skills.RemoveAll(s => s.SkillId == 2);
        var before = TrainingRules.GrantSkills(advisor, Course(), LastDay);

        TrainingRules.RestoreSkills(advisor, 5, LastDay, before);

        var skill = Assert.Single(advisor.Skills);
        Assert.Equal((1, ProficiencyLevel.Trainee, new DateOnly(2025, 1, 1), CertificationSource.Initial), (skill.SkillId, skill.Level, skill.CertifiedOn, skill.Source));
    }

    [Fact]
    public void Cancelling_a_completion_leaves_a_level_changed_since()
    {
        var advisor = Holder();
        var before = TrainingRules.GrantSkills(advisor, Course(), LastDay);
        advisor.SetSkill(LevelChange.ByHand(1, ProficiencyLevel.Confirmed, LastDay.AddDays(3), "dir"));

        var restored = TrainingRules.RestoreSkills(advisor, 5, LastDay, before);

        Assert.Empty(restored);
        Assert.Equal(ProficiencyLevel.Confirmed, advisor.Skills.Single(s => s.SkillId == 1).Level);
    }
}
