using Portal.Domain.Skills;
using Portal.Domain.Tests.Advisors;

namespace Portal.Domain.Tests.Skills;

public class SettingALevelTests
{
    private static readonly DateOnly LastDay = new(2026, 11, 20);
    private const string Reason = "Réévaluation après écoute";

    [Fact]
    public void A_course_never_lowers_a_level()
    {
        var advisor = new AdvisorBuilder().Holding(1, ProficiencyLevel.Expert).Build();

        var result = advisor.SetSkill(LevelChange.ByCourse(7, 1, ProficiencyLevel.Certified, LastDay));

        Assert.Equal(LevelChangeOutcome.Unchanged, result.Outcome);
        Assert.Equal(ProficiencyLevel.Expert, advisor.Skills.Single().Level);
        Assert.Equal(CertificationSource.Initial, advisor.Skills.Single().Source);
    }

    [Fact]
    public void A_course_granting_the_level_already_held_keeps_its_date_and_source()
    {
        var held = AdvisorBuilder.Day.AddYears(-1);
        var advisor = new AdvisorBuilder().Holding(1, ProficiencyLevel.Certified, CertificationSource.Manual, held).Build();

        var result = advisor.SetSkill(LevelChange.ByCourse(7, 1, ProficiencyLevel.Certified, LastDay));

        Assert.Equal(LevelChangeOutcome.Unchanged, result.Outcome);
        Assert.Equal(held, advisor.Skills.Single().CertifiedOn);
        Assert.Null(advisor.Skills.Single().CourseId);
    }

    [Fact]
    public void A_course_raises_a_lower_level_dated_on_the_last_day_with_the_course_as_source()
    {
        var advisor = new AdvisorBuilder().Holding(1, ProficiencyLevel.Trainee).Build();

        var result = advisor.SetSkill(LevelChange.ByCourse(7, 1, ProficiencyLevel.Certified, LastDay));

        Assert.Equal(LevelChangeOutcome.Changed, result.Outcome);
        Assert.False(result.Added);
        Assert.Equal(new HeldLevel(ProficiencyLevel.Trainee, AdvisorBuilder.Day.AddYears(-1), CertificationSource.Initial, null, null), result.Before);
        Assert.Equal(new HeldLevel(ProficiencyLevel.Certified, LastDay, CertificationSource.Course, 7, null), result.After);
    }

    [Fact]
    public void A_course_grants_a_skill_not_held_yet()
    {
        var advisor = new AdvisorBuilder().Build();

        var result = advisor.SetSkill(LevelChange.ByCourse(7, 3, ProficiencyLevel.Certified, LastDay));

        Assert.True(result.Added);
        Assert.Null(result.Before);
        Assert.Same(result.Skill, advisor.Skills.Single());
        Assert.Equal(advisor.Id, result.Skill!.AdvisorId);
    }

    [Fact]
    public void Lowering_a_level_by_hand_needs_a_reason()
    {
        var advisor = new AdvisorBuilder().Holding(1, ProficiencyLevel.Confirmed).Build();

        var refused = advisor.SetSkill(LevelChange.ByHand(1, ProficiencyLevel.Certified, LastDay, "director"));

        Assert.Equal(LevelChangeOutcome.Refused, refused.Outcome);
        Assert.Equal(LevelRefusal.ReasonRequired, refused.Refusal);
        Assert.Equal(ProficiencyLevel.Confirmed, advisor.Skills.Single().Level);
    }

    [Theory]
    [InlineData("", false)]
    [InlineData("          ", false)]
    [InlineData("123456789", false)]
    [InlineData("1234567890", true)]
    public void A_reason_to_lower_counts_ten_characters_or_more(string reason, bool accepted)
    {
        var advisor = new AdvisorBuilder().Holding(1, ProficiencyLevel.Confirmed).Build();

        var result = advisor.SetSkill(LevelChange.ByHand(1, ProficiencyLevel.Trainee, LastDay, "director", reason));

        Assert.Equal(accepted ? LevelChangeOutcome.Changed : LevelChangeOutcome.Refused, result.Outcome);
    }

    [Fact]
    public void Lowering_a_level_by_hand_with_a_reason_records_who_and_when()
    {
        var advisor = new AdvisorBuilder().Holding(1, ProficiencyLevel.Confirmed, CertificationSource.Course).Build();

        var result = advisor.SetSkill(LevelChange.ByHand(1, ProficiencyLevel.Certified, LastDay, "director", Reason));

        Assert.Equal(new HeldLevel(ProficiencyLevel.Certified, LastDay, CertificationSource.Manual, null, "director"), result.After);
    }

    [Fact]
    public void Raising_a_level_by_hand_needs_no_reason()
    {
        var advisor = new AdvisorBuilder().Holding(1, ProficiencyLevel.Trainee).Build();

        var result = advisor.SetSkill(LevelChange.ByHand(1, ProficiencyLevel.Expert, LastDay, "director"));

        Assert.Equal(LevelChangeOutcome.Changed, result.Outcome);
        Assert.Equal(ProficiencyLevel.Expert, advisor.Skills.Single().Level);
    }

    [Fact]
    public void Re_dating_a_level_by_hand_is_a_change()
    {
        var advisor = new AdvisorBuilder().Holding(1, ProficiencyLevel.Certified, CertificationSource.Manual, LastDay.AddDays(-1)).Build();

        Assert.Equal(LevelChangeOutcome.Changed, advisor.SetSkill(LevelChange.ByHand(1, ProficiencyLevel.Certified, LastDay, "director")).Outcome);
        Assert.Equal(LevelChangeOutcome.Unchanged, advisor.SetSkill(LevelChange.ByHand(1, ProficiencyLevel.Certified, LastDay, "director")).Outcome);
    }

    [Fact]
    public void An_import_lowering_a_level_without_a_reason_is_refused()
    {
        var advisor = new AdvisorBuilder().Holding(1, ProficiencyLevel.Expert).Build();

        var result = advisor.SetSkill(LevelChange.ByImport(1, ProficiencyLevel.Certified, LastDay, "hr"));

        Assert.Equal(LevelRefusal.ReasonRequired, result.Refusal);
    }

    [Fact]
    public void An_import_of_the_level_already_held_changes_nothing()
    {
        var advisor = new AdvisorBuilder().Holding(1, ProficiencyLevel.Certified, CertificationSource.Course).Build();

        var result = advisor.SetSkill(LevelChange.ByImport(1, ProficiencyLevel.Certified, LastDay, "hr"));

        Assert.Equal(LevelChangeOutcome.Unchanged, result.Outcome);
        Assert.Equal(CertificationSource.Course, advisor.Skills.Single().Source);
    }

    [Fact]
    public void An_import_raising_a_level_records_the_import_and_who_imported()
    {
        var advisor = new AdvisorBuilder().Build();

        var result = advisor.SetSkill(LevelChange.ByImport(2, ProficiencyLevel.Confirmed, LastDay, "hr"));

        Assert.Equal(new HeldLevel(ProficiencyLevel.Confirmed, LastDay, CertificationSource.Import, null, "hr"), result.After);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public void A_level_off_the_scale_is_refused_from_any_source(int level)
    {
        var advisor = new AdvisorBuilder().Build();

        Assert.Equal(LevelRefusal.LevelOutOfRange, advisor.SetSkill(LevelChange.ByHand(1, (ProficiencyLevel)level, LastDay, "d")).Refusal);
        Assert.Equal(LevelRefusal.LevelOutOfRange, advisor.SetSkill(LevelChange.ByCourse(7, 1, (ProficiencyLevel)level, LastDay)).Refusal);
        Assert.Empty(advisor.Skills);
    }
}
