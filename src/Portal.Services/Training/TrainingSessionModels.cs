using Portal.Domain.Training;
using Portal.Services.Regions;

namespace Portal.Services.Training;

/// <summary>Where a session stands on a given day: still to come, under way (its first day is past, its last is not), or done.</summary>
public enum SessionStatus
{
    Planned = 0,
    Ongoing = 1,
    Done = 2,
}

/// <summary>The filters of the sessions list and calendar; null is "any".</summary>
public sealed record SessionFilter(int? CourseId = null, int? SiteId = null, SessionStatus? Status = null);

/// <summary>One session as the list shows it.</summary>
public sealed record SessionRow(
    int Id,
    int Version,
    int CourseId,
    string CourseCode,
    string CourseTitle,
    int SiteId,
    string Site,
    string Trainer,
    IReadOnlyList<DateOnly> Days,
    int Capacity,
    int Enrolled,
    SessionStatus Status)
{
    public DateOnly FirstDay => Days[0];
    public DateOnly LastDay => Days[^1];
}

/// <summary>A region's sessions, newest first day last (in date order).</summary>
public sealed record SessionList(RegionSummary Region, IReadOnlyList<SessionRow> Sessions);

/// <summary>One session day in a month calendar.</summary>
public sealed record CalendarEntry(DateOnly Date, int SessionId, string CourseCode, string Site, int Enrolled, int Capacity, SessionStatus Status);

/// <summary>The session days of a region falling in one month, for the month calendar.</summary>
public sealed record SessionCalendar(RegionSummary Region, int Year, int Month, IReadOnlyList<CalendarEntry> Entries);

/// <summary>A course as the planning form offers it: its number of days and the highest capacity a session may have.</summary>
public sealed record CourseChoice(int Id, string Code, string Title, int Days, int Capacity);

/// <summary>What a session of the region may be planned with: the courses, the region's in-house sites.</summary>
public sealed record SessionChoices(IReadOnlyList<CourseChoice> Courses, IReadOnlyList<Choice> Sites);

/// <summary>A half-hour of a core slot whose coverage the training would push below the planning floor.</summary>
public sealed record CoverageDrop(DateOnly Day, TimeOnly Time, string Channel, double Before, double After);

/// <summary>An advisor who could not be enrolled, and why; <see cref="Text"/> says it in the user's language.</summary>
public sealed record AdvisorRefusal(int AdvisorId, string EmployeeNumber, string Name, EnrolmentRefusal Reason)
{
    public string Text => EnrolmentRefusals.Text(Reason);
}

/// <summary>How a planning or enrolment request ended.</summary>
public enum TrainingOutcome
{
    Saved = 0,
    Invalid = 1,
    Conflict = 2,
    NotFound = 3,

    /// <summary>The change would push core half-hours below the floor: nothing saved until it is asked again with the confirmation.</summary>
    ConfirmationNeeded = 4,

    /// <summary>At least one advisor cannot be enrolled: nobody was (all or nothing), the refusals say why.</summary>
    Refused = 5,
}

/// <summary>
/// The answer to planning, changing or filling a session: the outcome, field errors (message keys) when invalid, the
/// session saved, the core half-hours the change pushes below the floor (listed whether confirmed or not), and the
/// advisors refused.
/// </summary>
public sealed record TrainingSaveResult(
    TrainingOutcome Outcome,
    IReadOnlyDictionary<string, string> Errors,
    int? SessionId,
    IReadOnlyList<CoverageDrop> CoverageDrops,
    IReadOnlyList<AdvisorRefusal> Refusals)
{
    public static TrainingSaveResult NotFound { get; } = new(TrainingOutcome.NotFound, new Dictionary<string, string>(), null, [], []);
    public static TrainingSaveResult Conflict { get; } = new(TrainingOutcome.Conflict, new Dictionary<string, string>(), null, [], []);

    public static TrainingSaveResult Invalid(string field, string key) =>
        new(TrainingOutcome.Invalid, new Dictionary<string, string> { [field] = key }, null, [], []);

    public static TrainingSaveResult Invalid(IReadOnlyDictionary<string, string> errors) => new(TrainingOutcome.Invalid, errors, null, [], []);
}

/// <summary>One day of a session, with the id the attendance refers to.</summary>
public sealed record SessionDayRow(int Id, DateOnly Date);

/// <summary>An enrolled advisor with the status and the attendance of each session day (a day not recorded is absent).</summary>
public sealed record EnrolmentRow(
    int Id,
    int Version,
    int AdvisorId,
    string EmployeeNumber,
    string LastName,
    string FirstName,
    string Site,
    EnrolmentStatus Status,
    DateOnly? CompletedOn,
    IReadOnlySet<DateOnly> Attended);

/// <summary>
/// A session with its days and enrolments, and what the actor may do with it (the pages hide what the services would
/// refuse anyway).
/// </summary>
public sealed record SessionDetail(
    SessionRow Session,
    RegionSummary Region,
    IReadOnlyList<SessionDayRow> Days,
    IReadOnlyList<EnrolmentRow> Enrolments,
    bool CanPlan,
    bool CanRecordAttendance,
    bool CanCancelCompletion);

/// <summary>An advisor who may be searched for a session, with the reason they cannot be enrolled, or none.</summary>
public sealed record EnrolmentCandidate(int AdvisorId, string EmployeeNumber, string LastName, string FirstName, int SiteId, string Site,
    EnrolmentRefusal? Reason)
{
    public bool CanEnrol => Reason is null;

    /// <summary>The reason in the user's language, empty when the advisor can be enrolled.</summary>
    public string ReasonText => Reason is { } reason ? EnrolmentRefusals.Text(reason) : "";
}

/// <summary>The sentence for each refusal, from the services' string table.</summary>
public static class EnrolmentRefusals
{
    public static string Text(EnrolmentRefusal reason) => reason switch
    {
        EnrolmentRefusal.Inactive => Messages.Format("Enrolment_Inactive"),
        EnrolmentRefusal.NotInHouse => Messages.Format("Enrolment_NotInHouse"),
        EnrolmentRefusal.OtherRegion => Messages.Format("Enrolment_OtherRegion"),
        EnrolmentRefusal.AlreadyEnrolled => Messages.Format("Enrolment_AlreadyEnrolled"),
        EnrolmentRefusal.SameDay => Messages.Format("Enrolment_SameDay"),
        EnrolmentRefusal.WeekLimit => Messages.Format("Enrolment_WeekLimit"),
        EnrolmentRefusal.Full => Messages.Format("Enrolment_Full"),
        _ => reason.ToString(),
    };
}
