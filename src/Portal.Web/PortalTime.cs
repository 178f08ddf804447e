using System.Globalization;
using Portal.Domain.Time;

namespace Portal.Web;

/// <summary>
/// Instants as people read them: the wall-clock time in Paris, the portal's zone, whatever zone the server runs in,
/// written in the user's culture. Instants are stored in UTC.
/// </summary>
public static class PortalTime
{
    public static DateTime InParis(this DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), LocalCalendar.Paris.Zone);

    /// <summary>Short date and time in Paris (<c>01/07/2026 12:00</c> in French).</summary>
    public static string ToParisText(this DateTime utc) => utc.InParis().ToString("g", CultureInfo.CurrentCulture);
}
