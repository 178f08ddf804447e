using Portal.Domain.Time;

namespace Portal.Domain.Tests.Time;

public class FrenchHolidaysTests
{
    [Theory]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 3, 28)]
    [InlineData(2038, 4, 25)]
    public void Easter_sunday_is_computed_for_any_year(int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), FrenchHolidays.EasterSunday(year));

    [Fact]
    public void The_eleven_public_holidays_of_2026()
    {
        var expected = new[]
        {
            new DateOnly(2026, 1, 1), new DateOnly(2026, 4, 6), new DateOnly(2026, 5, 1), new DateOnly(2026, 5, 8),
            new DateOnly(2026, 5, 14), new DateOnly(2026, 5, 25), new DateOnly(2026, 7, 14), new DateOnly(2026, 8, 15),
            new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 11), new DateOnly(2026, 12, 25),
        };

        Assert.Equal(expected.Order(), FrenchHolidays.Of(2026).Order());
    }

    [Theory]
    [InlineData(2026, 11, 11, false)] // Armistice, a Wednesday
    [InlineData(2026, 11, 29, false)] // a Sunday
    [InlineData(2026, 11, 28, true)]  // a Saturday is a working day for training
    [InlineData(2026, 11, 26, true)]
    public void Training_days_are_neither_sundays_nor_public_holidays(int year, int month, int day, bool trainingDay) =>
        Assert.Equal(trainingDay, FrenchHolidays.IsTrainingDay(new DateOnly(year, month, day)));
}
