using Portal.Domain.Time;

namespace Portal.Domain.Tests.Time;

public class SlotClassesTests
{
    // 2026-11-26 is a Thursday, 2026-11-28 a Saturday, 2026-11-29 a Sunday, 2026-11-11 a public holiday (Wednesday).
    [Theory]
    [InlineData("2026-11-26", "08:00", SlotClass.Core)]
    [InlineData("2026-11-26", "19:30", SlotClass.Core)]
    [InlineData("2026-11-26", "20:00", SlotClass.Evening)]
    [InlineData("2026-11-26", "21:30", SlotClass.Evening)]
    [InlineData("2026-11-26", "22:00", SlotClass.Night)]
    [InlineData("2026-11-26", "07:30", SlotClass.Night)]
    [InlineData("2026-11-26", "00:00", SlotClass.Night)]
    [InlineData("2026-11-28", "08:00", SlotClass.Weekend)]
    [InlineData("2026-11-28", "21:30", SlotClass.Weekend)]
    [InlineData("2026-11-28", "22:00", SlotClass.Night)]
    [InlineData("2026-11-29", "12:00", SlotClass.Weekend)]
    [InlineData("2026-11-29", "06:00", SlotClass.Night)]
    [InlineData("2026-11-11", "10:00", SlotClass.Weekend)]
    [InlineData("2026-11-11", "20:30", SlotClass.Weekend)]
    [InlineData("2026-11-11", "23:00", SlotClass.Night)]
    public void Each_interval_has_the_slot_class_of_the_specification(string day, string time, SlotClass expected) =>
        Assert.Equal(expected, SlotClasses.Of(
            DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture),
            TimeOnly.Parse(time, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void A_weekday_has_24_core_4_evening_and_20_night_intervals()
    {
        var classes = LocalCalendar.Paris.IntervalsOf(new DateOnly(2026, 11, 26)).Select(SlotClasses.Of).ToList();

        Assert.Equal(24, classes.Count(c => c == SlotClass.Core));
        Assert.Equal(4, classes.Count(c => c == SlotClass.Evening));
        Assert.Equal(20, classes.Count(c => c == SlotClass.Night));
    }

    [Fact]
    public void The_autumn_clock_change_adds_two_night_intervals()
    {
        var classes = LocalCalendar.Paris.IntervalsOf(new DateOnly(2026, 10, 25)).Select(SlotClasses.Of).ToList();

        Assert.Equal(28, classes.Count(c => c == SlotClass.Weekend));
        Assert.Equal(22, classes.Count(c => c == SlotClass.Night));
    }
}
