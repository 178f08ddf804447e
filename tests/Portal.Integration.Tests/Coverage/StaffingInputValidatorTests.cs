using Portal.Domain.Staffing;
using Portal.Services.Coverage;

namespace Portal.Integration.Tests.Coverage;

/// <summary>The calculator's bounds, checked before computing so that the page names the field at fault.</summary>
public class StaffingInputValidatorTests
{
    private static readonly StaffingInput WorkedExample = new(100, 180, 1800, 0.8, 20, 0.3, 0.9, 1);

    public static TheoryData<StaffingInput, string> Invalid => new()
    {
        { WorkedExample with { Contacts = -1 }, "Calculator_Invalid_Contacts" },
        { WorkedExample with { AverageHandlingSeconds = 0 }, "Calculator_Invalid_Aht" },
        { WorkedExample with { IntervalSeconds = 0 }, "Calculator_Invalid_Interval" },
        { WorkedExample with { ServiceLevelTarget = 1 }, "Calculator_Invalid_Target" },
        { WorkedExample with { ServiceLevelTarget = 0 }, "Calculator_Invalid_Target" },
        { WorkedExample with { TargetAnswerSeconds = -1 }, "Calculator_Invalid_AnswerSeconds" },
        { WorkedExample with { Shrinkage = 1 }, "Calculator_Invalid_Shrinkage" },
        { WorkedExample with { Shrinkage = -0.1 }, "Calculator_Invalid_Shrinkage" },
        { WorkedExample with { MaxOccupancy = 1.5 }, "Calculator_Invalid_MaxOccupancy" },
        { WorkedExample with { MaxOccupancy = 0 }, "Calculator_Invalid_MaxOccupancy" },
        { WorkedExample with { Concurrency = 0 }, "Calculator_Invalid_Concurrency" },
        { WorkedExample with { Contacts = 1e9 }, "Calculator_Invalid_TooLarge" },
        { WorkedExample with { MaxOccupancy = 0.000001 }, "Calculator_Invalid_TooLarge" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Each_out_of_bounds_input_is_named_before_any_computation(StaffingInput input, string message)
    {
        var result = new StaffingInputValidator().Validate(input);

        Assert.Contains(result.Errors, e => e.ErrorMessage == message);
        // Every message is a resource key the page translates, never the library's English default.
        Assert.All(result.Errors, e => Assert.StartsWith("Calculator_Invalid_", e.ErrorMessage, StringComparison.Ordinal));
    }

    [Fact]
    public void The_worked_example_is_valid_and_computes()
    {
        Assert.True(new StaffingInputValidator().Validate(WorkedExample).IsValid);
        Assert.Equal(20, ErlangC.Required(WorkedExample).Scheduled);
    }
}
