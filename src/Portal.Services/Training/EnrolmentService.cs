using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Advisors;
using Portal.Domain.Time;
using Portal.Domain.Training;
using Portal.Services.Audit;
using Portal.Services.Data;

namespace Portal.Services.Training;

/// <summary>
/// Filling a session: the advisors who may be searched for it, each with the reason they cannot be enrolled; the
/// region's advisors who still need the course; enrolling several at once, all or nothing. Reading follows the
/// training grant (HR reads every region); enrolling is planning (directors of the region, national administrators).
/// </summary>
public sealed class EnrolmentService(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>
    /// The advisors of the session's region whose name or employee number contains <paramref name="search"/> (every
    /// one when empty), each with the reason they cannot be enrolled or none. A national administrator's search reaches
    /// every region, as only they may enrol across regions. Null when the session does not exist or the actor may not read it.
    /// </summary>
    public async Task<IReadOnlyList<EnrolmentCandidate>?> CandidatesAsync(Actor actor, int sessionId, string? search,
        CancellationToken cancellationToken = default)
    {
        if (!AccessRules.CanReadSome(actor, Area.Training))
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await ReadableSessionAsync(db, actor, sessionId, cancellationToken) is not { } session)
        {
            return null;
        }
        var acrossRegions = AccessRules.CanEnrolAcrossRegions(actor);
        var term = search?.Trim();
        IQueryable<Advisor> advisors = db.Advisors;
        if (string.IsNullOrEmpty(term) || !acrossRegions)
        {
            advisors = advisors.Where(a => a.Site!.RegionId == session.RegionId);
        }
        if (!string.IsNullOrEmpty(term))
        {
            var pattern = $"%{term}%";
            advisors = advisors.Where(a => EF.Functions.Like(a.EmployeeNumber, pattern) || EF.Functions.Like(a.LastName, pattern)
                || EF.Functions.Like(a.FirstName, pattern) || EF.Functions.Like(a.FirstName + " " + a.LastName, pattern));
        }
        return await CandidatesOfAsync(db, advisors, session, acrossRegions, cancellationToken);
    }

    /// <summary>
    /// The session's region's active in-house advisors without a completion of the session's course, optionally at
    /// one site, each with the reason they cannot be enrolled in this session or none. Null as <see cref="CandidatesAsync"/>.
    /// </summary>
    public async Task<IReadOnlyList<EnrolmentCandidate>?> StillNeedingAsync(Actor actor, int sessionId, int? siteId,
        CancellationToken cancellationToken = default)
    {
        if (!AccessRules.CanReadSome(actor, Area.Training))
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await ReadableSessionAsync(db, actor, sessionId, cancellationToken) is not { } session)
        {
            return null;
        }
        var courseId = session.CourseId;
        var completed = db.Enrolments.Where(Enrolment.CompletedAsOf(LocalCalendar.Paris.Today(clock)))
            .Where(e => e.Session!.CourseId == courseId).Select(e => e.AdvisorId);
        var advisors = db.Advisors.Where(Advisor.ActiveInHouse)
            .Where(a => a.Site!.RegionId == session.RegionId && !completed.Contains(a.Id));
        if (siteId is { } site)
        {
            advisors = advisors.Where(a => a.SiteId == site);
        }
        return await CandidatesOfAsync(db, advisors, session, AccessRules.CanEnrolAcrossRegions(actor), cancellationToken);
    }

    /// <summary>
    /// Enrols the advisors in the session, all or nothing: when any is refused, nobody is enrolled and the refusals
    /// are listed per advisor. Core half-hours the enrolment pushes below the floor need the confirmation; audited.
    /// </summary>
    public async Task<TrainingSaveResult> EnrolAsync(Actor actor, EnrolmentRequest request, CancellationToken cancellationToken = default)
    {
        if (!AccessRules.CanPlanSomeTraining(actor))
        {
            return TrainingSaveResult.NotFound;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var session = await EnrolmentFacts.SessionAsync(db, request.SessionId, cancellationToken);
        if (session is null || !AccessRules.CanPlanTraining(actor, session.RegionId))
        {
            return TrainingSaveResult.NotFound;
        }
        var ids = request.AdvisorIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return TrainingSaveResult.Invalid(nameof(EnrolmentRequest.AdvisorIds), "Enrolment_NobodyChosen");
        }
        var query = db.Advisors.Where(a => ids.Contains(a.Id));
        var lines = await EnrolmentFacts.AdvisorsAsync(query, cancellationToken);
        if (lines.Count != ids.Count)
        {
            return TrainingSaveResult.Invalid(nameof(EnrolmentRequest.AdvisorIds), "Enrolment_UnknownAdvisor");
        }
        var ordered = lines.OrderBy(l => ids.IndexOf(l.Id)).ToList();
        var settings = await EnrolmentFacts.SettingsAsync(db, cancellationToken);
        var trainingDays = await EnrolmentFacts.TrainingDaysAsync(db, query, session.Id, session.Days, cancellationToken);
        var refusals = EnrolmentFacts.CheckGroup(ordered, session, trainingDays, AccessRules.CanEnrolAcrossRegions(actor), settings.MaxTrainingDaysPerWeek);
        if (refusals.Count > 0)
        {
            return new TrainingSaveResult(TrainingOutcome.Refused, new Dictionary<string, string>(), session.Id, [], refusals);
        }

        var added = ids.SelectMany(a => session.Days.Select(d => (a, d))).ToList();
        var drops = await TrainingSessionCoverage.DropsAsync(db, session.RegionId, added, [], settings.TrainingPlanningFloor, cancellationToken);
        if (drops.Count > 0 && !request.ConfirmCoverage)
        {
            return new TrainingSaveResult(TrainingOutcome.ConfirmationNeeded, new Dictionary<string, string>(), session.Id, drops, []);
        }

        var target = await db.TrainingSessions.Include(s => s.Enrolments).SingleAsync(s => s.Id == session.Id, cancellationToken);
        // Seats are counted from what was read: a second planner filling the same session meanwhile is a conflict, not an overbooking.
        target.Version = session.Version;
        db.Entry(target).Property(s => s.Version).IsModified = true;
        foreach (var advisorId in ids)
        {
            var cancelled = target.Enrolments.SingleOrDefault(e => e.AdvisorId == advisorId && e.Status == EnrolmentStatus.Cancelled);
            if (cancelled is not null)
            {
                cancelled.Status = EnrolmentStatus.Planned;
            }
            else
            {
                target.Enrolments.Add(new Enrolment { AdvisorId = advisorId, Status = EnrolmentStatus.Planned });
            }
        }
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var key = session.Id.ToString(CultureInfo.InvariantCulture);
            AuditLog.Record(db, actor, clock, AuditEntities.TrainingSession, key, session.RegionId, TrainingAudit.Enrol, null,
                new { Advisors = ordered.Select(l => l.EmployeeNumber).ToList() });
            if (drops.Count > 0)
            {
                AuditLog.Record(db, actor, clock, AuditEntities.TrainingSession, key, session.RegionId, TrainingAudit.ConfirmCoverage, null,
                    new { HalfHours = drops.Select(TrainingAudit.Describe).ToList() });
            }
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new TrainingSaveResult(TrainingOutcome.Saved, new Dictionary<string, string>(), session.Id, drops, []);
        }
        catch (DbUpdateConcurrencyException)
        {
            return TrainingSaveResult.Conflict;
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            // Another planner enrolled one of these advisors after the session was read: the insert meets the unique
            // (session, advisor) index before the session's version is compared.
            return TrainingSaveResult.Conflict;
        }
    }

    /// <summary>
    /// Withdraws a planned advisor from a session, giving the seat and the days back; audited. Only a planned enrolment
    /// is withdrawn: what happened at a session is recorded, not withdrawn.
    /// </summary>
    public async Task<SaveResult> WithdrawAsync(Actor actor, int enrolmentId, int version, CancellationToken cancellationToken = default)
    {
        if (!AccessRules.CanPlanSomeTraining(actor))
        {
            return SaveResult.NotFound;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var enrolment = await db.Enrolments.Include(e => e.Session).SingleOrDefaultAsync(e => e.Id == enrolmentId, cancellationToken);
        if (enrolment is null || !AccessRules.CanPlanTraining(actor, enrolment.Session!.RegionId))
        {
            return SaveResult.NotFound;
        }
        if (enrolment.Status != EnrolmentStatus.Planned)
        {
            return SaveResult.Invalid(nameof(enrolmentId), "Enrolment_NotPlanned");
        }
        enrolment.Version = version;
        enrolment.Status = EnrolmentStatus.Cancelled;
        AuditLog.Record(db, actor, clock, AuditEntities.Enrolment, enrolment.Id.ToString(CultureInfo.InvariantCulture), enrolment.Session.RegionId,
            TrainingAudit.Withdraw, new { Status = EnrolmentStatus.Planned, enrolment.SessionId, enrolment.AdvisorId },
            new { Status = EnrolmentStatus.Cancelled });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return SaveResult.Saved;
        }
        catch (DbUpdateConcurrencyException)
        {
            return SaveResult.Conflict;
        }
    }

    private static async Task<IReadOnlyList<EnrolmentCandidate>> CandidatesOfAsync(PortalDbContext db, IQueryable<Advisor> advisors, SessionInfo session,
        bool acrossRegions, CancellationToken cancellationToken)
    {
        var lines = await EnrolmentFacts.AdvisorsAsync(advisors, cancellationToken);
        var settings = await EnrolmentFacts.SettingsAsync(db, cancellationToken);
        var trainingDays = await EnrolmentFacts.TrainingDaysAsync(db, advisors, session.Id, session.Days, cancellationToken);
        var facts = session.Facts();
        return lines
            .Select(l => new EnrolmentCandidate(l.Id, l.EmployeeNumber, l.LastName, l.FirstName, l.SiteId, l.Site,
                TrainingRules.CheckEnrolment(EnrolmentFacts.Facts(l, session, trainingDays), facts, acrossRegions, settings.MaxTrainingDaysPerWeek)))
            .OrderBy(c => c.LastName, StringComparer.CurrentCulture).ThenBy(c => c.FirstName, StringComparer.CurrentCulture)
            .ThenBy(c => c.EmployeeNumber, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The session, when it exists and the actor may read its region's training data.</summary>
    private static async Task<SessionInfo?> ReadableSessionAsync(PortalDbContext db, Actor actor, int sessionId, CancellationToken cancellationToken)
    {
        var session = await EnrolmentFacts.SessionAsync(db, sessionId, cancellationToken);
        return session is not null && AccessRules.CanRead(actor, Area.Training, session.RegionId) ? session : null;
    }
}
