namespace Portal.Domain.Time;

/// <summary>The time-slot classes the coverage and rollout rules speak of.</summary>
public enum SlotClass
{
    /// <summary>Monday to Friday, 08:00 to 20:00, not a public holiday.</summary>
    Core = 0,
    /// <summary>Monday to Friday, 20:00 to 22:00.</summary>
    Evening = 1,
    /// <summary>Any day, 22:00 to 08:00.</summary>
    Night = 2,
    /// <summary>Saturday, Sunday and public holidays, 08:00 to 22:00.</summary>
    Weekend = 3,
}

public static class SlotClasses
{
    private static readonly TimeOnly EightAm = new(8, 0);
    private static readonly TimeOnly EightPm = new(20, 0);
    private static readonly TimeOnly TenPm = new(22, 0);

    /// <summary>The slot class of an interval starting at a local date and time.</summary>
    public static SlotClass Of(DateOnly localDate, TimeOnly localStart)
    {
        if (localStart < EightAm || localStart >= TenPm)
        {
            return SlotClass.Night;
        }
        var weekendLike = localDate.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday
            || FrenchHolidays.IsHoliday(localDate);
        if (weekendLike)
        {
            return SlotClass.Weekend;
        }
        return localStart < EightPm ? SlotClass.Core : SlotClass.Evening;
    }

    public static SlotClass Of(Interval interval) => Of(interval.LocalDate, interval.LocalTime);
}
