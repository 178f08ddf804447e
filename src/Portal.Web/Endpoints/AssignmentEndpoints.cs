using System.Globalization;
using System.Text;
using Portal.Domain.Access;
using Portal.Services.Access;
using Portal.Services.Assignments;
using Portal.Web.Access;

namespace Portal.Web.Endpoints;

/// <summary>
/// The schedule as files: an advisor's own calendar (<c>/me/calendar.ics</c>), the personal subscription address
/// (<c>/calendar/{token}.ics</c>, no login: the secret token is the key, and an unknown or renewed one answers 404), and
/// a region's week of shifts for its planners (<c>/assignments/{region}/shifts.csv?week=</c>).
/// </summary>
internal static class AssignmentEndpoints
{
    private const string CalendarType = "text/calendar; charset=utf-8";

    public static void MapAssignmentEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/me/calendar.ics", async (HttpContext context, MyAssignmentsService service, CancellationToken cancellationToken) =>
            context.User.ToActor() is { } actor && await service.CalendarAsync(actor, cancellationToken) is { } file
                ? Results.File(Encoding.UTF8.GetBytes(file), CalendarType, "planning.ics")
                : Results.NotFound())
            .RequireAuthorization(AreaAuthorizeAttribute.Prefix + Area.Me);

        endpoints.MapGet("/calendar/{token}.ics", async (string token, HttpContext context, MyAssignmentsService service, CancellationToken cancellationToken) =>
        {
            // A subscription address is a secret: not to be kept by caches along the way.
            context.Response.Headers.CacheControl = "no-store";
            return await service.CalendarByTokenAsync(token, cancellationToken) is { } file
                ? Results.Text(file, CalendarType)
                : Results.NotFound();
        }).AllowAnonymous();

        endpoints.MapGet("/assignments/{region}/shifts.csv", async (string region, string? week, HttpContext context, ShiftFileService service,
            TimeProvider clock, CancellationToken cancellationToken) =>
        {
            if (context.User.ToActor() is not { } actor)
            {
                return Results.NotFound();
            }
            var day = DateOnly.TryParseExact(week, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
                ? parsed
                : Portal.Domain.Time.LocalCalendar.Paris.Today(clock);
            using var buffer = new MemoryStream();
            return await service.ExportAsync(actor, region, day, buffer, cancellationToken) is null
                ? Results.NotFound()
                : Results.File(buffer.ToArray(), "text/csv; charset=utf-8", $"vacations-{region.ToUpperInvariant()}-{Portal.Domain.Time.LocalCalendar.MondayOf(day):yyyy-MM-dd}.csv");
        }).RequireAuthorization(AreaAuthorizeAttribute.Prefix + Area.Assignments);
    }
}
