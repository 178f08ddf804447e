using System.Globalization;
using System.Text.Json;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Skills;
using Portal.Domain.Training;
using Portal.Services.Audit;
using Portal.Services.Data;
using Portal.Services.Files;

namespace Portal.Services.Training;

/// <summary>
/// What happened at a session: attendance per day and the result per enrolment, recorded by the region's director,
/// HR (every region) or a national administrator, by hand or through the attendance sheet; a completion recorded by
/// mistake cancelled by HR or a national administrator with a reason, giving back the levels it replaced.
/// </summary>
public sealed class AttendanceService(
    IDbContextFactory<PortalDbContext> dbFactory,
    ImportPipeline pipeline,
    IValidator<CancelCompletionForm> cancelRules,
    TimeProvider clock)
{
    /// <summary>Records one enrolment's attendance and result; version-checked, audited; a pass on every day completes it and grants the course's skills.</summary>
    public async Task<SaveResult> RecordAsync(Actor actor, AttendanceForm form, CancellationToken cancellationToken = default)
    {
        if (!AccessRules.CanChangeSome(actor, Area.Training))
        {
            return SaveResult.NotFound;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var enrolment = await db.Enrolments.Include(e => e.Attendance).Include(e => e.Session!).ThenInclude(s => s.Days)
            .SingleOrDefaultAsync(e => e.Id == form.EnrolmentId, cancellationToken);
        if (enrolment is null || !AccessRules.CanRecordAttendance(actor, enrolment.Session!.RegionId))
        {
            return SaveResult.NotFound;
        }
        var session = enrolment.Session;
        var days = session.Days.OrderBy(d => d.Date).ToList();
        if (AttendanceRecorder.Check(enrolment, days, form.Attended, form.Result) is { } refused)
        {
            return SaveResult.Invalid(nameof(AttendanceForm.Result), refused);
        }
        if (!AttendanceRecorder.Changes(enrolment, days, form.Attended, form.Result))
        {
            return enrolment.Version == form.Version ? SaveResult.Saved : SaveResult.Conflict;
        }
        var course = await db.Courses.AsNoTracking().Include(c => c.GrantedSkills).SingleAsync(c => c.Id == session.CourseId, cancellationToken);
        var advisor = await db.Advisors.Include(a => a.Skills).SingleAsync(a => a.Id == enrolment.AdvisorId, cancellationToken);
        enrolment.Version = form.Version;
        db.Entry(enrolment).Property(e => e.Version).IsModified = true;
        AttendanceRecorder.Apply(db, actor, clock, session, course, enrolment, advisor, form.Attended, form.Result);
        return await SaveAsync(db, cancellationToken);
    }

    /// <summary>
    /// Cancels a completion recorded by mistake: the enrolment takes back the status it had before, and the skill levels
    /// the completion replaced come back (from the completion's audit entry), unless changed since. The reason is audited.
    /// </summary>
    public async Task<SaveResult> CancelCompletionAsync(Actor actor, CancelCompletionForm form, CancellationToken cancellationToken = default)
    {
        if (!AccessRules.CanCancelCompletion(actor))
        {
            return SaveResult.NotFound;
        }
        var validation = await cancelRules.ValidateAsync(form, cancellationToken);
        if (!validation.IsValid)
        {
            return new SaveResult(SaveOutcome.Invalid, validation.Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.First().ErrorMessage));
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var enrolment = await db.Enrolments.Include(e => e.Session!).ThenInclude(s => s.Days)
            .SingleOrDefaultAsync(e => e.Id == form.EnrolmentId, cancellationToken);
        if (enrolment is null || !AccessRules.CanRecordAttendance(actor, enrolment.Session!.RegionId))
        {
            return SaveResult.NotFound;
        }
        if (enrolment.Status != EnrolmentStatus.Completed)
        {
            return SaveResult.Invalid(nameof(CancelCompletionForm.EnrolmentId), "Attendance_NotCompleted");
        }
        var key = enrolment.Id.ToString(CultureInfo.InvariantCulture);
        var recorded = await db.AuditEntries.AsNoTracking()
            .Where(a => a.Entity == AuditEntities.Enrolment && a.EntityKey == key && a.Action == TrainingAudit.Complete)
            .OrderByDescending(a => a.Id).Select(a => a.Before).FirstOrDefaultAsync(cancellationToken);
        // A completion recorded before the portal kept what it replaced (the initial load) goes back to planned and leaves the levels.
        var before = recorded is null ? null : JsonSerializer.Deserialize<CompletionBefore>(recorded);
        var advisor = await db.Advisors.Include(a => a.Skills).SingleAsync(a => a.Id == enrolment.AdvisorId, cancellationToken);
        var lastDay = enrolment.CompletedOn ?? enrolment.Session.LastDay;
        var held = advisor.Skills.ToDictionary(s => s.SkillId, HeldLevel.Of);
        var restored = TrainingRules.RestoreSkills(advisor, enrolment.Session.CourseId, lastDay, before?.Skills ?? []);
        AttendanceRecorder.AuditSkills(db, actor, clock, enrolment.Session.RegionId, advisor,
            restored.Select(id => new HeldBefore(id, held[id])).ToList());
        var status = before?.Status is { } s && s != EnrolmentStatus.Completed ? s : EnrolmentStatus.Planned;
        enrolment.Version = form.Version;
        enrolment.Status = status;
        enrolment.CompletedOn = null;
        AuditLog.Record(db, actor, clock, AuditEntities.Enrolment, key, enrolment.Session.RegionId, TrainingAudit.CancelCompletion,
            new { Status = EnrolmentStatus.Completed, CompletedOn = lastDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) },
            new { Status = status, advisor.EmployeeNumber, RestoredSkills = restored }, form.Reason.Trim());
        return await SaveAsync(db, cancellationToken);
    }

    /// <summary>
    /// The attendance sheet of a session, for CSV or Excel (<see cref="CsvTable"/>, <see cref="ExcelTable"/>): one row per
    /// enrolled advisor, one column per day (1 present, 0 absent) and the result; the import reads it back. Null when
    /// the session does not exist or the actor may not read it.
    /// </summary>
    public async Task<FileTable?> SheetAsync(Actor actor, int sessionId, CancellationToken cancellationToken = default)
    {
        if (!AccessRules.CanReadSome(actor, Area.Training))
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var session = await db.TrainingSessions.AsNoTracking().Include(s => s.Days).SingleOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
        if (session is null || !AccessRules.CanRead(actor, Area.Training, session.RegionId))
        {
            return null;
        }
        var days = session.Days.OrderBy(d => d.Date).ToList();
        var enrolments = await db.Enrolments.AsNoTracking().Where(e => e.SessionId == sessionId && e.Status != EnrolmentStatus.Cancelled)
            .Join(db.Advisors, e => e.AdvisorId, a => a.Id, (e, a) => new
            {
                a.EmployeeNumber,
                a.LastName,
                a.FirstName,
                e.Status,
                Present = e.Attendance.Where(x => x.Present).Select(x => x.SessionDayId).ToList(),
            })
            .OrderBy(e => e.LastName).ThenBy(e => e.FirstName).ThenBy(e => e.EmployeeNumber)
            .ToListAsync(cancellationToken);
        var header = new List<string> { "employeeNumber", "lastName", "firstName" };
        header.AddRange(days.Select(d => AttendanceFile.DayColumn(d.Date)));
        header.Add("result");
        var rows = enrolments.Select(e =>
        {
            var row = new List<object?> { e.EmployeeNumber, e.LastName, e.FirstName };
            row.AddRange(days.Select(d => (object?)(e.Present.Contains(d.Id) ? 1 : 0)));
            row.Add(AttendanceFile.ResultText(e.Status));
            return (IReadOnlyList<object?>)row;
        }).ToList();
        return new FileTable(header, rows, "Attendance");
    }

    /// <summary>
    /// Reads an attendance sheet back (<see cref="AttendanceFile"/>) through the import pipeline: all or nothing, each
    /// row checked as a recording by hand is. Refused before the file is read when the actor may not record the session's attendance.
    /// </summary>
    public async Task<ImportResult> ImportAsync(Actor actor, int sessionId, Stream file, CancellationToken cancellationToken = default)
    {
        if (!AccessRules.CanChangeSome(actor, Area.Training))
        {
            return ImportResult.Refused(Messages.Format("AttendanceImport_Forbidden"));
        }
        List<DateOnly> days;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var session = await db.TrainingSessions.AsNoTracking().Where(s => s.Id == sessionId)
                .Select(s => new { s.RegionId, Days = s.Days.Select(d => d.Date).ToList() }).SingleOrDefaultAsync(cancellationToken);
            if (session is null || !AccessRules.CanRecordAttendance(actor, session.RegionId))
            {
                return ImportResult.Refused(Messages.Format("AttendanceImport_Forbidden"));
            }
            days = session.Days.Order().ToList();
        }
        return await pipeline.RunAsync(file, new AttendanceFile(actor, sessionId, days, clock), cancellationToken);
    }

    private static async Task<SaveResult> SaveAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return SaveResult.Saved;
        }
        catch (DbUpdateConcurrencyException)
        {
            return SaveResult.Conflict;
        }
    }
}
