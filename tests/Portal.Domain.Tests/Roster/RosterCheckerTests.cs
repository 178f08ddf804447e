using Portal.Domain.Assignments;
using Portal.Domain.Roster;

namespace Portal.Domain.Tests.Roster;

/// <summary>The checker the roster tests rely on must itself catch a broken rule, or they would prove nothing.</summary>
public class RosterCheckerTests
{
    private static readonly DateOnly Monday = RosterBuilder.Monday;

    private static IReadOnlyList<string> Check(RosterBuilder builder, params Shift[] shifts)
    {
        var none = new RosterFigures(0, 0, 0);
        return RosterChecker.Violations(builder.Request(), new RosterDraft(shifts, shifts, [], none, none, none, LowerBound: 0, LowerBoundCore: 0, RosterSolveStatus.Greedy, 0));
    }

    [Fact]
    public void A_shift_on_a_training_day_is_caught()
    {
        var builder = new RosterBuilder();
        ((HashSet<DateOnly>)builder.Advisor(1).TrainingDays).Add(Monday);

        Assert.Contains(Check(builder, RosterBuilder.Shift(1, Monday, 8, 12)), v => v.Contains("training", StringComparison.Ordinal));
    }

    [Fact]
    public void Short_rest_after_last_week_is_caught()
    {
        var builder = new RosterBuilder();
        builder.Advisor(1).Shifts.Add(RosterBuilder.Shift(1, Monday.AddDays(-1), 16, 24));

        Assert.Contains(Check(builder, RosterBuilder.Shift(1, Monday, 8, 12)), v => v.Contains("rest", StringComparison.Ordinal));
    }

    [Fact]
    public void Hours_outside_opening_a_dropped_pin_and_too_long_a_week_are_caught()
    {
        var builder = new RosterBuilder().OpenOnWeekdays(8, 20);
        builder.Advisor(1, percent: 50);
        builder.Pin(RosterBuilder.Shift(1, Monday, 8, 12));

        var found = Check(builder, [.. Enumerable.Range(0, 5).Select(d => RosterBuilder.Shift(1, Monday.AddDays(d), 12, 21))]);

        Assert.Contains(found, v => v.Contains("opening", StringComparison.Ordinal));
        Assert.Contains(found, v => v.Contains("pinned", StringComparison.Ordinal));
        Assert.Contains(found, v => v.Contains("contract", StringComparison.Ordinal));
    }
}
