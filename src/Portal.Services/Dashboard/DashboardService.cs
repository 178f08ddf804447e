using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Advisors;
using Portal.Domain.Rules;
using Portal.Domain.Assignments;
using Portal.Domain.Time;
using Portal.Domain.Training;
using Portal.Services.Data;

namespace Portal.Services.Dashboard;

/// <summary>The figures of the landing page, shaped by the role of who asks and limited to what it may read.</summary>
public sealed class DashboardService(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>
    /// The dashboard of the actor's role, holding only the regions the access rules let it read on the dashboard
    /// (all for national roles, the own one for a director), or the own record for an advisor; null when the
    /// actor may read nothing (a director bound to no region, an advisor account linked to no record).
    /// </summary>
    public async Task<DashboardView?> GetAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        var readable = AccessRules.ReadableRegions(actor, Area.Dashboard);
        if (actor.Role == PortalRole.Advisor ? !AccessRules.CanUse(actor, Area.Me) : readable is { Count: 0 })
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var today = LocalCalendar.Paris.Today(clock);
        if (actor.Role == PortalRole.Advisor)
        {
            return await AdvisorAsync(db, actor.AdvisorId!.Value, today, cancellationToken);
        }
        var regions = await RegionFiguresQuery.LoadAsync(db, readable, today, cancellationToken);
        return actor.Role switch
        {
            PortalRole.NationalAdmin => National(regions),
            PortalRole.HR => await HrAsync(db, regions, today, cancellationToken),
            _ => regions.Count == 1 ? await DirectorAsync(db, regions[0], today, cancellationToken) : null,
        };
    }

    private static NationalDashboard National(List<RegionFigures> regions)
    {
        var sites = new SiteCounts(regions.Sum(r => r.Sites.InHouse), regions.Sum(r => r.Sites.Subcontracted), regions.Sum(r => r.Sites.Offshore));
        return new NationalDashboard(regions, sites, regions.Sum(r => r.ActiveInHouseAdvisors));
    }

    private static async Task<DirectorDashboard> DirectorAsync(PortalDbContext db, RegionFigures region, DateOnly today, CancellationToken cancellationToken)
    {
        var inThreeWeeks = today.AddDays(21);
        var upcomingSessions = await db.TrainingSessions
            .CountAsync(s => s.Region!.Code == region.Code && s.Days.Any(d => d.Date >= today && d.Date <= inThreeWeeks), cancellationToken);
        var nextWeek = today.AddDays(7);
        var shifts = await db.Shifts.Where(Predicate.Through<Shift, Advisor>(s => s.Advisor!, Advisor.InHouse))
            .CountAsync(s => s.Date >= today && s.Date < nextWeek && s.Advisor!.Site!.Region!.Code == region.Code, cancellationToken);
        return new DirectorDashboard(region, upcomingSessions, shifts);
    }

    private static async Task<HrDashboard> HrAsync(PortalDbContext db, List<RegionFigures> regions, DateOnly today, CancellationToken cancellationToken)
    {
        var perCourse = await db.Enrolments
            .Where(e => e.Session!.Course!.RequiredForRegionalisation)
            .Where(Enrolment.CompletedAsOf(today).Or(Enrolment.PlannedFrom(today)))
            .Join(db.Advisors.Where(Advisor.ActiveInHouse), e => e.AdvisorId, a => a.Id,
                (e, a) => new { RegionId = a.Site!.RegionId, e.Session!.CourseId, e.Status, e.AdvisorId })
            .GroupBy(x => new { x.RegionId, x.CourseId, x.Status })
            .Select(g => new { g.Key.RegionId, g.Key.CourseId, g.Key.Status, Advisors = g.Select(x => x.AdvisorId).Distinct().Count() })
            .ToListAsync(cancellationToken);
        var courses = await db.Courses.Where(c => c.RequiredForRegionalisation).OrderBy(c => c.Code).ToListAsync(cancellationToken);
        var regionIds = await db.Regions.ToDictionaryAsync(r => r.Code, r => r.Id, cancellationToken);

        var rows = (from region in regions
                    from course in courses
                    let id = regionIds[region.Code]
                    let completed = perCourse.Where(p => p.RegionId == id && p.CourseId == course.Id && p.Status == EnrolmentStatus.Completed).Sum(p => p.Advisors)
                    let planned = perCourse.Where(p => p.RegionId == id && p.CourseId == course.Id && p.Status == EnrolmentStatus.Planned).Sum(p => p.Advisors)
                    select new CourseCompletion(region.Code, region.Name, course.Code, course.Title, completed, planned, region.ActiveInHouseAdvisors)).ToList();
        return new HrDashboard(regions, rows);
    }

    private static async Task<AdvisorDashboard?> AdvisorAsync(PortalDbContext db, int advisorId, DateOnly today, CancellationToken cancellationToken)
    {
        var advisor = await db.Advisors.Where(a => a.Id == advisorId)
            .Select(a => new { a.FirstName, a.LastName, a.EmployeeNumber, Site = a.Site!.Name, a.Site.RegionId })
            .SingleOrDefaultAsync(cancellationToken);
        if (advisor is null)
        {
            return null;
        }
        var horizon = today.AddDays(14);
        // Advisors see the shifts of published weeks only: later weeks are the director's drafts.
        var published = db.PublishedWeeks.Where(w => w.RegionId == advisor.RegionId);
        var shifts = await db.Shifts.Where(s => s.AdvisorId == advisorId && s.Date >= today && s.Date <= horizon)
            .Where(s => published.Any(w => w.Monday <= s.Date && s.Date < w.Monday.AddDays(7)))
            .Select(s => new UpcomingItem(s.Date, UpcomingKind.Shift, s.Start, s.End, s.Channel!.Code))
            .ToListAsync(cancellationToken);
        var training = await db.Enrolments
            .Where(e => e.AdvisorId == advisorId)
            .Where(Enrolment.InTraining)
            .SelectMany(e => e.Session!.Days.Where(d => d.Date >= today && d.Date <= horizon),
                (e, d) => new UpcomingItem(d.Date, UpcomingKind.Training, null, null, e.Session!.Course!.Title))
            .ToListAsync(cancellationToken);
        // A training day replaces that day's shift: the advisor is in training, not on the channel.
        var trainingDays = training.Select(t => t.Date).ToHashSet();
        var next = shifts.Where(s => !trainingDays.Contains(s.Date)).Concat(training)
            .OrderBy(i => i.Date).ThenBy(i => i.Kind).ThenBy(i => i.Start).ToList();
        return new AdvisorDashboard($"{advisor.FirstName} {advisor.LastName}", advisor.EmployeeNumber, advisor.Site, next);
    }
}
