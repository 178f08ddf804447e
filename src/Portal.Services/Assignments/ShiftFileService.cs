using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Domain.Access;
using Portal.Domain.Assignments;
using Portal.Domain.Time;
using Portal.Services.Data;
using Portal.Services.Files;
using Portal.Services.Regions;

namespace Portal.Services.Assignments;

/// <summary>
/// Shift files (<see cref="ShiftFile"/>): a region's week written in the format the import reads, ordered by employee
/// number, date and start, so that a file exported then imported again changes only the change marks; and the import,
/// all or nothing through the shared pipeline. Only a role that plans shifts exports or imports them.
/// </summary>
public sealed class ShiftFileService(IDbContextFactory<PortalDbContext> dbFactory, RegionDirectory regions, ImportPipeline pipeline,
    IOptions<PlanningSettings> settings, TimeProvider clock)
{
    public static ImportFormat Format => ShiftFile.Columns;

    /// <summary>Writes the region's shifts of the week holding <paramref name="anyDay"/>; answers their number, or null when the region may not be planned.</summary>
    public async Task<int?> ExportAsync(Actor actor, string regionCode, DateOnly anyDay, Stream output, CancellationToken cancellationToken = default)
    {
        var region = await regions.FindAsync(actor, regionCode, Area.Assignments, cancellationToken);
        if (region is null || !AccessRules.CanChange(actor, Area.Assignments, region.Id))
        {
            return null;
        }
        var monday = LocalCalendar.MondayOf(anyDay);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var advisors = AssignmentService.RegionAdvisors(db, region.Id);
        var shifts = await db.Shifts.AsNoTracking()
            .Where(s => s.Date >= monday && s.Date <= monday.AddDays(6) && advisors.Any(a => a.Id == s.AdvisorId))
            .Select(s => new { s.Advisor!.EmployeeNumber, s.Date, s.Start, s.End, Channel = s.Channel!.Code, s.BreakStart, s.BreakMinutes })
            .ToListAsync(cancellationToken);
        var rows = shifts.OrderBy(s => s.EmployeeNumber, StringComparer.Ordinal).ThenBy(s => s.Date).ThenBy(s => s.Start)
            .Select(s => (IReadOnlyList<object?>)
            [
                s.EmployeeNumber, ShiftFile.Date(s.Date), ShiftFile.Time(s.Start), ShiftFile.Time(s.End), s.Channel,
                s.BreakStart is { } b && s.BreakMinutes > 0 ? ShiftFile.Time(b) : "", s.BreakStart is not null && s.BreakMinutes > 0 ? s.BreakMinutes : "",
            ])
            .ToList();
        await CsvTable.WriteAsync(output, new FileTable([.. ShiftFile.Columns.Columns.Select(c => c.Name)], rows), cancellationToken);
        return rows.Count;
    }

    /// <summary>Replaces the listed advisors' shifts on the listed days, all or nothing, every planning rule checked.</summary>
    public async Task<ImportResult> ImportAsync(Actor actor, Stream csv, CancellationToken cancellationToken = default)
    {
        if (!AccessRules.CanChangeSome(actor, Area.Assignments))
        {
            return ImportResult.Refused(Messages.Format("ShiftImport_Forbidden"));
        }
        return await pipeline.RunAsync(csv, new ShiftFile(actor, new PlanningRules(settings.Value, LocalCalendar.Paris), clock), cancellationToken);
    }
}
