using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Assignments;
using Portal.Domain.Skills;
using Portal.Domain.Time;
using Portal.Domain.Training;
using Portal.Services.Audit;
using Portal.Services.Data;

namespace Portal.Services.Assignments;

/// <summary>One of the advisor's own published shifts; <see cref="Changed"/> when it changed since the advisor last looked.</summary>
public sealed record MyShift(int Id, DateOnly Date, TimeOnly Start, TimeOnly End, string Channel, string Site, TimeOnly? BreakStart, int BreakMinutes, bool Changed);

/// <summary>One of the advisor's own training days, with the course and where it takes place.</summary>
public sealed record MyTrainingDay(DateOnly Date, string CourseCode, string CourseTitle, string Place);

public sealed record MySkill(string Code, string Name, ProficiencyLevel Level);

public sealed record MyCompletedTraining(string CourseCode, string CourseTitle, DateOnly CompletedOn);

/// <summary>
/// The advisor's own page: coming published shifts and training days, skills, completed trainings, and whether the
/// schedule changed since the last look (<see cref="ChangedShifts"/>; a removed shift shows as <see cref="Removals"/>).
/// </summary>
public sealed record MySchedule(string Name, string Site, DateOnly From, DateOnly To, IReadOnlyList<MyShift> Shifts, IReadOnlyList<MyTrainingDay> TrainingDays,
    IReadOnlyList<MySkill> Skills, IReadOnlyList<MyCompletedTraining> Completed, int Removals)
{
    public int ChangedShifts => Shifts.Count(s => s.Changed);
}

/// <summary>
/// What an advisor sees of the own schedule, and nothing of anyone else's: only published weeks' shifts, the own
/// training days (planned, completed or failed enrolments) and skills; the calendar file of the same; the personal
/// subscription address, whose secret token is stored only as a hash, renewable (the old one then finds nothing).
/// Every other role gets nothing.
/// </summary>
public sealed class MyAssignmentsService(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>How far ahead the page and the calendar look (the demo plans five weeks ahead).</summary>
    public const int WeeksAhead = 6;

    /// <summary>The actor's schedule from today, or null for anyone but an advisor linked to an advisor record.</summary>
    public async Task<MySchedule?> GetAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        if (!AccessRules.CanUse(actor, Area.Me))
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var from = LocalCalendar.Paris.Today(clock);
        return await ReadAsync(db, actor.AdvisorId!.Value, from, from.AddDays(7 * WeeksAhead), cancellationToken);
    }

    /// <summary>Records that the advisor looked at the schedule now: the changes shown so far are no longer flagged.</summary>
    public async Task MarkSeenAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        if (!AccessRules.CanUse(actor, Area.Me))
        {
            return;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var calendar = await CalendarRowAsync(db, actor.AdvisorId!.Value, cancellationToken);
        calendar.SeenAtUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The actor's calendar file (from last week on), or null for anyone but an advisor.</summary>
    public async Task<string?> CalendarAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        if (!AccessRules.CanUse(actor, Area.Me))
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await CalendarFileAsync(db, actor.AdvisorId!.Value, cancellationToken);
    }

    /// <summary>The calendar of the advisor whose current subscription token this is, or null (unknown, renewed or malformed).</summary>
    public async Task<string?> CalendarByTokenAsync(string token, CancellationToken cancellationToken = default)
    {
        if (token.Length != TokenLength)
        {
            return null;
        }
        var hash = Hash(token);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var advisorId = await db.AdvisorCalendars.AsNoTracking().Where(c => c.TokenHash == hash).Select(c => (int?)c.AdvisorId).SingleOrDefaultAsync(cancellationToken);
        return advisorId is { } id ? await CalendarFileAsync(db, id, cancellationToken) : null;
    }

    /// <summary>
    /// Whether the actor has a subscription address (the token itself cannot be shown again: only its hash is kept);
    /// null for anyone but an advisor.
    /// </summary>
    public async Task<bool?> HasSubscriptionAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        if (!AccessRules.CanUse(actor, Area.Me))
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.AdvisorCalendars.AnyAsync(c => c.AdvisorId == actor.AdvisorId && c.TokenHash != null, cancellationToken);
    }

    /// <summary>
    /// A new secret token for the actor's subscription address, replacing the previous one (which then answers nothing),
    /// audited; answered once, never stored. Null for anyone but an advisor.
    /// </summary>
    public async Task<string?> RenewSubscriptionAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        if (!AccessRules.CanUse(actor, Area.Me))
        {
            return null;
        }
        var token = Base64Url(RandomNumberGenerator.GetBytes(TokenBytes));
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var calendar = await CalendarRowAsync(db, actor.AdvisorId!.Value, cancellationToken);
        var renewed = calendar.TokenHash is not null;
        calendar.TokenHash = Hash(token);
        AuditLog.Record(db, actor, clock, AuditEntities.AdvisorCalendar, calendar.AdvisorId.ToString(System.Globalization.CultureInfo.InvariantCulture), null,
            renewed ? "RenewSubscription" : "CreateSubscription", null, null);
        await db.SaveChangesAsync(cancellationToken);
        return token;
    }

    private const int TokenBytes = 32;
    private const int TokenLength = 43;

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static async Task<AdvisorCalendar> CalendarRowAsync(PortalDbContext db, int advisorId, CancellationToken cancellationToken)
    {
        var calendar = await db.AdvisorCalendars.SingleOrDefaultAsync(c => c.AdvisorId == advisorId, cancellationToken);
        if (calendar is null)
        {
            calendar = new AdvisorCalendar { AdvisorId = advisorId };
            db.AdvisorCalendars.Add(calendar);
        }
        return calendar;
    }

    private async Task<string> CalendarFileAsync(PortalDbContext db, int advisorId, CancellationToken cancellationToken)
    {
        var today = LocalCalendar.Paris.Today(clock);
        var schedule = await ReadAsync(db, advisorId, LocalCalendar.MondayOf(today).AddDays(-7), today.AddDays(7 * WeeksAhead), cancellationToken);
        return MyCalendarFile.Write(schedule, advisorId, clock.GetUtcNow().UtcDateTime);
    }

    private static async Task<MySchedule> ReadAsync(PortalDbContext db, int advisorId, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var advisor = await db.Advisors.AsNoTracking().Where(a => a.Id == advisorId)
            .Select(a => new { a.FirstName, a.LastName, Site = a.Site!.Name, a.Site.RegionId }).SingleAsync(cancellationToken);
        var seen = await db.AdvisorCalendars.AsNoTracking().Where(c => c.AdvisorId == advisorId).Select(c => c.SeenAtUtc).SingleOrDefaultAsync(cancellationToken);
        var published = db.PublishedWeeks.Where(w => w.RegionId == advisor.RegionId);
        var shifts = await db.Shifts.AsNoTracking()
            .Where(s => s.AdvisorId == advisorId && s.Date >= from && s.Date <= to)
            .Where(s => published.Any(w => w.Monday <= s.Date && s.Date < w.Monday.AddDays(7)))
            .OrderBy(s => s.Date).ThenBy(s => s.Start)
            .Select(s => new { s.Id, s.Date, s.Start, s.End, Channel = s.Channel!.Code, s.BreakStart, s.BreakMinutes, s.ChangedAtUtc })
            .ToListAsync(cancellationToken);
        var training = await db.Enrolments.AsNoTracking().Where(Enrolment.InTraining).Where(e => e.AdvisorId == advisorId)
            .SelectMany(e => e.Session!.Days.Where(d => d.Date >= from && d.Date <= to),
                (e, d) => new { d.Date, e.Session!.Course!.Code, e.Session.Course.Title, Place = e.Session.Site!.Name + ", " + e.Session.Site.City })
            .ToListAsync(cancellationToken);
        var skills = await db.AdvisorSkills.AsNoTracking().Where(s => s.AdvisorId == advisorId)
            .OrderByDescending(s => s.Level).ThenBy(s => s.Skill!.Name)
            .Select(s => new MySkill(s.Skill!.Code, s.Skill.Name, s.Level)).ToListAsync(cancellationToken);
        var completed = await db.Enrolments.AsNoTracking().Where(e => e.AdvisorId == advisorId && e.Status == EnrolmentStatus.Completed && e.CompletedOn != null)
            .OrderByDescending(e => e.CompletedOn)
            .Select(e => new MyCompletedTraining(e.Session!.Course!.Code, e.Session.Course.Title, e.CompletedOn!.Value)).ToListAsync(cancellationToken);
        var removals = seen is { } since
            ? await db.AuditEntries.AsNoTracking().CountAsync(a => a.Entity == AuditEntities.Shift && a.Action == "Delete" && a.AtUtc > since
                && a.Before != null && a.Before.Contains("\"AdvisorId\":" + advisorId + ","), cancellationToken)
            : 0;
        // A training day replaces that day's shift (docs/adr/0016): the advisor is in training, not on the channel.
        var trainingDays = training.Select(t => t.Date).ToHashSet();
        return new MySchedule($"{advisor.FirstName} {advisor.LastName}", advisor.Site, from, to,
            shifts.Where(s => !trainingDays.Contains(s.Date)).Select(s => new MyShift(s.Id, s.Date, s.Start, s.End, s.Channel, advisor.Site, s.BreakStart, s.BreakMinutes,
                s.ChangedAtUtc is { } changed && (seen is null || changed > seen))).ToList(),
            training.OrderBy(t => t.Date).Select(t => new MyTrainingDay(t.Date, t.Code, t.Title, t.Place)).ToList(),
            skills, completed, removals);
    }
}
