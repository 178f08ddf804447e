using Portal.Domain.Skills;
using Portal.Domain.Training;

namespace Portal.Services.Advisors;

public sealed record AdvisorProfile(
    int Id,
    int Version,
    string EmployeeNumber,
    string FirstName,
    string LastName,
    string Region,
    string Site,
    int WorkingTimePercent,
    bool Active,
    bool CanEdit,
    IReadOnlyList<HeldSkill> Skills,
    IReadOnlyList<Choice> OtherSkills,
    IReadOnlyList<TrainingLine> Trainings,
    IReadOnlyList<ShiftLine> ComingShifts)
{
    /// <summary>Whether the user may see the advisor's shifts (assignments); HR never does, so gets none.</summary>
    public bool SeesShifts { get; init; }

    /// <summary>The advisor's site, for the edit form.</summary>
    public int SiteId { get; init; }

    /// <summary>The advisor's team within the site, if any.</summary>
    public string? Team { get; init; }

    /// <summary>The in-house sites the advisor may be moved to: those of the regions the user may change.</summary>
    public IReadOnlyList<Choice> Sites { get; init; } = [];
}

/// <summary>A skill held: its level, since when, and where it comes from (a course, or who set it).</summary>
public sealed record HeldSkill(int SkillId, string Code, string Name, ProficiencyLevel Level, DateOnly CertifiedOn, CertificationSource Source, string? Course, string? SetBy);

public sealed record TrainingLine(string Course, DateOnly FirstDay, DateOnly LastDay, EnrolmentStatus Status);

/// <summary>A coming shift on the advisor's page, with its unpaid break when it has one.</summary>
public sealed record ShiftLine(DateOnly Date, TimeOnly Start, TimeOnly End, string Channel, Domain.Assignments.ShiftBreak? Break = null);
