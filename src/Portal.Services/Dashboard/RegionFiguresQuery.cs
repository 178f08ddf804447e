using Microsoft.EntityFrameworkCore;
using Portal.Domain.Advisors;
using Portal.Domain.Sites;
using Portal.Domain.Training;
using Portal.Services.Data;

namespace Portal.Services.Dashboard;

/// <summary>Headline figures of some or all regions, computed in the database in a few grouped queries.</summary>
internal static class RegionFiguresQuery
{
    /// <summary>
    /// Figures of the given regions (null: all). Training counts an active in-house advisor as completed when every
    /// course required for regionalisation is completed as of <paramref name="asOf"/> (<see cref="TrainingCompletion"/>);
    /// as planned when the missing ones have a planned enrolment in a session still to come.
    /// </summary>
    public static async Task<List<RegionFigures>> LoadAsync(PortalDbContext db, IReadOnlySet<int>? regionIds, DateOnly asOf, CancellationToken cancellationToken)
    {
        var regions = await db.Regions.AsNoTracking()
            .Where(r => regionIds == null || regionIds.Contains(r.Id))
            .OrderBy(r => r.Wave)
            .ToListAsync(cancellationToken);

        var sites = await db.Sites
            .Where(s => regionIds == null || regionIds.Contains(s.RegionId))
            .GroupBy(s => new { s.RegionId, s.Kind })
            .Select(g => new { g.Key.RegionId, g.Key.Kind, Count = g.Count() })
            .ToListAsync(cancellationToken);

        var required = await db.Courses.Where(c => c.RequiredForRegionalisation).Select(c => c.Id).ToListAsync(cancellationToken);

        var advisors = db.Advisors.Where(Advisor.ActiveInHouse).Where(a => regionIds == null || regionIds.Contains(a.Site!.RegionId));
        var active = await CountByRegionAsync(advisors, cancellationToken);
        var completed = await CountByRegionAsync(advisors.Where(TrainingCompletion.CompletedEveryRequired(db.Enrolments, required, asOf)), cancellationToken);
        var completedOrPlanned = await CountByRegionAsync(advisors.Where(TrainingCompletion.CompletedOrPlannedEveryRequired(db.Enrolments, required, asOf)), cancellationToken);

        return regions.Select(r =>
        {
            int Sites(SiteKind kind) => sites.Where(s => s.RegionId == r.Id && s.Kind == kind).Sum(s => s.Count);
            var done = completed.GetValueOrDefault(r.Id);
            return new RegionFigures(r.Code, r.Name, r.Wave, r.Status, r.PlannedSwitchDate, r.ActualSwitchDate, r.Customers,
                new SiteCounts(Sites(SiteKind.InHouse), Sites(SiteKind.Subcontracted), Sites(SiteKind.Offshore)),
                active.GetValueOrDefault(r.Id), done, completedOrPlanned.GetValueOrDefault(r.Id) - done);
        }).ToList();
    }

    private static async Task<Dictionary<int, int>> CountByRegionAsync(IQueryable<Advisor> advisors, CancellationToken cancellationToken) =>
        await advisors.GroupBy(a => a.Site!.RegionId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
}
