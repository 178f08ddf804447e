using Portal.Domain.Assignments;

namespace Portal.Domain.Tests.Assignments;

public class ShiftBreakTests
{
    private static TimeOnly T(int hour, int minute = 0) => new(hour, minute);

    [Theory]
    [InlineData(12, 0, 30)]
    [InlineData(12, 30, 60)]
    [InlineData(8, 30, 30)]
    [InlineData(15, 0, 60)]
    public void A_break_on_the_half_hour_of_30_or_60_minutes_inside_the_shift_is_allowed(int hour, int minute, int minutes)
    {
        Assert.Equal(BreakCheck.Valid, new ShiftBreak(T(hour, minute), minutes).CheckOn(T(8), T(16, 30)));
    }

    [Fact]
    public void A_break_at_the_very_edge_of_the_shift_is_refused_as_outside_it()
    {
        // Starting with the shift or ending with it, it would only be a shorter shift.
        Assert.Equal(BreakCheck.OutsideShift, new ShiftBreak(T(8), 30).CheckOn(T(8), T(16)));
        Assert.Equal(BreakCheck.OutsideShift, new ShiftBreak(T(15, 30), 30).CheckOn(T(8), T(16)));
        Assert.Equal(BreakCheck.Valid, new ShiftBreak(T(8, 30), 30).CheckOn(T(8), T(16)));
        Assert.Equal(BreakCheck.Valid, new ShiftBreak(T(15), 30).CheckOn(T(8), T(16)));
    }

    [Fact]
    public void A_break_off_the_half_hour_or_of_another_length_or_outside_the_shift_is_refused_with_its_reason()
    {
        Assert.Equal(BreakCheck.NotOnHalfHour, new ShiftBreak(T(12, 15), 30).CheckOn(T(8), T(16)));
        Assert.Equal(BreakCheck.LengthNotAllowed, new ShiftBreak(T(12), 45).CheckOn(T(8), T(16)));
        Assert.Equal(BreakCheck.LengthNotAllowed, new ShiftBreak(T(12), 0).CheckOn(T(8), T(16)));
        Assert.Equal(BreakCheck.OutsideShift, new ShiftBreak(T(17), 30).CheckOn(T(8), T(16)));
        Assert.Equal(BreakCheck.OutsideShift, new ShiftBreak(T(7), 30).CheckOn(T(8), T(16)));
    }

    [Fact]
    public void A_night_shift_may_have_its_break_after_midnight()
    {
        Assert.Equal(BreakCheck.Valid, new ShiftBreak(T(1), 30).CheckOn(T(22), T(6)));
        Assert.Equal(BreakCheck.Valid, new ShiftBreak(T(23, 30), 60).CheckOn(T(22), T(6)));
        Assert.Equal(BreakCheck.OutsideShift, new ShiftBreak(T(6), 30).CheckOn(T(22), T(6)));
    }

    [Fact]
    public void A_shift_without_a_break_passes_and_one_with_a_wrong_break_says_why()
    {
        var shift = new Shift { Date = new DateOnly(2026, 11, 26), Start = T(8), End = T(16) };
        Assert.Null(shift.Break);
        Assert.Equal(BreakCheck.Valid, shift.CheckBreak());

        shift.Break = new ShiftBreak(T(12, 10), 30);

        Assert.Equal(T(12, 10), shift.BreakStart);
        Assert.Equal(30, shift.BreakMinutes);
        Assert.Equal(BreakCheck.NotOnHalfHour, shift.CheckBreak());
    }
}
