using System.Globalization;
using System.Text;
using MiniExcelLibs;
using Portal.Domain.Access;
using Portal.Services.Access;
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
                ? Results.File(Csv(matrix), "text/csv; charset=utf-8", FileName(matrix, "csv"))
                : Results.NotFound());

        skills.MapGet("/matrix.xlsx", async (string? region, int? site, HttpContext context, SkillsMatrixService service, CancellationToken cancellationToken) =>
            await service.GetAsync(context.User.ToActor()!, region, site, cancellationToken) is { } matrix
                ? Results.File(await ExcelAsync(matrix, cancellationToken), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", FileName(matrix, "xlsx"))
                : Results.NotFound());
    }

    /// <summary>UTF-8 with a byte-order mark and semicolons, as French spreadsheets open it; one line per advisor, then the certified totals.</summary>
    internal static byte[] Csv(SkillsMatrix matrix)
    {
        var text = new StringBuilder();
        AppendLine(text, ["employeeNumber", "lastName", "firstName", "site", .. matrix.Skills.Select(s => s.Code)]);
        foreach (var row in matrix.Rows)
        {
            AppendLine(text, [row.EmployeeNumber, row.LastName, row.FirstName, row.Site, .. row.Levels.Select(l => l.ToString(CultureInfo.InvariantCulture))]);
        }
        AppendLine(text, [TotalsLabel, "certified", "", "", .. matrix.Skills.Select(s => s.Certified.ToString(CultureInfo.InvariantCulture))]);
        var encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
        return [.. encoding.GetPreamble(), .. encoding.GetBytes(text.ToString())];
    }

    private static async Task<byte[]> ExcelAsync(SkillsMatrix matrix, CancellationToken cancellationToken)
    {
        var sheet = new List<Dictionary<string, object>>(matrix.Rows.Count + 1);
        foreach (var row in matrix.Rows)
        {
            sheet.Add(Line(matrix, row.EmployeeNumber, row.LastName, row.FirstName, row.Site, row.Levels));
        }
        sheet.Add(Line(matrix, TotalsLabel, "certified", "", "", [.. matrix.Skills.Select(s => s.Certified)]));
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(sheet, sheetName: matrix.Region.Code, cancellationToken: cancellationToken);
        return stream.ToArray();
    }

    private static Dictionary<string, object> Line(SkillsMatrix matrix, string employeeNumber, string lastName, string firstName, string site, IReadOnlyList<int> values)
    {
        var line = new Dictionary<string, object>
        {
            ["employeeNumber"] = employeeNumber,
            ["lastName"] = lastName,
            ["firstName"] = firstName,
            ["site"] = site,
        };
        for (var i = 0; i < matrix.Skills.Count; i++)
        {
            line[matrix.Skills[i].Code] = values[i];
        }
        return line;
    }

    private static void AppendLine(StringBuilder text, IEnumerable<string> fields) =>
        text.AppendJoin(';', fields.Select(Quote)).Append("\r\n");

    /// <summary>A field holding the separator, a quote or a line break is quoted; a leading formula sign is neutralised.</summary>
    private static string Quote(string field)
    {
        var safe = field.Length > 0 && "=+-@\t\r".Contains(field[0], StringComparison.Ordinal) ? "'" + field : field;
        return safe.AsSpan().IndexOfAny(";\"\r\n") >= 0 ? $"\"{safe.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : safe;
    }

    private static string FileName(SkillsMatrix matrix, string extension) =>
        $"skills-matrix-{matrix.Region.Code}{(matrix.SiteId is { } site ? $"-site-{site}" : "")}.{extension}";
}
