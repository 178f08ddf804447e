using FluentValidation;
using Portal.Domain.Skills;
using Portal.Domain.Time;

namespace Portal.Services.Advisors;

/// <summary>
/// A change of one skill's level, as the form sends it: the advisor's version the user saw (concurrent edits are
/// refused), the level, the certification date and, when the level goes down, the reason. <see cref="PreviousLevel"/> is
/// the level held, filled by the service from the database before validating.
/// </summary>
public sealed record SkillChange(string EmployeeNumber, int AdvisorVersion, int SkillId, ProficiencyLevel Level, DateOnly CertifiedOn, string? Reason)
{
    public ProficiencyLevel? PreviousLevel { get; init; }
}

/// <summary>The rules of a skill change, shared by the form and the service; messages are resource keys.</summary>
public sealed class SkillChangeValidator : AbstractValidator<SkillChange>
{
    public SkillChangeValidator(TimeProvider clock)
    {
        RuleFor(c => c.Level).IsInEnum().WithMessage("Skill_LevelRange");
        RuleFor(c => c.CertifiedOn).Must(d => d <= LocalCalendar.Paris.Today(clock)).WithMessage("Skill_DateInFuture");
        RuleFor(c => c.Reason).Must(LevelChange.IsEnoughToLower)
            .When(c => c.PreviousLevel is { } previous && c.Level < previous)
            .WithMessage("Skill_ReasonRequired");
    }
}
