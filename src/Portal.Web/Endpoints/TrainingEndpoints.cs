using System.Globalization;
using Portal.Domain.Access;
using Portal.Services.Access;
using Portal.Services.Files;
using Portal.Services.Training;
using Portal.Web.Access;

namespace Portal.Web.Endpoints;

/// <summary>
/// A session's attendance sheet as files, from the same service as the page (so the same access rules: a session of a
/// region the user may not read answers 404, as the page does).
/// </summary>
internal static class TrainingEndpoints
{
    public static void MapTrainingEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var sessions = endpoints.MapGroup("/training/sessions").RequireAuthorization(AreaAuthorizeAttribute.Prefix + Area.Training);

        sessions.MapGet("/{id:int}/attendance.csv", async (int id, HttpContext context, AttendanceService service, CancellationToken cancellationToken) =>
            await service.SheetAsync(context.User.ToActor()!, id, cancellationToken) is { } sheet
                ? await SkillsExportEndpoints.FileAsync(CsvTable.WriteAsync, sheet, "text/csv; charset=utf-8", FileName(id, "csv"), cancellationToken)
                : Results.NotFound());

        sessions.MapGet("/{id:int}/attendance.xlsx", async (int id, HttpContext context, AttendanceService service, CancellationToken cancellationToken) =>
            await service.SheetAsync(context.User.ToActor()!, id, cancellationToken) is { } sheet
                ? await SkillsExportEndpoints.FileAsync(ExcelTable.WriteAsync, sheet, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", FileName(id, "xlsx"), cancellationToken)
                : Results.NotFound());
    }

    private static string FileName(int sessionId, string extension) => $"attendance-session-{sessionId.ToString(CultureInfo.InvariantCulture)}.{extension}";
}
