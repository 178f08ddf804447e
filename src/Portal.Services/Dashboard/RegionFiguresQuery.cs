using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Advisors;
using Portal.Domain.Rules;
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

        // One pass over the advisors, each rule placed in the projection: as fast as the rule written out by hand.
        var advisor = Expression.Parameter(typeof(Advisor), "a");
        var flags = Expression.Lambda<Func<Advisor, AdvisorFlags>>(Expression.MemberInit(Expression.New(typeof(AdvisorFlags)),
            Expression.Bind(typeof(AdvisorFlags).GetProperty(nameof(AdvisorFlags.RegionId))!,
                Expression.Property(Expression.Property(advisor, nameof(Advisor.Site)), nameof(Site.RegionId))),
            Expression.Bind(typeof(AdvisorFlags).GetProperty(nameof(AdvisorFlags.Completed))!,
                Predicate.Inline(TrainingCompletion.CompletedEveryRequired(db.Enrolments, required, asOf), advisor)),
            Expression.Bind(typeof(AdvisorFlags).GetProperty(nameof(AdvisorFlags.CompletedOrPlanned))!,
                Predicate.Inline(TrainingCompletion.CompletedOrPlannedEveryRequired(db.Enrolments, required, asOf), advisor))), advisor);
        var counts = await db.Advisors.Where(Advisor.ActiveInHouse).Where(a => regionIds == null || regionIds.Contains(a.Site!.RegionId))
            .Select(flags)
            .GroupBy(f => f.RegionId)
            .Select(g => new { RegionId = g.Key, Active = g.Count(), Completed = g.Count(f => f.Completed), CompletedOrPlanned = g.Count(f => f.CompletedOrPlanned) })
            .ToDictionaryAsync(g => g.RegionId, cancellationToken);

        return regions.Select(r =>
        {
            int Sites(SiteKind kind) => sites.Where(s => s.RegionId == r.Id && s.Kind == kind).Sum(s => s.Count);
            var people = counts.GetValueOrDefault(r.Id);
            var done = people?.Completed ?? 0;
            return new RegionFigures(r.Code, r.Name, r.Wave, r.Status, r.PlannedSwitchDate, r.ActualSwitchDate, r.Customers,
                new SiteCounts(Sites(SiteKind.InHouse), Sites(SiteKind.Subcontracted), Sites(SiteKind.Offshore)),
                people?.Active ?? 0, done, (people?.CompletedOrPlanned ?? 0) - done);
        }).ToList();
    }

    private sealed class AdvisorFlags
    {
        public int RegionId { get; init; }
        public bool Completed { get; init; }
        public bool CompletedOrPlanned { get; init; }
    }
}
