using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Services.Data;

namespace Portal.Services.Advisors;

/// <summary>
/// Writes the advisors of the regions the user may read in the format <see cref="AdvisorImportService"/> reads, ordered
/// by employee number, so that a file exported then imported again changes nothing.
/// </summary>
public sealed class AdvisorExportService(IDbContextFactory<PortalDbContext> dbFactory)
{
    /// <summary>Writes the file (UTF-8 with a byte order mark, which spreadsheets need to show accents) and answers the number of advisors.</summary>
    public async Task<int> ExportAsync(Actor actor, Stream output, CancellationToken cancellationToken = default)
    {
        var readable = AccessRules.ReadableRegions(actor, Area.Advisors);
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 1 << 16, leaveOpen: true);
        writer.NewLine = "\r\n";
        await writer.WriteLineAsync(AdvisorImportService.Header);
        if (readable is { Count: 0 })
        {
            return 0;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var skills = await db.Skills.AsNoTracking().ToDictionaryAsync(s => s.Id, cancellationToken);
        var advisors = await db.Advisors.AsNoTracking()
            .Where(a => readable == null || readable.Contains(a.Site!.RegionId))
            .OrderBy(a => a.EmployeeNumber)
            .Select(a => new { a.EmployeeNumber, a.LastName, a.FirstName, Site = a.Site!.Name, a.WorkingTimePercent, a.Active, a.Skills })
            .ToListAsync(cancellationToken);
        foreach (var a in advisors.OrderBy(a => a.EmployeeNumber, StringComparer.Ordinal))
        {
            await writer.WriteLineAsync(string.Join(';',
                a.EmployeeNumber, a.LastName, a.FirstName, a.Site, a.WorkingTimePercent.ToString(CultureInfo.InvariantCulture),
                a.Active ? "true" : "false", AdvisorImportService.FormatSkills(a.Skills, skills)));
        }
        await writer.FlushAsync(cancellationToken);
        return advisors.Count;
    }
}
