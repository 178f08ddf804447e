using Microsoft.EntityFrameworkCore;
using Portal.Domain.Sites;
using Portal.Domain.Training;
using Portal.Services.Data;

namespace Portal.Services.Dashboard;

/// <summary>Headline figures of some or all regions, computed in the database in a few grouped queries.</summary>
internal static class RegionFiguresQuery
{
    /// <summary>
    /// Figures of the given regions (null: all). Training counts an active in-house advisor as completed when every
    /// course required for regionalisation has a completed enrolment dated on or before <paramref name="asOf"/>;
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
        var requiredCount = required.Count;

        var advisors = await db.Advisors
            .Where(a => a.Active && a.Site!.Kind == SiteKind.InHouse && (regionIds == null || regionIds.Contains(a.Site.RegionId)))
            .Select(a => new
            {
                a.Site!.RegionId,
                Completed = db.Enrolments
                    .Where(e => e.AdvisorId == a.Id && required.Contains(e.Session!.CourseId)
                                && e.Status == EnrolmentStatus.Completed && e.CompletedOn <= asOf)
                    .Select(e => e.Session!.CourseId).Distinct().Count(),
                CompletedOrPlanned = db.Enrolments
                    .Where(e => e.AdvisorId == a.Id && required.Contains(e.Session!.CourseId)
                                && ((e.Status == EnrolmentStatus.Completed && e.CompletedOn <= asOf)
                                    || (e.Status == EnrolmentStatus.Planned && e.Session.Days.Any(d => d.Date >= asOf))))
                    .Select(e => e.Session!.CourseId).Distinct().Count(),
            })
            .GroupBy(a => a.RegionId)
            .Select(g => new
            {
                RegionId = g.Key,
                Active = g.Count(),
                Completed = g.Count(a => a.Completed == requiredCount),
                CompletedOrPlanned = g.Count(a => a.CompletedOrPlanned == requiredCount),
            })
            .ToListAsync(cancellationToken);

        return regions.Select(r =>
        {
            int Sites(SiteKind kind) => sites.Where(s => s.RegionId == r.Id && s.Kind == kind).Sum(s => s.Count);
            var people = advisors.FirstOrDefault(a => a.RegionId == r.Id);
            // With no required course, every advisor has completed them all.
            var completed = people?.Completed ?? 0;
            var planned = (people?.CompletedOrPlanned ?? 0) - completed;
            return new RegionFigures(r.Code, r.Name, r.Wave, r.Status, r.PlannedSwitchDate, r.ActualSwitchDate, r.Customers,
                new SiteCounts(Sites(SiteKind.InHouse), Sites(SiteKind.Subcontracted), Sites(SiteKind.Offshore)),
                people?.Active ?? 0, completed, planned);
        }).ToList();
    }
}
