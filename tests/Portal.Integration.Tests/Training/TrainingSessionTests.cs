using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Access;
using Portal.Domain.Advisors;
using Portal.Domain.Assignments;
using Portal.Domain.Skills;
using Portal.Domain.Time;
using Portal.Domain.Training;
using Portal.Services;
using Portal.Services.Audit;
using Portal.Services.Files;
using Portal.Services.Training;
using Portal.Testing;

namespace Portal.Integration.Tests.Training;

/// <summary>A portal of its own: these tests plan sessions, enrol, record and cancel, which the shared demo counts must not see.</summary>
public sealed class TrainingDatabase : IAsyncLifetime
{
    public PortalAppFactory App { get; } = new();

    public ValueTask InitializeAsync()
    {
        App.Start();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}

public class TrainingSessionTests(TrainingDatabase database) : IClassFixture<TrainingDatabase>
{
    private const int Bpl = 2;
    private const int Voice = 1;
    private static readonly Actor National = new("national@portal.demo", PortalRole.NationalAdmin);
    private static readonly Actor DirectorBpl = new("director.bpl@portal.demo", PortalRole.RegionalDirector, Bpl);
    private static readonly Actor Hr = new("hr@portal.demo", PortalRole.HR);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private T Service<T>(IServiceScope scope) where T : notnull => scope.ServiceProvider.GetRequiredService<T>();

    /// <summary>Working days from a Monday, Monday to Wednesday of each week, so that no session reaches the week limit alone.</summary>
    private static List<DateOnly> Days(DateOnly monday, int count)
    {
        var days = new List<DateOnly>();
        for (var day = monday; days.Count < count; day = day.AddDays(1))
        {
            if (day.DayOfWeek is DayOfWeek.Monday or DayOfWeek.Tuesday or DayOfWeek.Wednesday && FrenchHolidays.IsTrainingDay(day))
            {
                days.Add(day);
            }
        }
        return days;
    }

    private async Task<Course> CourseAsync(string code, int days, int capacity = 12, params (int SkillId, ProficiencyLevel Level)[] grants)
    {
        await using var db = database.App.CreateDbContext();
        var course = new Course
        {
            Code = code, Title = $"Test {code}", Days = days, SessionCapacity = capacity,
            GrantedSkills = grants.Select(g => new CourseSkill { SkillId = g.SkillId, Level = g.Level }).ToList(),
        };
        db.Courses.Add(course);
        await db.SaveChangesAsync(Ct);
        return course;
    }

    private async Task<(int SiteId, List<Advisor> Advisors)> BplAdvisorsAsync(int skip, int take)
    {
        await using var db = database.App.CreateDbContext();
        var site = await db.Sites.Where(s => s.RegionId == Bpl && s.Kind == Domain.Sites.SiteKind.InHouse).OrderBy(s => s.Id).Select(s => s.Id).FirstAsync(Ct);
        var advisors = await db.Advisors.AsNoTracking().Include(a => a.Skills).Where(a => a.SiteId == site && a.Active)
            .OrderBy(a => a.Id).Skip(skip).Take(take).ToListAsync(Ct);
        return (site, advisors);
    }

    private async Task<TrainingSaveResult> PlanAsync(Actor actor, Course course, int siteId, List<DateOnly> days, IEnumerable<int>? advisors = null,
        bool confirm = false, int? capacity = null)
    {
        using var scope = database.App.Services.CreateScope();
        var form = new TrainingSessionForm
        {
            CourseId = course.Id, SiteId = siteId, Days = days, Trainer = "Yann Formateur", Capacity = capacity ?? course.SessionCapacity,
            AdvisorIds = advisors?.ToList() ?? [], ConfirmCoverage = confirm,
        };
        return await Service<TrainingSessionService>(scope).SaveAsync(actor, form, Ct);
    }

    private async Task<TrainingSaveResult> EnrolAsync(int sessionId, params int[] advisors)
    {
        using var scope = database.App.Services.CreateScope();
        return await Service<EnrolmentService>(scope).EnrolAsync(DirectorBpl, new EnrolmentRequest(sessionId, advisors, ConfirmCoverage: true), Ct);
    }

    private async Task<int> EnrolledAsync(int sessionId)
    {
        await using var db = database.App.CreateDbContext();
        return await db.Enrolments.CountAsync(e => e.SessionId == sessionId && e.Status != EnrolmentStatus.Cancelled, Ct);
    }

    [Fact]
    public async Task A_director_plans_a_session_of_the_own_region_and_the_plan_is_audited()
    {
        var course = await CourseAsync("TPLAN", 2);
        var (site, _) = await BplAdvisorsAsync(0, 1);

        var result = await PlanAsync(DirectorBpl, course, site, Days(new DateOnly(2028, 1, 10), 2));

        Assert.Equal(TrainingOutcome.Saved, result.Outcome);
        Assert.Empty(result.CoverageDrops);
        await using var db = database.App.CreateDbContext();
        var key = result.SessionId!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Entity == AuditEntities.TrainingSession && a.EntityKey == key && a.Action == "Plan", Ct));
        using var scope = database.App.Services.CreateScope();
        var list = await Service<TrainingSessionService>(scope).ListAsync(DirectorBpl, "BPL", new SessionFilter(CourseId: course.Id), Ct);
        var row = Assert.Single(list!.Sessions);
        Assert.Equal((SessionStatus.Planned, new DateOnly(2028, 1, 11)), (row.Status, row.LastDay));
    }

    [Fact]
    public async Task Hr_may_not_plan_a_session()
    {
        var course = await CourseAsync("THR", 1);
        var (site, _) = await BplAdvisorsAsync(0, 1);

        var result = await PlanAsync(Hr, course, site, Days(new DateOnly(2028, 1, 17), 1));

        Assert.Equal(TrainingOutcome.NotFound, result.Outcome);
    }

    [Fact]
    public async Task A_session_with_fewer_days_than_the_course_or_on_a_holiday_is_refused()
    {
        var course = await CourseAsync("TDAYS", 3);
        var (site, _) = await BplAdvisorsAsync(0, 1);

        var fewer = await PlanAsync(DirectorBpl, course, site, Days(new DateOnly(2028, 1, 24), 2));
        var holiday = await PlanAsync(DirectorBpl, course, site, [new DateOnly(2027, 11, 10), new DateOnly(2027, 11, 11), new DateOnly(2027, 11, 12)]);

        Assert.Equal("TrainingSession_WrongNumberOfDays", fewer.Errors["Days"]);
        Assert.Equal("TrainingSession_PublicHoliday", holiday.Errors["Days"]);
    }

    [Fact]
    public async Task Planning_that_pushes_core_half_hours_below_the_floor_needs_a_confirmation_which_is_audited()
    {
        var course = await CourseAsync("TCOV", 1);
        var day = new DateOnly(2028, 2, 7);
        int site;
        List<int> advisors;
        await using (var db = database.App.CreateDbContext())
        {
            var skills = await db.ChannelSkills.Where(c => c.ChannelId == Voice).Select(c => c.SkillId).ToListAsync(Ct);
            site = await db.Sites.Where(s => s.RegionId == Bpl && s.Kind == Domain.Sites.SiteKind.InHouse).OrderBy(s => s.Id).Select(s => s.Id).FirstAsync(Ct);
            advisors = await db.Advisors.Where(a => a.SiteId == site && a.Active)
                .Where(a => skills.All(k => a.Skills.Any(s => s.SkillId == k && s.Level >= ProficiencyLevel.Certified)))
                .OrderBy(a => a.Id).Select(a => a.Id).Take(3).ToListAsync(Ct);
            // The only voice advisors that day: training them takes the channel's in-house supply away.
            db.Shifts.AddRange(advisors.Select(a => new Shift { AdvisorId = a, Date = day, Start = new TimeOnly(8, 0), End = new TimeOnly(16, 0), ChannelId = Voice }));
            await db.SaveChangesAsync(Ct);
        }

        var asked = await PlanAsync(DirectorBpl, course, site, [day], advisors);

        Assert.Equal(TrainingOutcome.ConfirmationNeeded, asked.Outcome);
        Assert.Contains(asked.CoverageDrops, d => d.Day == day && d.Channel == "Voice" && d.Time == new TimeOnly(9, 0) && d.After < d.Before && d.After < 0.8);
        Assert.DoesNotContain(asked.CoverageDrops, d => d.Time >= new TimeOnly(20, 0) || d.Time < new TimeOnly(8, 0));
        await using (var db = database.App.CreateDbContext())
        {
            Assert.False(await db.TrainingSessions.AnyAsync(s => s.CourseId == course.Id, Ct));
        }

        var confirmed = await PlanAsync(DirectorBpl, course, site, [day], advisors, confirm: true);

        Assert.Equal(TrainingOutcome.Saved, confirmed.Outcome);
        await using (var db = database.App.CreateDbContext())
        {
            var key = confirmed.SessionId!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var audit = await db.AuditEntries.SingleAsync(a => a.Entity == AuditEntities.TrainingSession && a.EntityKey == key && a.Action == "ConfirmCoverage", Ct);
            Assert.Contains("2028-02-07 09:00 Voice", audit.After, StringComparison.Ordinal);
            Assert.Equal(3, await db.Enrolments.CountAsync(e => e.SessionId == confirmed.SessionId, Ct));
        }
    }

    [Fact]
    public async Task Enrolling_several_with_one_refusal_enrols_nobody_and_names_the_refused()
    {
        var course = await CourseAsync("TALL", 1);
        var (site, advisors) = await BplAdvisorsAsync(20, 3);
        int inactive;
        await using (var db = database.App.CreateDbContext())
        {
            inactive = await db.Advisors.Where(a => a.Site!.RegionId == Bpl && !a.Active).Select(a => a.Id).FirstAsync(Ct);
        }
        var session = (await PlanAsync(DirectorBpl, course, site, Days(new DateOnly(2028, 3, 6), 1))).SessionId!.Value;

        var result = await EnrolAsync(session, advisors[0].Id, inactive, advisors[1].Id);

        Assert.Equal(TrainingOutcome.Refused, result.Outcome);
        var refusal = Assert.Single(result.Refusals);
        Assert.Equal((inactive, EnrolmentRefusal.Inactive), (refusal.AdvisorId, refusal.Reason));
        Assert.Equal(0, await EnrolledAsync(session));
    }

    [Fact]
    public async Task The_last_seat_is_taken_and_one_more_is_refused()
    {
        var course = await CourseAsync("TCAP", 1, capacity: 3);
        var (site, advisors) = await BplAdvisorsAsync(30, 4);
        var session = (await PlanAsync(DirectorBpl, course, site, Days(new DateOnly(2028, 3, 13), 1), capacity: 3)).SessionId!.Value;

        var three = await EnrolAsync(session, advisors[0].Id, advisors[1].Id, advisors[2].Id);
        var fourth = await EnrolAsync(session, advisors[3].Id);

        Assert.Equal(TrainingOutcome.Saved, three.Outcome);
        Assert.Equal(EnrolmentRefusal.Full, Assert.Single(fourth.Refusals).Reason);
        Assert.Equal(3, await EnrolledAsync(session));
    }

    [Fact]
    public async Task A_third_training_day_in_a_week_is_accepted_and_a_fourth_refused()
    {
        var two = await CourseAsync("TWK2", 2);
        var one = await CourseAsync("TWK1", 1);
        var (site, advisors) = await BplAdvisorsAsync(40, 1);
        var advisor = advisors[0].Id;
        var monday = new DateOnly(2028, 3, 20);
        var first = await PlanAsync(DirectorBpl, two, site, [monday, monday.AddDays(1)], [advisor]);
        var wednesday = (await PlanAsync(DirectorBpl, one, site, [monday.AddDays(2)])).SessionId!.Value;
        var thursday = (await PlanAsync(DirectorBpl, one, site, [monday.AddDays(3)])).SessionId!.Value;

        var third = await EnrolAsync(wednesday, advisor);
        var fourth = await EnrolAsync(thursday, advisor);

        Assert.Equal(TrainingOutcome.Saved, first.Outcome);
        Assert.Equal(TrainingOutcome.Saved, third.Outcome);
        Assert.Equal(EnrolmentRefusal.WeekLimit, Assert.Single(fourth.Refusals).Reason);
        using var scope = database.App.Services.CreateScope();
        var candidates = await Service<EnrolmentService>(scope).CandidatesAsync(DirectorBpl, thursday, advisors[0].EmployeeNumber, Ct);
        Assert.Equal(EnrolmentRefusal.WeekLimit, Assert.Single(candidates!).Reason);
    }

    [Fact]
    public async Task Attendance_and_a_pass_complete_the_enrolment_raise_levels_on_the_last_day_and_cancelling_gives_them_back()
    {
        var (site, advisors) = await BplAdvisorsAsync(50, 1);
        var advisor = advisors[0];
        var raised = advisor.Skills.OrderBy(s => s.SkillId).First(s => s.Level < ProficiencyLevel.Expert);
        var higher = advisor.Skills.OrderBy(s => s.SkillId).FirstOrDefault(s => s.SkillId != raised.SkillId && s.Level > ProficiencyLevel.Trainee);
        var grants = new List<(int, ProficiencyLevel)> { (raised.SkillId, raised.Level + 1) };
        if (higher is not null)
        {
            grants.Add((higher.SkillId, ProficiencyLevel.Trainee));
        }
        var course = await CourseAsync("TDONE", 2, 12, [.. grants]);
        var days = Days(new DateOnly(2028, 4, 3), 2);
        var session = (await PlanAsync(DirectorBpl, course, site, days, [advisor.Id])).SessionId!.Value;
        using var scope = database.App.Services.CreateScope();
        var detail = await Service<TrainingSessionService>(scope).GetAsync(Hr, session, Ct);
        var enrolment = Assert.Single(detail!.Enrolments);

        var recorded = await Service<AttendanceService>(scope).RecordAsync(Hr,
            new AttendanceForm { EnrolmentId = enrolment.Id, Version = enrolment.Version, Attended = [.. days], Result = TrainingResult.Pass }, Ct);

        Assert.Equal(SaveOutcome.Saved, recorded.Outcome);
        await using (var db = database.App.CreateDbContext())
        {
            var done = await db.Enrolments.AsNoTracking().SingleAsync(e => e.Id == enrolment.Id, Ct);
            Assert.Equal((EnrolmentStatus.Completed, (DateOnly?)days[^1]), (done.Status, done.CompletedOn));
            var skills = await db.AdvisorSkills.AsNoTracking().Where(s => s.AdvisorId == advisor.Id).ToListAsync(Ct);
            var up = skills.Single(s => s.SkillId == raised.SkillId);
            Assert.Equal((raised.Level + 1, days[^1], CertificationSource.Course, (int?)course.Id), (up.Level, up.CertifiedOn, up.Source, up.CourseId));
            // The raise is in the advisor's own history, and an edit opened before it now conflicts.
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Entity == AuditEntities.AdvisorSkill && a.EntityKey.StartsWith(advisor.EmployeeNumber + "/")
                && a.UserName == Hr.UserName, Ct));
            Assert.True(await db.Advisors.Where(a => a.Id == advisor.Id).Select(a => a.Version).SingleAsync(Ct) > advisor.Version);
            if (higher is not null)
            {
                Assert.Equal(higher.Level, skills.Single(s => s.SkillId == higher.SkillId).Level);
            }
        }

        var version = (await Service<TrainingSessionService>(scope).GetAsync(Hr, session, Ct))!.Enrolments.Single().Version;
        var tooShort = await Service<AttendanceService>(scope).CancelCompletionAsync(Hr, new CancelCompletionForm { EnrolmentId = enrolment.Id, Version = version, Reason = "oops" }, Ct);
        var byDirector = await Service<AttendanceService>(scope).CancelCompletionAsync(DirectorBpl,
            new CancelCompletionForm { EnrolmentId = enrolment.Id, Version = version, Reason = "Saisie sur la mauvaise personne" }, Ct);
        var cancelled = await Service<AttendanceService>(scope).CancelCompletionAsync(Hr,
            new CancelCompletionForm { EnrolmentId = enrolment.Id, Version = version, Reason = "Saisie sur la mauvaise personne" }, Ct);

        Assert.Equal("Attendance_CancelReasonTooShort", tooShort.Errors["Reason"]);
        Assert.Equal(SaveOutcome.NotFound, byDirector.Outcome);
        Assert.Equal(SaveOutcome.Saved, cancelled.Outcome);
        await using (var db = database.App.CreateDbContext())
        {
            var back = await db.Enrolments.AsNoTracking().SingleAsync(e => e.Id == enrolment.Id, Ct);
            Assert.Equal((EnrolmentStatus.Planned, (DateOnly?)null), (back.Status, back.CompletedOn));
            var restored = await db.AdvisorSkills.AsNoTracking().SingleAsync(s => s.AdvisorId == advisor.Id && s.SkillId == raised.SkillId, Ct);
            Assert.Equal((raised.Level, raised.CertifiedOn, raised.Source), (restored.Level, restored.CertifiedOn, restored.Source));
            var audit = await db.AuditEntries.AsNoTracking().Where(a => a.Entity == AuditEntities.Enrolment && a.Action == "CancelCompletion").OrderBy(a => a.Id).LastAsync(Ct);
            Assert.Equal("Saisie sur la mauvaise personne", audit.Justification);
        }
    }

    [Fact]
    public async Task A_fail_with_no_day_attended_is_a_no_show_and_a_pass_with_a_day_missed_is_refused()
    {
        var course = await CourseAsync("TNOSHOW", 2);
        var (site, advisors) = await BplAdvisorsAsync(60, 2);
        var days = Days(new DateOnly(2028, 4, 10), 2);
        var session = (await PlanAsync(DirectorBpl, course, site, days, advisors.Select(a => a.Id))).SessionId!.Value;
        using var scope = database.App.Services.CreateScope();
        var enrolments = (await Service<TrainingSessionService>(scope).GetAsync(DirectorBpl, session, Ct))!.Enrolments;
        var attendance = Service<AttendanceService>(scope);

        var noShow = await attendance.RecordAsync(DirectorBpl, new AttendanceForm { EnrolmentId = enrolments[0].Id, Version = enrolments[0].Version, Result = TrainingResult.Fail }, Ct);
        var missed = await attendance.RecordAsync(DirectorBpl,
            new AttendanceForm { EnrolmentId = enrolments[1].Id, Version = enrolments[1].Version, Attended = [days[0]], Result = TrainingResult.Pass }, Ct);

        Assert.Equal(SaveOutcome.Saved, noShow.Outcome);
        Assert.Equal("Attendance_PassNeedsEveryDay", missed.Errors["Result"]);
        var after = (await Service<TrainingSessionService>(scope).GetAsync(DirectorBpl, session, Ct))!.Enrolments;
        Assert.Equal(EnrolmentStatus.NoShow, after.Single(e => e.Id == enrolments[0].Id).Status);
        Assert.Equal(EnrolmentStatus.Planned, after.Single(e => e.Id == enrolments[1].Id).Status);
    }

    [Fact]
    public async Task The_attendance_sheet_goes_out_and_comes_back_and_one_bad_row_changes_nothing()
    {
        var course = await CourseAsync("TSHEET", 2);
        var (site, advisors) = await BplAdvisorsAsync(70, 2);
        var days = Days(new DateOnly(2028, 4, 17), 2);
        var session = (await PlanAsync(DirectorBpl, course, site, days, advisors.Select(a => a.Id))).SessionId!.Value;
        using var scope = database.App.Services.CreateScope();
        var attendance = Service<AttendanceService>(scope);
        var sheet = await attendance.SheetAsync(Hr, session, Ct);
        // Easter Monday 2028 is the 17th: the session runs on the 18th and 19th.
        Assert.Equal(["employeeNumber", "lastName", "firstName", "2028-04-18", "2028-04-19", "result"], sheet!.Header);
        var header = string.Join(';', sheet.Header);
        string Line(Advisor a, string first, string second, string result) => $"{a.EmployeeNumber};{a.LastName};{a.FirstName};{first};{second};{result}";

        var bad = await attendance.ImportAsync(Hr, session, Csv(header, Line(advisors[0], "1", "x", "pass"), Line(advisors[1], "1", "peut-être", "")), Ct);

        Assert.False(bad.Succeeded);
        Assert.Contains(bad.Errors, e => e.Row == 3);
        var unchanged = (await Service<TrainingSessionService>(scope).GetAsync(Hr, session, Ct))!.Enrolments;
        Assert.All(unchanged, e => Assert.Equal(EnrolmentStatus.Planned, e.Status));

        var good = await attendance.ImportAsync(Hr, session, Csv(header, Line(advisors[0], "1", "x", "pass"), Line(advisors[1], "oui", "non", "fail")), Ct);

        Assert.True(good.Succeeded, string.Join(" | ", good.Errors.Select(e => e.Message)));
        var recorded = (await Service<TrainingSessionService>(scope).GetAsync(Hr, session, Ct))!.Enrolments;
        Assert.Equal(EnrolmentStatus.Completed, recorded.Single(e => e.AdvisorId == advisors[0].Id).Status);
        var failed = recorded.Single(e => e.AdvisorId == advisors[1].Id);
        Assert.Equal((EnrolmentStatus.Failed, 1), (failed.Status, failed.Attended.Count));
        var again = await attendance.SheetAsync(Hr, session, Ct);
        Assert.Contains(again!.Rows, r => Equals(r[0], advisors[0].EmployeeNumber) && Equals(r[3], 1) && Equals(r[5], "pass"));
    }

    [Fact]
    public async Task Changing_the_days_is_version_checked_and_a_withdrawn_advisor_gives_the_seat_back()
    {
        var course = await CourseAsync("TMOVE", 1, capacity: 1);
        var (site, advisors) = await BplAdvisorsAsync(80, 2);
        var session = (await PlanAsync(DirectorBpl, course, site, Days(new DateOnly(2028, 5, 1), 1), [advisors[0].Id], capacity: 1)).SessionId!.Value;
        using var scope = database.App.Services.CreateScope();
        var sessions = Service<TrainingSessionService>(scope);
        var detail = (await sessions.GetAsync(DirectorBpl, session, Ct))!;
        TrainingSessionForm Move(int version) => new()
        {
            Id = session, Version = version, CourseId = course.Id, SiteId = site, Days = [new DateOnly(2028, 5, 9)], Trainer = "Yann Formateur", Capacity = 1,
        };

        var stale = await sessions.SaveAsync(DirectorBpl, Move(detail.Session.Version - 1), Ct);
        var moved = await sessions.SaveAsync(DirectorBpl, Move(detail.Session.Version), Ct);
        var full = await EnrolAsync(session, advisors[1].Id);
        var enrolment = (await sessions.GetAsync(DirectorBpl, session, Ct))!.Enrolments.Single();
        var withdrawn = await Service<EnrolmentService>(scope).WithdrawAsync(DirectorBpl, enrolment.Id, enrolment.Version, Ct);
        var seat = await EnrolAsync(session, advisors[1].Id);

        Assert.Equal(TrainingOutcome.Conflict, stale.Outcome);
        Assert.Equal(TrainingOutcome.Saved, moved.Outcome);
        Assert.Equal([new DateOnly(2028, 5, 9)], (await sessions.GetAsync(DirectorBpl, session, Ct))!.Session.Days);
        Assert.Equal(EnrolmentRefusal.Full, Assert.Single(full.Refusals).Reason);
        Assert.Equal(SaveOutcome.Saved, withdrawn.Outcome);
        Assert.Equal(TrainingOutcome.Saved, seat.Outcome);
        var enrolled = (await sessions.GetAsync(DirectorBpl, session, Ct))!.Enrolments.Where(e => e.Status == EnrolmentStatus.Planned);
        Assert.Equal([advisors[1].Id], enrolled.Select(e => e.AdvisorId));
    }

    private static MemoryStream Csv(params string[] lines) => new(Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n"));
}
