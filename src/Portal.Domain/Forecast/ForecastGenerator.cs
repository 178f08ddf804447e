using Portal.Domain.Channels;
using Portal.Domain.Time;

namespace Portal.Domain.Forecast;

/// <summary>
/// The default forecast: the channel's national annual volume, times the region's share of customers,
/// spread over the year's days by the weekly profile (public holidays weigh as Sundays) and over a day's
/// open intervals by the intraday profile. A day's volume is spread over the intervals that day really has,
/// so a clock-change day (46 or 50 intervals) loses or doubles nothing.
/// </summary>
public sealed class ForecastGenerator(LocalCalendar calendar)
{
    public IEnumerable<ForecastPoint> Generate(Channel channel, double customerShare, DateOnly firstDay, DateOnly lastDay)
    {
        for (var day = firstDay; day <= lastDay; day = day.AddDays(1))
        {
            foreach (var point in GenerateDay(channel, customerShare, day))
            {
                yield return point;
            }
        }
    }

    public IReadOnlyList<ForecastPoint> GenerateDay(Channel channel, double customerShare, DateOnly day)
    {
        var intervals = calendar.IntervalsOf(day);
        var weights = new double[intervals.Count];
        for (var i = 0; i < intervals.Count; i++)
        {
            var interval = intervals[i];
            weights[i] = channel.IsOpen(day, interval.LocalTime)
                ? channel.IntradayProfile[HalfHourOfDay(interval.LocalTime)]
                : 0;
        }

        var total = weights.Sum();
        var dayVolume = DayVolume(channel, customerShare, day);
        var points = new ForecastPoint[intervals.Count];
        for (var i = 0; i < intervals.Count; i++)
        {
            var contacts = total > 0 ? dayVolume * weights[i] / total : 0;
            points[i] = new ForecastPoint(intervals[i], contacts, channel.AverageHandlingSeconds);
        }
        return points;
    }

    /// <summary>
    /// Contacts of one day: the region's share of the annual volume, spread over the days of its calendar year in
    /// proportion to each day's weekly-profile weight (a public holiday weighs as a Sunday). The days of a year
    /// add up to exactly the annual volume, whatever its number of holidays and of each weekday.
    /// </summary>
    public static double DayVolume(Channel channel, double customerShare, DateOnly day)
    {
        var yearWeight = YearWeight(channel, day.Year);
        return yearWeight <= 0 ? 0 : channel.AnnualNationalVolume * customerShare * DayWeight(channel, day) / yearWeight;
    }

    private static double DayWeight(Channel channel, DateOnly day)
    {
        if (channel.WeeklyProfile.Length != 7)
        {
            return 0;
        }
        var weekday = FrenchHolidays.IsHoliday(day) ? DayOfWeek.Sunday : day.DayOfWeek;
        return channel.WeeklyProfile[((int)weekday + 6) % 7];
    }

    private static double YearWeight(Channel channel, int year)
    {
        var total = 0.0;
        for (var day = new DateOnly(year, 1, 1); day.Year == year; day = day.AddDays(1))
        {
            total += DayWeight(channel, day);
        }
        return total;
    }

    private static int HalfHourOfDay(TimeOnly time) => (time.Hour * 2) + (time.Minute >= 30 ? 1 : 0);
}

public readonly record struct ForecastPoint(Interval Interval, double Contacts, double AverageHandlingSeconds);
