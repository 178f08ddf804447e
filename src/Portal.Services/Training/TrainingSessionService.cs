using System.Globalization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Sites;
using Portal.Domain.Time;
using Portal.Domain.Training;
using Portal.Services.Audit;
using Portal.Services.Data;
using Portal.Services.Regions;

namespace Portal.Services.Training;

/// <summary>
/// A region's training sessions: the list and the month calendar (directors their own region, HR and national
/// administrators every region), one session with its enrolments and attendance, and planning or changing a session
/// (directors of the region and national administrators, not HR). Planning runs the coverage engine on the session's
/// days with its advisors in training; core half-hours pushed below the floor need an explicit confirmation, audited.
/// </summary>
public sealed class TrainingSessionService(
    IDbContextFactory<PortalDbContext> dbFactory,
    RegionDirectory regions,
    IValidator<TrainingSessionForm> validator,
    TimeProvider clock)
{
    /// <summary>The sessions of a region, in date order, or null when the region does not exist or the actor may not read its training.</summary>
    public async Task<SessionList?> ListAsync(Actor actor, string regionCode, SessionFilter filter, CancellationToken cancellationToken = default)
    {
        var region = await regions.FindAsync(actor, regionCode, Area.Training, cancellationToken);
        if (region is null)
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await RowsAsync(db, db.TrainingSessions.Where(s => s.RegionId == region.Id), filter, cancellationToken);
        return new SessionList(region, rows);
    }

    /// <summary>The session days of a region in one month, for the calendar; null as <see cref="ListAsync"/>.</summary>
    public async Task<SessionCalendar?> CalendarAsync(Actor actor, string regionCode, int year, int month, SessionFilter filter,
        CancellationToken cancellationToken = default)
    {
        var region = await regions.FindAsync(actor, regionCode, Area.Training, cancellationToken);
        if (region is null || month is < 1 or > 12 || year is < 2000 or > 2100)
        {
            return null;
        }
        var first = new DateOnly(year, month, 1);
        var last = first.AddMonths(1).AddDays(-1);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var sessions = db.TrainingSessions.Where(s => s.RegionId == region.Id && s.Days.Any(d => d.Date >= first && d.Date <= last));
        var rows = await RowsAsync(db, sessions, filter, cancellationToken);
        var entries = rows
            .SelectMany(r => r.Days.Where(d => d >= first && d <= last)
                .Select(d => new CalendarEntry(d, r.Id, r.CourseCode, r.Site, r.Enrolled, r.Capacity, r.Status)))
            .OrderBy(e => e.Date).ThenBy(e => e.CourseCode, StringComparer.Ordinal).ThenBy(e => e.SessionId)
            .ToList();
        return new SessionCalendar(region, year, month, entries);
    }

    /// <summary>The courses and the region's in-house sites a session may be planned with; null when the actor may not plan in the region.</summary>
    public async Task<SessionChoices?> ChoicesAsync(Actor actor, string regionCode, CancellationToken cancellationToken = default)
    {
        if (!AccessRules.CanPlanSomeTraining(actor))
        {
            return null;
        }
        var region = await regions.FindAsync(actor, regionCode, Area.Training, cancellationToken);
        if (region is null || !AccessRules.CanPlanTraining(actor, region.Id))
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var courses = await db.Courses.AsNoTracking().OrderBy(c => c.Code)
            .Select(c => new CourseChoice(c.Id, c.Code, c.Title, c.Days, c.SessionCapacity)).ToListAsync(cancellationToken);
        var sites = await db.Sites.AsNoTracking().Where(s => s.RegionId == region.Id).Where(Site.InHouse)
            .OrderBy(s => s.Name).Select(s => new Choice(s.Id, s.Name)).ToListAsync(cancellationToken);
        return new SessionChoices(courses, sites);
    }

    /// <summary>One session with its days and enrolments, or null when it does not exist or the actor may not read its region's training.</summary>
    public async Task<SessionDetail?> GetAsync(Actor actor, int sessionId, CancellationToken cancellationToken = default)
    {
        if (!AccessRules.CanReadSome(actor, Area.Training))
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var regionId = await db.TrainingSessions.Where(s => s.Id == sessionId).Select(s => (int?)s.RegionId).SingleOrDefaultAsync(cancellationToken);
        if (regionId is not { } id || !AccessRules.CanRead(actor, Area.Training, id))
        {
            return null;
        }
        var row = (await RowsAsync(db, db.TrainingSessions.Where(s => s.Id == sessionId), new SessionFilter(), cancellationToken)).Single();
        var region = await db.Regions.AsNoTracking().Where(r => r.Id == id)
            .Select(r => new RegionSummary(r.Id, r.Code, r.Name, r.Wave, r.Status, r.PlannedSwitchDate, r.ActualSwitchDate))
            .SingleAsync(cancellationToken);
        var days = await db.SessionDays.AsNoTracking().Where(d => d.SessionId == sessionId).OrderBy(d => d.Date)
            .Select(d => new SessionDayRow(d.Id, d.Date)).ToListAsync(cancellationToken);
        var dateOf = days.ToDictionary(d => d.Id, d => d.Date);
        var enrolments = await db.Enrolments.AsNoTracking().Where(e => e.SessionId == sessionId)
            .Join(db.Advisors, e => e.AdvisorId, a => a.Id, (e, a) => new
            {
                e.Id,
                e.Version,
                e.AdvisorId,
                a.EmployeeNumber,
                a.LastName,
                a.FirstName,
                Site = a.Site!.Name,
                e.Status,
                e.CompletedOn,
                Present = e.Attendance.Where(x => x.Present).Select(x => x.SessionDayId).ToList(),
            })
            .OrderBy(e => e.LastName).ThenBy(e => e.FirstName).ThenBy(e => e.EmployeeNumber)
            .ToListAsync(cancellationToken);
        var lines = enrolments.Select(e => new EnrolmentRow(e.Id, e.Version, e.AdvisorId, e.EmployeeNumber, e.LastName, e.FirstName, e.Site,
                e.Status, e.CompletedOn, e.Present.Where(dateOf.ContainsKey).Select(p => dateOf[p]).ToHashSet()))
            .ToList();
        return new SessionDetail(row, region, days, lines, AccessRules.CanPlanTraining(actor, id), AccessRules.CanRecordAttendance(actor, id),
            AccessRules.CanCancelCompletion(actor));
    }

    /// <summary>
    /// Plans a new session (<see cref="TrainingSessionForm.Id"/> null) or changes one: an in-house site of the
    /// region, exactly the course's number of working days, a capacity up to the course's, with the advisors given
    /// enrolled all or nothing. Audited; a change the coverage check flags is saved only with the confirmation.
    /// </summary>
    public async Task<TrainingSaveResult> SaveAsync(Actor actor, TrainingSessionForm form, CancellationToken cancellationToken = default)
    {
        if (!AccessRules.CanPlanSomeTraining(actor))
        {
            return TrainingSaveResult.NotFound;
        }
        var validation = await validator.ValidateAsync(form, cancellationToken);
        if (!validation.IsValid)
        {
            return TrainingSaveResult.Invalid(validation.Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.First().ErrorMessage));
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var site = await db.Sites.AsNoTracking().SingleOrDefaultAsync(s => s.Id == form.SiteId, cancellationToken);
        if (site is null || !AccessRules.CanPlanTraining(actor, site.RegionId))
        {
            return TrainingSaveResult.NotFound;
        }

        TrainingSession? existing = null;
        if (form.Id is { } id)
        {
            existing = await db.TrainingSessions.Include(s => s.Days).Include(s => s.Enrolments)
                .SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
            if (existing is null || !AccessRules.CanPlanTraining(actor, existing.RegionId))
            {
                return TrainingSaveResult.NotFound;
            }
            if (existing.RegionId != site.RegionId)
            {
                return TrainingSaveResult.Invalid(nameof(TrainingSessionForm.SiteId), "TrainingSession_SiteOtherRegion");
            }
        }
        if (!site.IsInHouse)
        {
            return TrainingSaveResult.Invalid(nameof(TrainingSessionForm.SiteId), "TrainingSession_SiteNotInHouse");
        }
        var course = await db.Courses.AsNoTracking().SingleOrDefaultAsync(c => c.Id == form.CourseId, cancellationToken);
        if (course is null)
        {
            return TrainingSaveResult.Invalid(nameof(TrainingSessionForm.CourseId), "TrainingSession_CourseRequired");
        }
        if (TrainingRules.CheckDays(form.Days, course.Days) is { } daysRefused)
        {
            return TrainingSaveResult.Invalid(nameof(TrainingSessionForm.Days), DaysKey(daysRefused));
        }
        if (form.Capacity > course.SessionCapacity)
        {
            return TrainingSaveResult.Invalid(nameof(TrainingSessionForm.Capacity), "TrainingSession_CapacityAboveCourse");
        }
        if (existing is not null && existing.CourseId != course.Id && existing.Enrolments.Any(e => e.Status != EnrolmentStatus.Planned && e.Status != EnrolmentStatus.Cancelled))
        {
            return TrainingSaveResult.Invalid(nameof(TrainingSessionForm.CourseId), "TrainingSession_CourseHasResults");
        }
        var days = form.Days.Order().ToList();
        var staying = existing?.Enrolments.Where(e => e.Status != EnrolmentStatus.Cancelled).Select(e => e.AdvisorId).ToHashSet() ?? [];
        if (staying.Count > form.Capacity)
        {
            return TrainingSaveResult.Invalid(nameof(TrainingSessionForm.Capacity), "TrainingSession_CapacityBelowEnrolled");
        }

        // Every advisor of the session, those staying and those added, must fit the new days: the same rules as enrolling.
        var settings = await EnrolmentFacts.SettingsAsync(db, cancellationToken);
        var added = form.AdvisorIds.Distinct().Where(a => !staying.Contains(a)).ToList();
        var session = new SessionInfo(existing?.Id ?? 0, existing?.Version ?? 0, site.RegionId, course.Id, form.Capacity, days,
            new HashSet<int>(), existing?.Enrolments.Where(e => e.Status == EnrolmentStatus.Cancelled).Select(e => e.AdvisorId).ToHashSet() ?? []);
        var everyone = staying.Concat(added).ToList();
        var advisorQuery = db.Advisors.Where(a => everyone.Contains(a.Id));
        var lines = await EnrolmentFacts.AdvisorsAsync(advisorQuery, cancellationToken);
        if (lines.Count != everyone.Count)
        {
            return TrainingSaveResult.Invalid(nameof(TrainingSessionForm.AdvisorIds), "Enrolment_UnknownAdvisor");
        }
        var trainingDays = await EnrolmentFacts.TrainingDaysAsync(db, advisorQuery, existing?.Id, days, cancellationToken);
        var ordered = lines.OrderBy(l => staying.Contains(l.Id) ? 0 : 1).ThenBy(l => everyone.IndexOf(l.Id)).ToList();
        var stayingLines = ordered.Where(l => staying.Contains(l.Id)).ToList();
        // Those already enrolled keep their seat whatever their standing elsewhere changed; only the days are checked again.
        var refusals = EnrolmentFacts.CheckGroup(stayingLines, session, trainingDays, acrossRegions: true, settings.MaxTrainingDaysPerWeek)
            .Where(r => r.Reason is EnrolmentRefusal.SameDay or EnrolmentRefusal.WeekLimit or EnrolmentRefusal.Full).ToList();
        var withStaying = session with { Enrolled = staying };
        refusals.AddRange(EnrolmentFacts.CheckGroup(ordered.Where(l => !staying.Contains(l.Id)).ToList(), withStaying, trainingDays,
            AccessRules.CanEnrolAcrossRegions(actor), settings.MaxTrainingDaysPerWeek));
        if (refusals.Count > 0)
        {
            return new TrainingSaveResult(TrainingOutcome.Refused, new Dictionary<string, string>(), existing?.Id, [], refusals);
        }

        var oldDays = existing?.Days.Select(d => d.Date).ToList() ?? [];
        var before = staying.SelectMany(a => oldDays.Select(d => (a, d))).ToList();
        var after = everyone.SelectMany(a => days.Select(d => (a, d))).ToList();
        var drops = await TrainingSessionCoverage.DropsAsync(db, site.RegionId, after.Except(before).ToList(), before.Except(after).ToList(),
            settings.TrainingPlanningFloor, cancellationToken);
        if (drops.Count > 0 && !form.ConfirmCoverage)
        {
            return new TrainingSaveResult(TrainingOutcome.ConfirmationNeeded, new Dictionary<string, string>(), existing?.Id, drops, []);
        }

        object? snapshotBefore = existing is null ? null : Snapshot(existing);
        var target = existing ?? new TrainingSession { Trainer = form.Trainer };
        if (existing is null)
        {
            db.TrainingSessions.Add(target);
        }
        else
        {
            // The session's version guards its days and enrolments too: the form's version is the one expected.
            target.Version = form.Version;
            db.Entry(target).Property(s => s.Version).IsModified = true;
        }
        target.CourseId = course.Id;
        target.RegionId = site.RegionId;
        target.SiteId = site.Id;
        target.Trainer = form.Trainer.Trim();
        target.Capacity = form.Capacity;
        var keep = days.ToHashSet();
        var removedDays = target.Days.Where(d => !keep.Contains(d.Date)).ToList();
        if (removedDays.Count > 0)
        {
            var removedIds = removedDays.Select(d => d.Id).ToList();
            db.Attendances.RemoveRange(db.Attendances.Where(a => removedIds.Contains(a.SessionDayId)));
        }
        foreach (var day in removedDays)
        {
            target.Days.Remove(day);
        }
        foreach (var day in days.Where(d => target.Days.All(x => x.Date != d)))
        {
            target.Days.Add(new SessionDay { Date = day });
        }
        var cancelled = target.Enrolments.Where(e => e.Status == EnrolmentStatus.Cancelled).ToDictionary(e => e.AdvisorId);
        foreach (var advisorId in added)
        {
            if (cancelled.TryGetValue(advisorId, out var again))
            {
                again.Status = EnrolmentStatus.Planned;
            }
            else
            {
                target.Enrolments.Add(new Enrolment { AdvisorId = advisorId, Status = EnrolmentStatus.Planned });
            }
        }

        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            var key = target.Id.ToString(CultureInfo.InvariantCulture);
            AuditLog.Record(db, actor, clock, AuditEntities.TrainingSession, key, target.RegionId, existing is null ? TrainingAudit.Plan : TrainingAudit.Change,
                snapshotBefore, Snapshot(target));
            if (added.Count > 0)
            {
                AuditLog.Record(db, actor, clock, AuditEntities.TrainingSession, key, target.RegionId, TrainingAudit.Enrol, null,
                    new { Advisors = added });
            }
            if (drops.Count > 0)
            {
                AuditLog.Record(db, actor, clock, AuditEntities.TrainingSession, key, target.RegionId, TrainingAudit.ConfirmCoverage, null,
                    new { HalfHours = drops.Select(TrainingAudit.Describe).ToList() });
            }
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new TrainingSaveResult(TrainingOutcome.Saved, new Dictionary<string, string>(), target.Id, drops, []);
        }
        catch (DbUpdateConcurrencyException)
        {
            return TrainingSaveResult.Conflict;
        }
    }

    /// <summary>The message key of a refusal of the days, for the service and the form that checks them before sending.</summary>
    public static string DaysKey(SessionDaysRefusal refusal) => refusal switch
    {
        SessionDaysRefusal.DuplicateDay => "TrainingSession_DuplicateDay",
        SessionDaysRefusal.Sunday => "TrainingSession_Sunday",
        SessionDaysRefusal.PublicHoliday => "TrainingSession_PublicHoliday",
        _ => "TrainingSession_WrongNumberOfDays",
    };

    private static object Snapshot(TrainingSession s) => new
    {
        s.CourseId,
        s.RegionId,
        s.SiteId,
        s.Trainer,
        s.Capacity,
        Days = s.Days.Select(d => d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Order(StringComparer.Ordinal).ToList(),
    };

    private async Task<List<SessionRow>> RowsAsync(PortalDbContext db, IQueryable<TrainingSession> sessions, SessionFilter filter,
        CancellationToken cancellationToken)
    {
        var today = LocalCalendar.Paris.Today(clock);
        if (filter.CourseId is { } courseId)
        {
            sessions = sessions.Where(s => s.CourseId == courseId);
        }
        if (filter.SiteId is { } siteId)
        {
            sessions = sessions.Where(s => s.SiteId == siteId);
        }
        sessions = filter.Status switch
        {
            SessionStatus.Planned => sessions.Where(s => s.Days.All(d => d.Date > today)),
            SessionStatus.Ongoing => sessions.Where(s => s.Days.Any(d => d.Date <= today) && s.Days.Any(d => d.Date >= today)),
            SessionStatus.Done => sessions.Where(s => s.Days.All(d => d.Date < today)),
            _ => sessions,
        };
        var rows = await sessions.AsNoTracking()
            .Select(s => new
            {
                s.Id,
                s.Version,
                s.CourseId,
                s.Course!.Code,
                s.Course.Title,
                s.SiteId,
                Site = s.Site!.Name,
                s.Trainer,
                Days = s.Days.Select(d => d.Date).ToList(),
                s.Capacity,
                Enrolled = s.Enrolments.Count(e => e.Status != EnrolmentStatus.Cancelled),
            })
            .ToListAsync(cancellationToken);
        return rows.Where(r => r.Days.Count > 0)
            .Select(r =>
            {
                var ordered = r.Days.Order().ToList();
                return new SessionRow(r.Id, r.Version, r.CourseId, r.Code, r.Title, r.SiteId, r.Site, r.Trainer, ordered, r.Capacity, r.Enrolled,
                    StatusOn(ordered, today));
            })
            .OrderBy(r => r.FirstDay).ThenBy(r => r.CourseCode, StringComparer.Ordinal).ThenBy(r => r.Id)
            .ToList();
    }

    internal static SessionStatus StatusOn(IReadOnlyList<DateOnly> orderedDays, DateOnly today) =>
        orderedDays[0] > today ? SessionStatus.Planned : orderedDays[^1] < today ? SessionStatus.Done : SessionStatus.Ongoing;
}
