using Portal.Domain.Advisors;
using Portal.Domain.Skills;
using Portal.Domain.Tests.Advisors;

namespace Portal.Domain.Tests.Skills;

public class CertificationTests
{
    [Theory]
    [InlineData(ProficiencyLevel.Trainee, false)]
    [InlineData(ProficiencyLevel.Certified, true)]
    [InlineData(ProficiencyLevel.Confirmed, true)]
    [InlineData(ProficiencyLevel.Expert, true)]
    public void Certified_means_level_two_or_more(ProficiencyLevel level, bool certified)
    {
        var skill = new AdvisorSkill { SkillId = 1, Level = level };

        Assert.Equal(certified, level.IsCertified());
        Assert.Equal(certified, skill.IsCertified);
        Assert.Equal(certified, new[] { skill }.AsQueryable().Any(AdvisorSkill.Certified));
    }

    [Fact]
    public void An_advisor_is_certified_for_a_channel_only_with_every_skill_it_requires_at_level_two()
    {
        var advisor = new AdvisorBuilder().Holding(1, ProficiencyLevel.Certified).Holding(2, ProficiencyLevel.Trainee).Build();

        Assert.True(advisor.IsCertifiedIn([1]));
        Assert.False(advisor.IsCertifiedIn([1, 2]));
        Assert.False(advisor.IsCertifiedIn([3]));
        Assert.True(advisor.IsCertifiedIn([]));
    }
}
