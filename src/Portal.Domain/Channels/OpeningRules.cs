using Portal.Domain.Time;

namespace Portal.Domain.Channels;

public static class OpeningRules
{
    /// <summary>The hours that apply on a date: a public holiday uses Sunday's hours.</summary>
    public static OpeningHours? HoursOn(this Channel channel, DateOnly date)
    {
        var day = FrenchHolidays.IsHoliday(date) ? DayOfWeek.Sunday : date.DayOfWeek;
        return channel.OpeningHours.FirstOrDefault(o => o.Day == day);
    }

    /// <summary>Whether the channel is open for the interval starting at a local time on a date.</summary>
    public static bool IsOpen(this Channel channel, DateOnly date, TimeOnly localStart)
    {
        var hours = channel.HoursOn(date);
        if (hours is null)
        {
            return false;
        }
        var closesAtMidnight = hours.Closes == TimeOnly.MinValue;
        return localStart >= hours.Opens && (closesAtMidnight || localStart < hours.Closes);
    }
}
