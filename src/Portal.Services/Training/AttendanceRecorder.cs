using System.Globalization;
using Portal.Domain.Access;
using Portal.Domain.Advisors;
using Portal.Domain.Skills;
using Portal.Domain.Training;
using Portal.Services.Audit;
using Portal.Services.Data;

namespace Portal.Services.Training;

/// <summary>What a completion replaced, as its audit entry keeps it ("before"), so that cancelling it gives it back.</summary>
internal sealed record CompletionBefore(EnrolmentStatus Status, IReadOnlyList<HeldBefore> Skills);

/// <summary>
/// Records one enrolment's attendance and result, by hand or from the attendance sheet, the same way: the domain
/// decides the status (<see cref="TrainingRules.Outcome"/>), a completion grants the course's skills
/// (<see cref="TrainingRules.GrantSkills"/>) and its audit entry keeps the levels it replaced.
/// </summary>
internal static class AttendanceRecorder
{
    /// <summary>The message key of what stops the recording, or null when it may be recorded.</summary>
    public static string? Check(Enrolment enrolment, IReadOnlyList<SessionDay> days, IReadOnlySet<DateOnly> attended, TrainingResult? result)
    {
        if (enrolment.Status == EnrolmentStatus.Cancelled)
        {
            return "Attendance_EnrolmentCancelled";
        }
        var dates = days.Select(d => d.Date).ToList();
        if (attended.Any(d => !dates.Contains(d)))
        {
            return "Attendance_NotASessionDay";
        }
        var (status, refusal) = TrainingRules.Outcome(dates, attended, result);
        if (refusal is not null)
        {
            return "Attendance_PassNeedsEveryDay";
        }
        if (enrolment.Status == EnrolmentStatus.Completed && (status != EnrolmentStatus.Completed || !SameAttendance(enrolment, days, attended)))
        {
            return "Attendance_CancelCompletionFirst";
        }
        return null;
    }

    /// <summary>Whether recording this would change anything.</summary>
    public static bool Changes(Enrolment enrolment, IReadOnlyList<SessionDay> days, IReadOnlySet<DateOnly> attended, TrainingResult? result)
    {
        var (status, _) = TrainingRules.Outcome(days.Select(d => d.Date).ToList(), attended, result);
        return status != enrolment.Status || !SameAttendance(enrolment, days, attended);
    }

    /// <summary>Applies a recording that <see cref="Check"/> let through, with its audit entry, to the context.</summary>
    public static void Apply(PortalDbContext db, Actor actor, TimeProvider clock, TrainingSession session, Course course, Enrolment enrolment,
        Advisor advisor, IReadOnlySet<DateOnly> attended, TrainingResult? result)
    {
        var days = session.Days.OrderBy(d => d.Date).ToList();
        var previous = enrolment.Status;
        var before = new { Status = previous, Attended = AttendedOf(enrolment, days) };
        foreach (var day in days)
        {
            var present = attended.Contains(day.Date);
            var line = enrolment.Attendance.SingleOrDefault(a => a.SessionDayId == day.Id);
            if (line is null)
            {
                enrolment.Attendance.Add(new Attendance { EnrolmentId = enrolment.Id, SessionDayId = day.Id, Present = present });
            }
            else
            {
                line.Present = present;
            }
        }
        var (status, _) = TrainingRules.Outcome(days.Select(d => d.Date).ToList(), attended, result);
        var key = enrolment.Id.ToString(CultureInfo.InvariantCulture);
        var after = new { Status = status, Attended = attended.Order().Select(Iso).ToList() };
        if (status == EnrolmentStatus.Completed && previous != EnrolmentStatus.Completed)
        {
            var lastDay = days[^1].Date;
            enrolment.Status = EnrolmentStatus.Completed;
            enrolment.CompletedOn = lastDay;
            var replaced = TrainingRules.GrantSkills(advisor, course, lastDay);
            AuditSkills(db, actor, clock, session.RegionId, advisor, replaced);
            AuditLog.Record(db, actor, clock, AuditEntities.Enrolment, key, session.RegionId, TrainingAudit.Complete,
                new CompletionBefore(previous, replaced), new { Status = status, CompletedOn = Iso(lastDay), advisor.EmployeeNumber, after.Attended });
            return;
        }
        enrolment.Status = status;
        enrolment.CompletedOn = status == EnrolmentStatus.Completed ? enrolment.CompletedOn : null;
        AuditLog.Record(db, actor, clock, AuditEntities.Enrolment, key, session.RegionId, TrainingAudit.Record, before, after);
    }

    /// <summary>
    /// Each level the completion changed, in the advisor's own history (as a change by hand is), and the advisor's
    /// version moved on, so that an edit of the advisor's skills opened before the completion is told it came second.
    /// </summary>
    public static void AuditSkills(PortalDbContext db, Actor actor, TimeProvider clock, int regionId, Advisor advisor, IReadOnlyList<HeldBefore> changed)
    {
        if (changed.Count == 0)
        {
            return;
        }
        if (db.Entry(advisor).State == Microsoft.EntityFrameworkCore.EntityState.Unchanged)
        {
            db.Entry(advisor).State = Microsoft.EntityFrameworkCore.EntityState.Modified;
        }
        var codes = db.Skills.Local.Count > 0 ? db.Skills.Local.ToDictionary(s => s.Id, s => s.Code) : db.Skills.ToDictionary(s => s.Id, s => s.Code);
        foreach (var skill in changed)
        {
            var now = advisor.Skills.SingleOrDefault(s => s.SkillId == skill.SkillId);
            AuditLog.Record(db, actor, clock, AuditEntities.AdvisorSkill, $"{advisor.EmployeeNumber}/{codes.GetValueOrDefault(skill.SkillId)}", regionId,
                "SetLevel", Audited(skill.Level), Audited(now is null ? null : HeldLevel.Of(now)));
        }
    }

    private static object? Audited(HeldLevel? level) =>
        level is null ? null : new { Level = (int)level.Level, CertifiedOn = Iso(level.CertifiedOn), Source = level.Source.ToString() };

    private static bool SameAttendance(Enrolment enrolment, IReadOnlyList<SessionDay> days, IReadOnlySet<DateOnly> attended) =>
        days.All(d => attended.Contains(d.Date) == enrolment.Attendance.Any(a => a.SessionDayId == d.Id && a.Present));

    private static List<string> AttendedOf(Enrolment enrolment, IReadOnlyList<SessionDay> days) =>
        days.Where(d => enrolment.Attendance.Any(a => a.SessionDayId == d.Id && a.Present)).Select(d => Iso(d.Date)).ToList();

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
