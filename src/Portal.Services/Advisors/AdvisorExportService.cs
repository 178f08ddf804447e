using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Services.Data;
using Portal.Services.Files;

namespace Portal.Services.Advisors;

/// <summary>
/// Writes the advisors of the regions the user may read in the format the import reads (<see cref="AdvisorFile"/>),
/// ordered by employee number, so that a file exported then imported again changes nothing.
/// </summary>
public sealed class AdvisorExportService(IDbContextFactory<PortalDbContext> dbFactory)
{
    /// <summary>Writes the file and answers the number of advisors.</summary>
    public async Task<int> ExportAsync(Actor actor, Stream output, CancellationToken cancellationToken = default)
    {
        var readable = AccessRules.ReadableRegions(actor, Area.Advisors);
        var rows = new List<IReadOnlyList<object?>>();
        if (readable is not { Count: 0 })
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var skills = await db.Skills.AsNoTracking().ToDictionaryAsync(s => s.Id, cancellationToken);
            var advisors = await db.Advisors.AsNoTracking()
                .Where(a => readable == null || readable.Contains(a.Site!.RegionId))
                .Select(a => new { a.EmployeeNumber, a.LastName, a.FirstName, Site = a.Site!.Name, a.WorkingTimePercent, a.Active, a.Skills, a.Team })
                .ToListAsync(cancellationToken);
            rows.AddRange(advisors.OrderBy(a => a.EmployeeNumber, StringComparer.Ordinal).Select(a => (IReadOnlyList<object?>)
                [a.EmployeeNumber, a.LastName, a.FirstName, a.Site, a.WorkingTimePercent, a.Active, AdvisorFile.FormatSkills(a.Skills, skills), a.Team]));
        }
        await CsvTable.WriteAsync(output, new FileTable([.. AdvisorFile.Columns.Columns.Select(c => c.Name)], rows), cancellationToken);
        return rows.Count;
    }
}
