using Portal.Domain.Channels;
using Portal.Domain.Forecast;
using Portal.Domain.Time;

namespace Portal.Domain.Tests.Forecast;

public class ForecastGeneratorTests
{
    private readonly ForecastGenerator generator = new(LocalCalendar.Paris);

    private static Channel Voice() => new()
    {
        Code = "Voice",
        AverageHandlingSeconds = 420,
        AnnualNationalVolume = 80_000_000,
        WeeklyProfile = [1.25, 1.10, 1.05, 1.05, 1.00, 0.75, 0.20],
        IntradayProfile = Enumerable.Repeat(1.0, 48).ToArray(),
        OpeningHours =
        [
            .. new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday }
                .Select(d => new OpeningHours { Day = d, Opens = new TimeOnly(8, 0), Closes = new TimeOnly(22, 0) }),
            new OpeningHours { Day = DayOfWeek.Sunday, Opens = new TimeOnly(0, 0), Closes = TimeOnly.MinValue },
        ],
    };

    [Theory]
    [InlineData(2026, 3, 29)]
    [InlineData(2026, 10, 25)]
    [InlineData(2026, 11, 29)]
    public void A_clock_change_day_keeps_its_whole_volume(int year, int month, int day)
    {
        var date = new DateOnly(year, month, day);
        var channel = Voice(); // open around the clock on Sundays, so the changed hour is open

        var points = generator.GenerateDay(channel, 0.1, date);

        Assert.Equal(LocalCalendar.Paris.IntervalCount(date), points.Count);
        Assert.Equal(ForecastGenerator.DayVolume(channel, 0.1, date), points.Sum(p => p.Contacts), 6);
    }

    [Fact]
    public void A_year_of_forecast_adds_up_to_the_region_share_of_the_national_volume()
    {
        var channel = Voice();
        var year = generator.Generate(channel, 1.6 / 15.55, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)).Sum(p => p.Contacts);

        // The weekly profile and holidays move volume between days, never in or out of the year.
        Assert.Equal(80_000_000 * 1.6 / 15.55, year, 3);
    }

    [Fact]
    public void Closed_intervals_expect_no_contact()
    {
        var points = generator.GenerateDay(Voice(), 0.1, new DateOnly(2026, 11, 26));

        Assert.All(points.Where(p => p.Interval.LocalTime < new TimeOnly(8, 0) || p.Interval.LocalTime >= new TimeOnly(22, 0)),
            p => Assert.Equal(0, p.Contacts));
        Assert.All(points.Where(p => p.Interval.LocalTime >= new TimeOnly(8, 0) && p.Interval.LocalTime < new TimeOnly(22, 0)),
            p => Assert.True(p.Contacts > 0));
    }

    [Fact]
    public void A_public_holiday_weighs_as_a_sunday_and_opens_on_sunday_hours()
    {
        var channel = Voice();
        var armistice = new DateOnly(2026, 11, 11); // a Wednesday
        var sunday = new DateOnly(2026, 11, 15);

        Assert.Equal(ForecastGenerator.DayVolume(channel, 0.1, sunday), ForecastGenerator.DayVolume(channel, 0.1, armistice), 9);
        Assert.True(generator.GenerateDay(channel, 0.1, armistice).Single(p => p.Interval.LocalTime == new TimeOnly(3, 0)).Contacts > 0);
    }

    [Fact]
    public void A_monday_expects_more_contacts_than_a_friday_as_the_weekly_profile_says()
    {
        var channel = Voice();

        var monday = ForecastGenerator.DayVolume(channel, 0.1, new DateOnly(2026, 11, 23));
        var friday = ForecastGenerator.DayVolume(channel, 0.1, new DateOnly(2026, 11, 27));

        Assert.Equal(1.25, monday / friday, 9);
    }

    [Fact]
    public void A_channel_without_a_weekly_profile_expects_nothing()
    {
        var channel = Voice();
        channel.WeeklyProfile = [];

        Assert.All(generator.GenerateDay(channel, 0.1, new DateOnly(2026, 11, 26)), p => Assert.Equal(0, p.Contacts));
    }
}
