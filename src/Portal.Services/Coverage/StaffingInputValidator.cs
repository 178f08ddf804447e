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
        // Each rule names its own message: FluentValidation gives a chained message to the last rule only.
        RuleFor(i => i.ServiceLevelTarget).ExclusiveBetween(0, 1).WithMessage("Calculator_Invalid_Target");
        RuleFor(i => i.TargetAnswerSeconds).GreaterThanOrEqualTo(0).WithMessage("Calculator_Invalid_AnswerSeconds");
        RuleFor(i => i.Shrinkage).GreaterThanOrEqualTo(0).WithMessage("Calculator_Invalid_Shrinkage")
            .LessThan(1).WithMessage("Calculator_Invalid_Shrinkage");
        RuleFor(i => i.MaxOccupancy).GreaterThan(0).WithMessage("Calculator_Invalid_MaxOccupancy")
            .LessThanOrEqualTo(1).WithMessage("Calculator_Invalid_MaxOccupancy");
        RuleFor(i => i.Concurrency).GreaterThanOrEqualTo(1).WithMessage("Calculator_Invalid_Concurrency");
        RuleFor(i => i).Must(NeedsAQueueOfSensibleSize).WithName("Contacts").WithMessage("Calculator_Invalid_TooLarge")
            .When(i => i.AverageHandlingSeconds > 0 && i.IntervalSeconds > 0 && i.MaxOccupancy > 0 && i.Concurrency >= 1);
    }

    /// <summary>The domain counts agents up to <see cref="ErlangC.MaxAgents"/> per queue; beyond, the inputs are a typing error.</summary>
    private static bool NeedsAQueueOfSensibleSize(StaffingInput input)
    {
        var traffic = input.Contacts * input.AverageHandlingSeconds / input.Concurrency / input.IntervalSeconds;
        return traffic / input.MaxOccupancy < ErlangC.MaxAgents;
    }
}
