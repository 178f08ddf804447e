using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Services.Data;

namespace Portal.Services.Stats;

/// <summary>The counts of the administration tool's <c>stats</c> command.</summary>
public sealed record PortalStats(
    int Regions,
    IReadOnlyDictionary<string, int> SitesByKind,
    IReadOnlyDictionary<string, int> AdvisorsByRegion,
    int Courses,
    int Sessions,
    IReadOnlyDictionary<string, int> EnrolmentsByStatus,
    int Shifts,
    int ForecastIntervals,
    IReadOnlyDictionary<string, int> UsersByRole);

public sealed class StatsService(IDbContextFactory<PortalDbContext> dbFactory)
{
    /// <summary>National counts, with users by role: administration data (national administrators and the administration tool).</summary>
    public async Task<PortalStats> GetAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        if (!AccessRules.CanReadNationalAggregates(actor, Area.Administration))
        {
            throw new UnauthorizedAccessException("National statistics are for national administrators.");
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var sites = await db.Sites.GroupBy(s => s.Kind).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var advisors = await db.Advisors.GroupBy(a => a.Site!.Region!.Code).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var enrolments = await db.Enrolments.GroupBy(e => e.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var users = await db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name)
            .GroupBy(n => n).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var regionOrder = await db.Regions.OrderBy(r => r.Wave).Select(r => r.Code).ToListAsync(cancellationToken);

        return new PortalStats(
            await db.Regions.CountAsync(cancellationToken),
            sites.OrderBy(s => s.Key).ToDictionary(s => s.Key.ToString(), s => s.Count),
            advisors.OrderBy(a => regionOrder.IndexOf(a.Key)).ToDictionary(a => a.Key, a => a.Count),
            await db.Courses.CountAsync(cancellationToken),
            await db.TrainingSessions.CountAsync(cancellationToken),
            enrolments.OrderBy(e => e.Key).ToDictionary(e => e.Key.ToString(), e => e.Count),
            await db.Shifts.CountAsync(cancellationToken),
            await db.ForecastIntervals.CountAsync(cancellationToken),
            users.OrderBy(u => u.Key).ToDictionary(u => u.Key ?? "", u => u.Count));
    }
}
