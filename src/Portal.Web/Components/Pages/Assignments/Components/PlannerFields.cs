using System.Globalization;
using Portal.Domain.Time;

namespace Portal.Web.Components.Pages.Assignments.Components;

/// <summary>
/// The planner's typed date and time fields (reliable in every browser): their values are ISO text, whatever the
/// language of the page.
/// </summary>
public static class PlannerFields
{
    public static string Time(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    public static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    /// <summary>The Monday of the week holding the typed day.</summary>
    public static DateOnly? Monday(string? text) => ParseDate(text) is { } day ? LocalCalendar.MondayOf(day) : null;

    public static TimeOnly? ParseTime(string? text) =>
        TimeOnly.TryParseExact(text, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;
}
