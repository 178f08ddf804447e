namespace Portal.EndToEnd.Tests.Coverage;

/// <summary>Weeks of the demo (specification, section 8), reckoned from today in Paris.</summary>
public static class DemoWeeks
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public static DateOnly TodayInParis => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Paris).DateTime);

    /// <summary>BPL plans its switch on the Monday three weeks ahead: the Monday of the week of today + 21 days.</summary>
    public static DateOnly BplSwitchMonday => MondayOf(TodayInParis.AddDays(21));

    public static DateOnly MondayOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
}
