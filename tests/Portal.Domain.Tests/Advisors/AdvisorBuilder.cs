using Portal.Domain.Advisors;
using Portal.Domain.Sites;
using Portal.Domain.Skills;

namespace Portal.Domain.Tests.Advisors;

/// <summary>An advisor at an in-house site unless told otherwise, holding the skills given.</summary>
public sealed class AdvisorBuilder
{
    public static readonly DateOnly Day = new(2026, 11, 26);

    private readonly List<AdvisorSkill> skills = [];
    private SiteKind kind = SiteKind.InHouse;
    private bool active = true;
    private int id = 1;

    public AdvisorBuilder WithId(int value) { id = value; return this; }

    public AdvisorBuilder At(SiteKind value) { kind = value; return this; }

    public AdvisorBuilder Inactive() { active = false; return this; }

    public AdvisorBuilder Holding(int skillId, ProficiencyLevel level, CertificationSource source = CertificationSource.Initial, DateOnly? on = null)
    {
        skills.Add(new AdvisorSkill { AdvisorId = id, SkillId = skillId, Level = level, Source = source, CertifiedOn = on ?? Day.AddYears(-1) });
        return this;
    }

    public Advisor Build()
    {
        var site = new Site { Id = 1, Name = "Plateau Rennes", City = "Rennes", RegionId = 2, Kind = kind };
        return new Advisor
        {
            Id = id, EmployeeNumber = $"E{id:D6}", FirstName = "Maëlys", LastName = "Le Floch", SiteId = site.Id, Site = site,
            Active = active, Skills = skills.ToList(),
        };
    }
}
