using Portal.Domain.Skills;

namespace Portal.Domain.Training;

public class Course : IVersioned
{
    public const int MinDays = 1;
    public const int MaxDays = 10;
    public const int DefaultCapacity = 12;
    public const int MinCapacity = 1;
    public const int MaxCapacity = 50;
    public const int MaxCodeLength = 32;
    public const int MaxTitleLength = 200;

    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Title { get; set; }

    /// <summary>Number of training days, 1 to 10.</summary>
    public int Days { get; set; }

    public bool RequiredForRegionalisation { get; set; }
    public int SessionCapacity { get; set; } = DefaultCapacity;
    public List<CourseSkill> GrantedSkills { get; set; } = [];
    public int Version { get; set; }
}

/// <summary>A skill a course grants on completion, at a level.</summary>
public class CourseSkill
{
    public int CourseId { get; set; }
    public int SkillId { get; set; }
    public Skill? Skill { get; set; }
    public ProficiencyLevel Level { get; set; }
}
