using System.Globalization;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Portal.Services.Assignments;

/// <summary>
/// An advisor's schedule as an iCalendar file (RFC 5545): shifts as timed events in Europe/Paris with its VTIMEZONE
/// (so a calendar application shows them at their wall-clock times across clock changes), training days as all-day
/// events. Event identifiers are stable, so a subscribed calendar updates an event rather than adding a new one.
/// </summary>
internal static class MyCalendarFile
{
    public const string TimeZone = "Europe/Paris";

    public static string Write(MySchedule schedule, int advisorId, DateTime nowUtc)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//Portail regional//Planning//FR", Method = "PUBLISH" };
        calendar.AddTimeZone(VTimeZone.FromDateTimeZone(TimeZone, schedule.From.AddYears(-1).ToDateTime(TimeOnly.MinValue), includeHistoricalData: false));
        var stamp = new CalDateTime(nowUtc, "UTC");
        foreach (var shift in schedule.Shifts)
        {
            var end = shift.End <= shift.Start ? shift.Date.AddDays(1) : shift.Date;
            var pause = shift.BreakStart is { } b && shift.BreakMinutes > 0
                ? $" · {Messages.Format("Calendar_Break", b.ToString("HH:mm", CultureInfo.InvariantCulture), shift.BreakMinutes)}"
                : "";
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"shift-{shift.Id}@portal",
                DtStamp = stamp,
                Start = new CalDateTime(shift.Date.ToDateTime(shift.Start), TimeZone),
                End = new CalDateTime(end.ToDateTime(shift.End), TimeZone),
                Summary = Messages.Format("Calendar_Shift", shift.Channel),
                Location = shift.Site,
                Description = Messages.Format("Calendar_ShiftDescription", shift.Channel, shift.Site) + pause,
            });
        }
        foreach (var day in schedule.TrainingDays)
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"training-{advisorId}-{day.Date.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}-{day.CourseCode}@portal",
                DtStamp = stamp,
                Start = new CalDateTime(day.Date),
                End = new CalDateTime(day.Date.AddDays(1)),
                Summary = Messages.Format("Calendar_Training", day.CourseTitle),
                Location = day.Place,
                Description = day.CourseCode,
            });
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }
}
