using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Training;
using Portal.Services.Data;

namespace Portal.Services.Training;

/// <summary>One day of a session an advisor is enrolled on, with the enrolment's status.</summary>
public sealed record TrainingDay(DateOnly Date, int SessionId, string CourseCode, string CourseTitle, string Site, EnrolmentStatus Status);

/// <summary>An advisor's own training days, for the self-service pages: an advisor only ever reads their own, other roles nothing.</summary>
public sealed class MyTrainingService(IDbContextFactory<PortalDbContext> dbFactory)
{
    /// <summary>The actor's session days from <paramref name="from"/> to <paramref name="to"/> included, in date order.</summary>
    public async Task<IReadOnlyList<TrainingDay>> TrainingDaysAsync(Actor actor, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        if (!AccessRules.CanUse(actor, Area.Me) || to < from)
        {
            return [];
        }
        var advisorId = actor.AdvisorId!.Value;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var days = await db.Enrolments.AsNoTracking()
            .Where(e => e.AdvisorId == advisorId)
            .SelectMany(e => e.Session!.Days.Where(d => d.Date >= from && d.Date <= to),
                (e, d) => new { d.Date, e.SessionId, e.Session!.Course!.Code, e.Session.Course.Title, Site = e.Session.Site!.Name, e.Status })
            .ToListAsync(cancellationToken);
        return days.OrderBy(d => d.Date).ThenBy(d => d.SessionId)
            .Select(d => new TrainingDay(d.Date, d.SessionId, d.Code, d.Title, d.Site, d.Status)).ToList();
    }
}
