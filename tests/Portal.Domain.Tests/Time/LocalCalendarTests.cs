using Portal.Domain.Time;

namespace Portal.Domain.Tests.Time;

public class LocalCalendarTests
{
    private readonly LocalCalendar paris = LocalCalendar.Paris;

    [Theory]
    [InlineData(2026, 3, 29, 46)]   // spring forward: 02:00 to 03:00 does not exist
    [InlineData(2026, 10, 25, 50)]  // fall back: 02:00 to 03:00 happens twice
    [InlineData(2026, 11, 26, 48)]
    [InlineData(2027, 3, 28, 46)]
    [InlineData(2027, 10, 31, 50)]
    [InlineData(2026, 7, 14, 48)]
    public void A_day_has_46_48_or_50_half_hour_intervals(int year, int month, int day, int expected)
    {
        var date = new DateOnly(year, month, day);

        Assert.Equal(expected, paris.IntervalsOf(date).Count);
        Assert.Equal(expected, paris.IntervalCount(date));
    }

    [Fact]
    public void Spring_forward_day_skips_local_two_oclock()
    {
        var locals = paris.IntervalsOf(new DateOnly(2026, 3, 29)).Select(i => i.LocalTime).ToList();

        Assert.Contains(new TimeOnly(1, 30), locals);
        Assert.DoesNotContain(new TimeOnly(2, 0), locals);
        Assert.DoesNotContain(new TimeOnly(2, 30), locals);
        Assert.Equal(new TimeOnly(3, 0), locals[4]);
    }

    [Fact]
    public void Fall_back_day_has_local_two_oclock_twice_with_distinct_instants()
    {
        var intervals = paris.IntervalsOf(new DateOnly(2026, 10, 25));
        var twoOclock = intervals.Where(i => i.LocalTime == new TimeOnly(2, 0)).ToList();

        Assert.Equal(2, twoOclock.Count);
        Assert.Equal(TimeSpan.FromHours(1), twoOclock[1].StartUtc - twoOclock[0].StartUtc);
        Assert.Equal(intervals.Count, intervals.Select(i => i.StartUtc).Distinct().Count());
    }

    [Fact]
    public void Intervals_follow_each_other_every_thirty_minutes_from_local_midnight()
    {
        var day = new DateOnly(2026, 10, 25);
        var intervals = paris.IntervalsOf(day);

        Assert.Equal(new DateTime(2026, 10, 24, 22, 0, 0, DateTimeKind.Utc), intervals[0].StartUtc);
        Assert.All(intervals.Zip(intervals.Skip(1)), pair => Assert.Equal(pair.First.EndUtc, pair.Second.StartUtc));
        Assert.Equal(paris.MidnightUtc(day.AddDays(1)), intervals[^1].EndUtc);
        Assert.Equal(Enumerable.Range(0, intervals.Count), intervals.Select(i => i.Index));
    }

    [Theory]
    [InlineData("2026-11-26", "2026-11-23")]
    [InlineData("2026-11-23", "2026-11-23")]
    [InlineData("2026-11-29", "2026-11-23")]
    [InlineData("2027-01-01", "2026-12-28")]
    public void Weeks_run_from_monday_to_sunday(string day, string monday) =>
        Assert.Equal(DateOnly.Parse(monday, System.Globalization.CultureInfo.InvariantCulture),
            LocalCalendar.MondayOf(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Today_is_the_local_date_not_the_utc_date()
    {
        // 23:30 UTC on 31 December is already 1 January in Paris.
        var clock = new FixedClock(new DateTimeOffset(2026, 12, 31, 23, 30, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2027, 1, 1), paris.Today(clock));
    }

    [Fact]
    public void A_local_time_skipped_in_spring_moves_forward_and_a_repeated_one_takes_summer_time()
    {
        var skipped = paris.ToUtc(new DateTime(2026, 3, 29, 2, 30, 0));
        var repeated = paris.ToUtc(new DateTime(2026, 10, 25, 2, 30, 0));

        Assert.Equal(new DateTime(2026, 3, 29, 1, 30, 0, DateTimeKind.Utc), skipped);
        Assert.Equal(new DateTime(2026, 10, 25, 0, 30, 0, DateTimeKind.Utc), repeated);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
