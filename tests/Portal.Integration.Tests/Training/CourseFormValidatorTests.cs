using Portal.Domain.Skills;
using Portal.Domain.Training;
using Portal.Services.Training;

namespace Portal.Integration.Tests.Training;

/// <summary>The course rules the editor and the service share.</summary>
public class CourseFormValidatorTests
{
    private static readonly CourseFormValidator Validator = new();

    private static CourseForm Valid() => new()
    {
        Code = "FIBRE", Title = "Vente de la fibre", Days = 3, Capacity = 12,
        Skills = [new CourseGrantForm { SkillId = 1, Level = ProficiencyLevel.Certified }],
    };

    private static IReadOnlyList<string> Errors(Action<CourseForm> change)
    {
        var form = Valid();
        change(form);
        return Validator.Validate(form).Errors.Select(e => $"{e.PropertyName}:{e.ErrorMessage}").ToList();
    }

    [Fact]
    public void A_complete_course_is_valid() => Assert.Empty(Errors(_ => { }));

    [Theory]
    [InlineData(1, true)]
    [InlineData(10, true)]
    [InlineData(0, false)]
    [InlineData(11, false)]
    public void A_course_lasts_one_to_ten_days(int days, bool valid) =>
        Assert.Equal(valid ? [] : ["Days:Course_DaysRange"], Errors(f => f.Days = days));

    [Theory]
    [InlineData(1, true)]
    [InlineData(50, true)]
    [InlineData(0, false)]
    [InlineData(51, false)]
    public void A_session_holds_one_to_fifty_places(int capacity, bool valid) =>
        Assert.Equal(valid ? [] : ["Capacity:Course_CapacityRange"], Errors(f => f.Capacity = capacity));

    [Fact]
    public void The_default_capacity_is_twelve() => Assert.Equal(Course.DefaultCapacity, new CourseForm().Capacity);

    [Theory]
    [InlineData("", "Code:Course_CodeRequired")]
    [InlineData("   ", "Code:Course_CodeRequired")]
    [InlineData("TRANSV COM", "Code:Course_CodeFormat")]
    [InlineData("ÉCRIT", "Code:Course_CodeFormat")]
    public void A_code_is_letters_digits_and_dashes(string code, string error) => Assert.Contains(error, Errors(f => f.Code = code));

    [Fact]
    public void A_code_is_at_most_32_characters_and_a_title_200()
    {
        Assert.Empty(Errors(f => f.Code = new string('A', 32)));
        Assert.Equal(["Code:Course_CodeTooLong"], Errors(f => f.Code = new string('A', 33)));
        Assert.Equal(["Title:Course_TitleTooLong"], Errors(f => f.Title = new string('t', 201)));
        Assert.Equal(["Title:Course_TitleRequired"], Errors(f => f.Title = " "));
    }

    [Fact]
    public void A_course_grants_at_least_one_known_skill_once_at_a_level_from_one_to_four()
    {
        Assert.Equal(["Skills:Course_SkillsRequired"], Errors(f => f.Skills.Clear()));
        Assert.Equal(["Skills:Course_SkillRequired"], Errors(f => f.Skills.Add(new CourseGrantForm())));
        Assert.Equal(["Skills:Course_LevelRange"], Errors(f => f.Skills[0].Level = (ProficiencyLevel)5));
        Assert.Equal(["Skills:Course_SkillTwice"], Errors(f => f.Skills.Add(new CourseGrantForm { SkillId = 1, Level = ProficiencyLevel.Expert })));
        Assert.Empty(Errors(f => f.Skills[0].Level = ProficiencyLevel.Expert));
    }

    [Fact]
    public void The_code_is_kept_in_capitals_without_spaces_around() => Assert.Equal("TRANSV-COM", CourseFormValidator.NormaliseCode(" transv-com "));
}
