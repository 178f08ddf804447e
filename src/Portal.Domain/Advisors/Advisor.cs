using System.Linq.Expressions;
using Portal.Domain.Rules;
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

    /// <summary>The advisor's team within the site (a short name such as "Équipe 3"), or null when not in a team.</summary>
    public string? Team { get; set; }

    /// <summary>The longest team name kept.</summary>
    public const int TeamMaxLength = 40;
    public List<AdvisorSkill> Skills { get; set; } = [];
    public int Version { get; set; }

    public string FullName => $"{FirstName} {LastName}";

    /// <summary>An advisor working at an in-house site (<see cref="Site.InHouse"/>).</summary>
    public static Expression<Func<Advisor, bool>> InHouse { get; } = Predicate.Through<Advisor, Site>(a => a.Site!, Site.InHouse);

    /// <summary>The advisors who make a region's own staff: active, at an in-house site.</summary>
    public static Expression<Func<Advisor, bool>> ActiveInHouse { get; } = Predicate.And(a => a.Active, InHouse);

    private static readonly Func<Advisor, bool> IsInHouseCompiled = InHouse.Compile();

    /// <summary>Whether the advisor works at an in-house site; the site must be loaded.</summary>
    public bool IsInHouse => IsInHouseCompiled(this);

    /// <summary>Whether the advisor holds every given skill certified (level 2 or more).</summary>
    public bool IsCertifiedIn(IEnumerable<int> skillIds) =>
        skillIds.All(id => Skills.Any(s => s.SkillId == id && s.IsCertified));

    /// <summary>
    /// Sets one skill's level, whatever the source. A course never lowers a level: the higher of the held and the
    /// granted level stays, and a level already reached is left with its date and source. By hand or by import, a
    /// lower level needs a reason; a level already held by import keeps its date and source. Answers what changed
    /// (for the audit) or why nothing may change.
    /// </summary>
    public LevelChangeResult SetSkill(LevelChange change)
    {
        if (!change.Level.IsOnTheScale())
        {
            return LevelChangeResult.Refuse(LevelRefusal.LevelOutOfRange);
        }
        var held = Skills.SingleOrDefault(s => s.SkillId == change.SkillId);
        if (held is not null)
        {
            var lowers = change.Level < held.Level;
            if (lowers && change.Source == CertificationSource.Course)
            {
                return new LevelChangeResult(LevelChangeOutcome.Unchanged, held, HeldLevel.Of(held), null);
            }
            if (lowers && !LevelChange.IsEnoughToLower(change.Reason))
            {
                return LevelChangeResult.Refuse(LevelRefusal.ReasonRequired);
            }
            var unchanged = change.Level == held.Level
                && (change.Source != CertificationSource.Manual || (held.Source == CertificationSource.Manual && held.CertifiedOn == change.On));
            if (unchanged)
            {
                return new LevelChangeResult(LevelChangeOutcome.Unchanged, held, HeldLevel.Of(held), null);
            }
        }
        var before = held is null ? null : HeldLevel.Of(held);
        if (held is null)
        {
            held = new AdvisorSkill { AdvisorId = Id, SkillId = change.SkillId };
            Skills.Add(held);
        }
        held.Level = change.Level;
        held.CertifiedOn = change.On;
        held.Source = change.Source;
        held.CourseId = change.CourseId;
        held.SetBy = change.By;
        return new LevelChangeResult(LevelChangeOutcome.Changed, held, before, null);
    }
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

    /// <summary>A skill held certified: level 2 or more (<see cref="Certification.Threshold"/>).</summary>
    public static Expression<Func<AdvisorSkill, bool>> Certified { get; } = s => s.Level >= Certification.Threshold;

    private static readonly Func<AdvisorSkill, bool> IsCertifiedCompiled = Certified.Compile();

    /// <inheritdoc cref="Certified"/>
    public bool IsCertified => IsCertifiedCompiled(this);
}
