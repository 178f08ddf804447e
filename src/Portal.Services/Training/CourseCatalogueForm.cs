using FluentValidation;
using Portal.Domain.Skills;
using Portal.Domain.Training;

namespace Portal.Services.Training;

/// <summary>What a national administrator or HR edits of one course of the catalogue.</summary>
public sealed class CourseForm
{
    public int? Id { get; set; }
    public int Version { get; set; }
    public string Code { get; set; } = "";
    public string Title { get; set; } = "";
    public int Days { get; set; } = Course.MinDays;
    public bool RequiredForRegionalisation { get; set; }
    public int Capacity { get; set; } = Course.DefaultCapacity;
    public List<CourseGrantForm> Skills { get; set; } = [];
}

/// <summary>One skill the course grants, at a level.</summary>
public sealed class CourseGrantForm
{
    public int SkillId { get; set; }
    public ProficiencyLevel Level { get; set; } = ProficiencyLevel.Certified;
}

/// <summary>
/// The rules of a course, shared by the editor and the service. Messages are resource keys. Whether the code is
/// already taken and whether the skills exist are checked by the service, which reads them.
/// </summary>
public sealed class CourseFormValidator : AbstractValidator<CourseForm>
{
    public CourseFormValidator()
    {
        RuleFor(f => f.Code).Must(c => !string.IsNullOrWhiteSpace(c)).WithMessage("Course_CodeRequired");
        RuleFor(f => f.Code).Must(c => c.Trim().Length <= Course.MaxCodeLength).WithMessage("Course_CodeTooLong");
        RuleFor(f => f.Code).Matches("^\\s*[A-Za-z0-9-]*\\s*$").WithMessage("Course_CodeFormat");
        RuleFor(f => f.Title).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Course_TitleRequired");
        RuleFor(f => f.Title).Must(t => t.Trim().Length <= Course.MaxTitleLength).WithMessage("Course_TitleTooLong");
        RuleFor(f => f.Days).InclusiveBetween(Course.MinDays, Course.MaxDays).WithMessage("Course_DaysRange");
        RuleFor(f => f.Capacity).InclusiveBetween(Course.MinCapacity, Course.MaxCapacity).WithMessage("Course_CapacityRange");
        // The granted skills are one value for the editor: their messages show under the list, not under a row.
        RuleFor(f => f.Skills).NotEmpty().WithMessage("Course_SkillsRequired");
        RuleFor(f => f.Skills).Must(s => s.All(g => g.SkillId > 0)).WithMessage("Course_SkillRequired");
        RuleFor(f => f.Skills).Must(s => s.All(g => Enum.IsDefined(g.Level))).WithMessage("Course_LevelRange");
        RuleFor(f => f.Skills).Must(s => s.Select(g => g.SkillId).Distinct().Count() == s.Count).WithMessage("Course_SkillTwice");
    }

    /// <summary>The code as the catalogue keeps it: trimmed, in capitals, so that "transv-com" and "TRANSV-COM" are one code.</summary>
    public static string NormaliseCode(string code) => code.Trim().ToUpperInvariant();
}
