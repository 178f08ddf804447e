using FluentValidation;
using Portal.Domain.Staffing;

namespace Portal.Services.Coverage;

/// <summary>
/// The bounds of a staffing calculation, checked before computing so the calculator names the field at fault in the
/// user's language (messages are resource keys). The domain refuses the same inputs on its own.
/// </summary>
public sealed class StaffingInputValidator : AbstractValidator<StaffingInput>
{
    public StaffingInputValidator()
    {
        RuleFor(i => i.Contacts).GreaterThanOrEqualTo(0).WithMessage("Calculator_Invalid_Contacts");
        RuleFor(i => i.AverageHandlingSeconds).GreaterThan(0).WithMessage("Calculator_Invalid_Aht");
        RuleFor(i => i.IntervalSeconds).GreaterThan(0).WithMessage("Calculator_Invalid_Interval");
        RuleFor(i => i.ServiceLevelTarget).GreaterThan(0).LessThan(1).WithMessage("Calculator_Invalid_Target");
        RuleFor(i => i.TargetAnswerSeconds).GreaterThanOrEqualTo(0).WithMessage("Calculator_Invalid_AnswerSeconds");
        RuleFor(i => i.Shrinkage).GreaterThanOrEqualTo(0).LessThan(1).WithMessage("Calculator_Invalid_Shrinkage");
        RuleFor(i => i.MaxOccupancy).GreaterThan(0).LessThanOrEqualTo(1).WithMessage("Calculator_Invalid_MaxOccupancy");
        RuleFor(i => i.Concurrency).GreaterThanOrEqualTo(1).WithMessage("Calculator_Invalid_Concurrency");
    }
}
