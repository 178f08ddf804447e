using Portal.Domain.Advisors;

namespace Portal.Domain.Skills;

/// <summary>
/// A request to set one skill's level, from any source: by hand (a director or an administrator), by a file import,
/// or by completing a course. Built through its factories so that the source and what it carries go together.
/// </summary>
public sealed record LevelChange
{
    /// <summary>The shortest reason accepted for lowering a level by hand or by import.</summary>
    public const int MinReasonLength = 10;

    /// <summary>Whether a reason is enough to lower a level: at least <see cref="MinReasonLength"/> characters once trimmed.</summary>
    public static bool IsEnoughToLower(string? reason) => reason is not null && reason.Trim().Length >= MinReasonLength;

    private LevelChange(int skillId, ProficiencyLevel level, DateOnly on, CertificationSource source, string? by, int? courseId, string? reason)
    {
        SkillId = skillId;
        Level = level;
        On = on;
        Source = source;
        By = by;
        CourseId = courseId;
        Reason = reason;
    }

    public int SkillId { get; }
    public ProficiencyLevel Level { get; }
    public DateOnly On { get; }
    public CertificationSource Source { get; }

    /// <summary>Who set the level (by hand or import); null for a course.</summary>
    public string? By { get; }

    public int? CourseId { get; }

    /// <summary>Why the level goes down, when it does.</summary>
    public string? Reason { get; }

    /// <summary>A level set by a person, dated by that person.</summary>
    public static LevelChange ByHand(int skillId, ProficiencyLevel level, DateOnly on, string by, string? reason = null) =>
        new(skillId, level, on, CertificationSource.Manual, by, null, reason);

    /// <summary>A level read from an advisor file, dated on the import day and recorded as set by who imported.</summary>
    public static LevelChange ByImport(int skillId, ProficiencyLevel level, DateOnly on, string by, string? reason = null) =>
        new(skillId, level, on, CertificationSource.Import, by, null, reason);

    /// <summary>A level granted by completing a course, dated on the session's last day.</summary>
    public static LevelChange ByCourse(int courseId, int skillId, ProficiencyLevel level, DateOnly lastDay) =>
        new(skillId, level, lastDay, CertificationSource.Course, null, courseId, null);
}

/// <summary>Why a level change is refused.</summary>
public enum LevelRefusal
{
    /// <summary>The level is not one of 1 to 4.</summary>
    LevelOutOfRange = 1,

    /// <summary>Lowering a level by hand or by import needs a reason of at least <see cref="LevelChange.MinReasonLength"/> characters.</summary>
    ReasonRequired = 2,
}

/// <summary>A skill as held at one moment, for the audit's before and after.</summary>
public sealed record HeldLevel(ProficiencyLevel Level, DateOnly CertifiedOn, CertificationSource Source, int? CourseId, string? SetBy)
{
    public static HeldLevel Of(AdvisorSkill skill) => new(skill.Level, skill.CertifiedOn, skill.Source, skill.CourseId, skill.SetBy);
}

public enum LevelChangeOutcome
{
    /// <summary>The level, its date or its source changed: worth an audit entry.</summary>
    Changed = 0,

    /// <summary>Nothing to write: the level held already answers the change.</summary>
    Unchanged = 1,

    Refused = 2,
}

/// <summary>What a level change did: the skill held after it and before it (null when newly held), or why it was refused.</summary>
public sealed record LevelChangeResult(LevelChangeOutcome Outcome, AdvisorSkill? Skill, HeldLevel? Before, LevelRefusal? Refusal)
{
    /// <summary>The advisor did not hold the skill before.</summary>
    public bool Added => Outcome == LevelChangeOutcome.Changed && Before is null;

    public HeldLevel? After => Outcome == LevelChangeOutcome.Refused || Skill is null ? null : HeldLevel.Of(Skill);

    internal static LevelChangeResult Refuse(LevelRefusal refusal) => new(LevelChangeOutcome.Refused, null, null, refusal);
}
