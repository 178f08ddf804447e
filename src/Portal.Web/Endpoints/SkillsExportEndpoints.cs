using Portal.Domain.Access;
using Portal.Services.Access;
using Portal.Services.Files;
using Portal.Services.Skills;
using Portal.Web.Access;

namespace Portal.Web.Endpoints;

/// <summary>
/// The skills matrix as files, with the page's filters and the same service (so the same access rules: a region or
/// site the user may not read answers 404, as the page does).
/// </summary>
internal static class SkillsExportEndpoints
{
    public const string TotalsLabel = "TOTAL";

    public static void MapSkillsExportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var skills = endpoints.MapGroup("/skills").RequireAuthorization(AreaAuthorizeAttribute.Prefix + Area.Skills);

        skills.MapGet("/matrix.csv", async (string? region, int? site, HttpContext context, SkillsMatrixService service, CancellationToken cancellationToken) =>
            await service.GetAsync(context.User.ToActor()!, region, site, cancellationToken) is { } matrix
                ? await FileAsync(CsvTable.WriteAsync, Table(matrix), "text/csv; charset=utf-8", FileName(matrix, "csv"), cancellationToken)
                : Results.NotFound());

        skills.MapGet("/matrix.xlsx", async (string? region, int? site, HttpContext context, SkillsMatrixService service, CancellationToken cancellationToken) =>
            await service.GetAsync(context.User.ToActor()!, region, site, cancellationToken) is { } matrix
                ? await FileAsync(ExcelTable.WriteAsync, Table(matrix), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", FileName(matrix, "xlsx"), cancellationToken)
                : Results.NotFound());
    }

    /// <summary>One line per advisor, then the certified totals.</summary>
    internal static FileTable Table(SkillsMatrix matrix) => new(
        ["employeeNumber", "lastName", "firstName", "site", .. matrix.Skills.Select(s => s.Code)],
        [
            .. matrix.Rows.Select(row => (IReadOnlyList<object?>)[row.EmployeeNumber, row.LastName, row.FirstName, row.Site, .. row.Levels.Cast<object?>()]),
            [TotalsLabel, "certified", "", "", .. matrix.Skills.Select(s => (object?)s.Certified)],
        ],
        matrix.Region.Code);

    internal static async Task<IResult> FileAsync(Func<Stream, FileTable, CancellationToken, Task> write, FileTable table, string contentType, string name,
        CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await write(buffer, table, cancellationToken);
        return Results.File(buffer.ToArray(), contentType, name);
    }

    private static string FileName(SkillsMatrix matrix, string extension) =>
        $"skills-matrix-{matrix.Region.Code}{(matrix.SiteId is { } site ? $"-site-{site}" : "")}.{extension}";
}
