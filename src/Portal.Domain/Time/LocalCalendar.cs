namespace Portal.Domain.Time;

/// <summary>
/// The portal's local time: 30-minute intervals of a local day in a time zone (46, 48 or 50 of them),
/// weeks from Monday to Sunday, and the local date of an instant.
/// </summary>
public sealed class LocalCalendar
{
    public LocalCalendar(TimeZoneInfo zone) => Zone = zone;

    public static LocalCalendar Paris { get; } = new(TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris"));

    public TimeZoneInfo Zone { get; }

    /// <summary>Every 30-minute interval from local midnight to the next local midnight.</summary>
    public IReadOnlyList<Interval> IntervalsOf(DateOnly day)
    {
        var startUtc = MidnightUtc(day);
        var endUtc = MidnightUtc(day.AddDays(1));
        var count = (int)((endUtc - startUtc).TotalMinutes / Interval.Minutes);
        var intervals = new Interval[count];
        for (var i = 0; i < count; i++)
        {
            var utc = startUtc.AddMinutes(i * Interval.Minutes);
            intervals[i] = new Interval(day, i, utc, TimeZoneInfo.ConvertTimeFromUtc(utc, Zone));
        }
        return intervals;
    }

    public int IntervalCount(DateOnly day) =>
        (int)((MidnightUtc(day.AddDays(1)) - MidnightUtc(day)).TotalMinutes / Interval.Minutes);

    /// <summary>The instant of local midnight starting the day (no clock change happens at midnight in Europe).</summary>
    public DateTime MidnightUtc(DateOnly day) => ToUtc(day.ToDateTime(TimeOnly.MinValue));

    /// <summary>
    /// The instant of a local wall-clock time. A time skipped by the spring change is moved forward by the length
    /// of the gap (02:30 becomes 03:30 in Paris), as clocks are; a time repeated by the autumn change is taken at
    /// its first occurrence (summer time).
    /// </summary>
    public DateTime ToUtc(DateTime local)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(local))
        {
            local += Zone.GetUtcOffset(local.AddHours(12)) - Zone.GetUtcOffset(local.AddHours(-12));
        }
        if (Zone.IsAmbiguousTime(local))
        {
            var offsets = Zone.GetAmbiguousTimeOffsets(local);
            var summer = offsets.Max();
            return DateTime.SpecifyKind(local - summer, DateTimeKind.Utc);
        }
        return TimeZoneInfo.ConvertTimeToUtc(local, Zone);
    }

    public DateOnly LocalDateOf(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    public DateOnly Today(TimeProvider clock) => LocalDateOf(clock.GetUtcNow());

    public static DateOnly MondayOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
}
