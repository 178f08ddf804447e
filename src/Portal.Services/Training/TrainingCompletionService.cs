using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Advisors;
using Portal.Domain.Rules;
using Portal.Domain.Time;
using Portal.Domain.Training;
using Portal.Services.Data;
using Portal.Services.Files;

namespace Portal.Services.Training;

/// <summary>
/// HR's tracking of the courses required for regionalisation: figures by region, site and course, the weekly
/// cumulative completion, the advisors still missing a course, and the completion file. HR and national
/// administrators see every region, a director the own region, advisors nothing. Counts are of the active in-house
/// advisors, completion as the domain says (<see cref="Enrolment.CompletedAsOf"/>, <see cref="TrainingCompletion"/>).
/// </summary>
public sealed class TrainingCompletionService(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>Weeks of history the cumulative chart shows, the current week included, and at most as many ahead.</summary>
    public const int Weeks = 26;

    /// <summary>The page's figures as of today; null when the actor may read no region's training.</summary>
    public async Task<CompletionView?> GetAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        var readable = AccessRules.ReadableRegions(actor, Area.Training);
        if (readable is { Count: 0 })
        {
            return null;
        }
        var today = LocalCalendar.Paris.Today(clock);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var courses = await RequiredCoursesAsync(db, cancellationToken);
        var requiredIds = courses.Select(c => c.Id).ToList();
        var regions = await db.Regions.AsNoTracking().Where(r => readable == null || readable.Contains(r.Id)).OrderBy(r => r.Wave)
            .Select(r => new { r.Id, r.Code, r.Name }).ToListAsync(cancellationToken);
        var sites = await db.Sites.AsNoTracking().Where(Domain.Sites.Site.InHouse).Where(s => readable == null || readable.Contains(s.RegionId))
            .Select(s => new { s.Id, s.Name, s.RegionId }).ToListAsync(cancellationToken);
        var advisors = await Advisors(db, readable).Select(a => new { a.Id, a.SiteId }).ToListAsync(cancellationToken);

        // One pass over the enrolments that count: completed as of today, or planned in a session still to come.
        var enrolments = await db.Enrolments.AsNoTracking()
            .Where(e => requiredIds.Contains(e.Session!.CourseId))
            .Where(Enrolment.CompletedAsOf(today).Or(Enrolment.PlannedFrom(today)))
            .Join(Advisors(db, readable), e => e.AdvisorId, a => a.Id, (e, a) => new
            {
                e.AdvisorId, e.Session!.CourseId, e.Status, e.CompletedOn, LastDay = e.Session.Days.Max(d => d.Date),
            })
            .ToListAsync(cancellationToken);

        // Per advisor and course: the day it was completed, else the last day of the first session planned for it.
        var progress = enrolments.GroupBy(e => e.AdvisorId).ToDictionary(g => g.Key, g => g.GroupBy(e => e.CourseId).ToDictionary(c => c.Key, c => (
            Completed: c.Where(e => e.Status == EnrolmentStatus.Completed).Select(e => e.CompletedOn).Min(),
            Planned: c.Where(e => e.Status == EnrolmentStatus.Planned).Select(e => (DateOnly?)e.LastDay).Min())));
        var people = advisors.Select(a =>
        {
            var mine = progress.GetValueOrDefault(a.Id);
            var perCourse = requiredIds.Select(id => mine?.GetValueOrDefault(id) ?? default).ToList();
            // The day the last required course was completed (or, with the plan, will be); none while one is missing.
            DateOnly? Done(Func<(DateOnly? Completed, DateOnly? Planned), DateOnly?> on) =>
                perCourse.All(p => on(p) is not null) ? perCourse.Select(p => on(p)!.Value).DefaultIfEmpty(DateOnly.MinValue).Max() : null;
            return new Person(a.SiteId, Done(p => p.Completed), Done(p => p.Completed ?? p.Planned), perCourse);
        }).ToList();

        var regionOfSite = sites.ToDictionary(s => s.Id, s => s.RegionId);
        var codeOf = regions.ToDictionary(r => r.Id, r => r.Code);
        CompletionFigure Figure(string region, int? site, string? course, string name, IReadOnlyCollection<Person> group) =>
            new(region, site, course, name, group.Count, group.Count(p => p.CompletedOn is not null),
                group.Count(p => p.CompletedOn is null && p.CompletedOrPlannedOn is not null));

        var byRegion = people.ToLookup(p => regionOfSite[p.SiteId]);
        var bySite = people.ToLookup(p => p.SiteId);
        var regionFigures = regions.Select(r => Figure(r.Code, null, null, r.Name, byRegion[r.Id].ToList())).ToList();
        var siteFigures = sites.OrderBy(s => regions.FindIndex(r => r.Id == s.RegionId)).ThenBy(s => s.Name, StringComparer.Ordinal)
            .Select(s => Figure(codeOf[s.RegionId], s.Id, null, s.Name, bySite[s.Id].ToList())).ToList();
        var courseFigures = courses.Select((c, i) => new CompletionFigure("", null, c.Code, c.Title, people.Count,
            people.Count(p => p.PerCourse[i].Completed is not null), people.Count(p => p.PerCourse[i].Completed is null && p.PerCourse[i].Planned is not null))).ToList();
        var total = Figure("", null, null, "", people);
        return new CompletionView(today, total, regionFigures, siteFigures, courseFigures, WeeksOf(people, today));
    }

    /// <summary>The active in-house advisors without a completion of a required course as of today, filtered and paged in the database.</summary>
    public async Task<MissingPage> MissingAsync(Actor actor, MissingQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var readable = AccessRules.ReadableRegions(actor, Area.Training);
        if (readable is { Count: 0 })
        {
            return new MissingPage(0, []);
        }
        var today = LocalCalendar.Paris.Today(clock);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var completed = db.Enrolments.Where(Enrolment.CompletedAsOf(today));
        var planned = db.Enrolments.Where(Enrolment.PlannedFrom(today));
        var advisors = Advisors(db, readable);
        if (query.Region is { Length: > 0 } region)
        {
            var code = region.ToUpperInvariant();
            advisors = advisors.Where(a => a.Site!.Region!.Code == code);
        }
        if (query.Site is { } site)
        {
            advisors = advisors.Where(a => a.SiteId == site);
        }
        var courses = db.Courses.Where(c => c.RequiredForRegionalisation);
        if (query.Course is { Length: > 0 } course)
        {
            courses = courses.Where(c => c.Code == course);
        }
        var missing = from a in advisors
                      from c in courses
                      where !completed.Any(e => e.AdvisorId == a.Id && e.Session!.CourseId == c.Id)
                      select new { Advisor = a, Course = c };
        var total = await missing.CountAsync(cancellationToken);
        var size = Math.Clamp(query.PageSize, 1, MissingQuery.MaxPageSize);
        var rows = await missing
            .OrderBy(m => m.Advisor.Site!.Region!.Wave).ThenBy(m => m.Advisor.Site!.Name).ThenBy(m => m.Advisor.LastName)
            .ThenBy(m => m.Advisor.FirstName).ThenBy(m => m.Advisor.EmployeeNumber).ThenBy(m => m.Course.Code)
            .Skip(Math.Max(0, query.Page) * size).Take(size)
            .Select(m => new MissingRow(m.Advisor.Site!.Region!.Code, m.Advisor.Site.Name, m.Advisor.EmployeeNumber, m.Advisor.LastName, m.Advisor.FirstName,
                m.Course.Code,
                planned.Where(e => e.AdvisorId == m.Advisor.Id && e.Session!.CourseId == m.Course.Id).Select(e => (DateOnly?)e.Session!.Days.Min(d => d.Date)).Min()))
            .ToListAsync(cancellationToken);
        return new MissingPage(total, rows);
    }

    /// <summary>
    /// Writes the completion file (<see cref="TrainingCompletionFile"/>) of the regions the actor may read: one row per
    /// active in-house advisor and required course. Answers the number of rows.
    /// </summary>
    public async Task<int> ExportAsync(Actor actor, Stream output, CancellationToken cancellationToken = default)
    {
        var rows = await FileRowsAsync(actor, cancellationToken);
        await CsvTable.WriteAsync(output, TrainingCompletionFile.Table(rows), cancellationToken);
        return rows.Count;
    }

    /// <summary>The rows of the completion file, ordered by region, site, employee number and course.</summary>
    public async Task<IReadOnlyList<CompletionFileRow>> FileRowsAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        var readable = AccessRules.ReadableRegions(actor, Area.Training);
        if (readable is { Count: 0 })
        {
            return [];
        }
        var today = LocalCalendar.Paris.Today(clock);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var courses = await RequiredCoursesAsync(db, cancellationToken);
        var requiredIds = courses.Select(c => c.Id).ToList();
        var advisors = await Advisors(db, readable)
            .Select(a => new { a.Id, Region = a.Site!.Region!.Code, Site = a.Site.Name, a.EmployeeNumber, a.LastName, a.FirstName })
            .ToListAsync(cancellationToken);
        var enrolments = (await db.Enrolments.AsNoTracking()
            .Where(e => requiredIds.Contains(e.Session!.CourseId))
            .Join(Advisors(db, readable), e => e.AdvisorId, a => a.Id, (e, a) => new
            {
                Enrolment = new Enrolment { Id = e.Id, AdvisorId = e.AdvisorId, Status = e.Status, CompletedOn = e.CompletedOn },
                e.Session!.CourseId,
                LastDay = e.Session.Days.Max(d => d.Date),
            })
            .ToListAsync(cancellationToken))
            .ToLookup(e => (e.Enrolment.AdvisorId, e.CourseId));

        return (from a in advisors
                from c in courses
                let status = TrainingCompletionFile.StatusOf(enrolments[(a.Id, c.Id)].Select(e => (e.Enrolment, e.LastDay)), today)
                orderby a.Region, a.Site, a.EmployeeNumber, c.Code
                select new CompletionFileRow(a.Region, a.Site, a.EmployeeNumber, a.LastName, a.FirstName, c.Code, status.Status, status.CompletedOn))
            .OrderBy(r => r.Region, StringComparer.Ordinal).ThenBy(r => r.Site, StringComparer.Ordinal)
            .ThenBy(r => r.EmployeeNumber, StringComparer.Ordinal).ThenBy(r => r.Course, StringComparer.Ordinal)
            .ToList();
    }

    private static IQueryable<Advisor> Advisors(PortalDbContext db, IReadOnlySet<int>? readable) =>
        db.Advisors.AsNoTracking().Where(Advisor.ActiveInHouse).Where(a => readable == null || readable.Contains(a.Site!.RegionId));

    private static async Task<List<RequiredCourse>> RequiredCoursesAsync(PortalDbContext db, CancellationToken cancellationToken) =>
        await db.Courses.AsNoTracking().Where(c => c.RequiredForRegionalisation).OrderBy(c => c.Code)
            .Select(c => new RequiredCourse(c.Id, c.Code, c.Title)).ToListAsync(cancellationToken);

    private static List<CompletionWeek> WeeksOf(List<Person> people, DateOnly today)
    {
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var completed = people.Where(p => p.CompletedOn is not null).Select(p => p.CompletedOn!.Value).Order().ToArray();
        var withPlan = people.Where(p => p.CompletedOrPlannedOn is not null).Select(p => p.CompletedOrPlannedOn!.Value).Order().ToArray();
        var lastPlanned = withPlan.Length == 0 ? today : withPlan[^1];
        var ahead = Math.Clamp((lastPlanned.DayNumber - monday.DayNumber) / 7, 0, Weeks);
        return Enumerable.Range(-(Weeks - 1), Weeks + ahead).Select(offset =>
        {
            var start = monday.AddDays(7 * offset);
            var end = offset < 0 ? start.AddDays(6) : offset == 0 ? today : start.AddDays(6);
            var done = CountUpTo(completed, offset > 0 ? today : end);
            return new CompletionWeek(start, done, Math.Max(done, CountUpTo(withPlan, end)), offset > 0);
        }).ToList();
    }

    private static int CountUpTo(DateOnly[] sorted, DateOnly day)
    {
        var index = Array.BinarySearch(sorted, day.AddDays(1));
        // The first day after: everything before it counts (BinarySearch finds an equal day or the place it would go).
        if (index < 0)
        {
            return ~index;
        }
        while (index > 0 && sorted[index - 1] == day.AddDays(1))
        {
            index--;
        }
        return index;
    }

    private sealed record RequiredCourse(int Id, string Code, string Title);

    private sealed record Person(int SiteId, DateOnly? CompletedOn, DateOnly? CompletedOrPlannedOn, List<(DateOnly? Completed, DateOnly? Planned)> PerCourse);
}
