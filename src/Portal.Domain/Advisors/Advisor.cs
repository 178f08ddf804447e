using Portal.Domain.Sites;
using Portal.Domain.Skills;

namespace Portal.Domain.Advisors;

public class Advisor : IVersioned
{
    public int Id { get; set; }
    public required string EmployeeNumber { get; set; }
    public required string FirstName { get; set; }
    public required string LastName { get; set; }
    public int SiteId { get; set; }
    public Site? Site { get; set; }

    /// <summary>Working-time ratio in percent (100 full time, 80 four days a week).</summary>
    public int WorkingTimePercent { get; set; } = 100;

    public bool Active { get; set; } = true;
    public List<AdvisorSkill> Skills { get; set; } = [];
    public int Version { get; set; }

    public string FullName => $"{FirstName} {LastName}";

    /// <summary>Whether the advisor holds every given skill at level 2 (certified) or more.</summary>
    public bool IsCertifiedIn(IEnumerable<int> skillIds) =>
        skillIds.All(id => Skills.Any(s => s.SkillId == id && s.Level >= ProficiencyLevel.Certified));
}

public class AdvisorSkill
{
    public int AdvisorId { get; set; }
    public int SkillId { get; set; }
    public Skill? Skill { get; set; }
    public ProficiencyLevel Level { get; set; }
    public DateOnly CertifiedOn { get; set; }
    public CertificationSource Source { get; set; }

    /// <summary>The course that granted the level, when <see cref="Source"/> is a course.</summary>
    public int? CourseId { get; set; }

    /// <summary>Who set the level, when <see cref="Source"/> is manual or an import.</summary>
    public string? SetBy { get; set; }
}
