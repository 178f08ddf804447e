using System.Linq.Expressions;
using Portal.Domain.Regions;
using Portal.Domain.Sites;

namespace Portal.Domain.Training;

/// <summary>One run of a course, owned by a region, held at a site on a list of distinct days.</summary>
public class TrainingSession : IVersioned
{
    public int Id { get; set; }
    public int CourseId { get; set; }
    public Course? Course { get; set; }
    public int RegionId { get; set; }
    public Region? Region { get; set; }
    public int SiteId { get; set; }
    public Site? Site { get; set; }
    public required string Trainer { get; set; }
    public int Capacity { get; set; } = Course.DefaultCapacity;
    public List<SessionDay> Days { get; set; } = [];
    public List<Enrolment> Enrolments { get; set; } = [];
    public int Version { get; set; }

    public DateOnly FirstDay => Days.Min(d => d.Date);
    public DateOnly LastDay => Days.Max(d => d.Date);
}

public class SessionDay
{
    public int Id { get; set; }
    public int SessionId { get; set; }
    public DateOnly Date { get; set; }
}

public class Enrolment : IVersioned
{
    public int Id { get; set; }
    public int SessionId { get; set; }
    public TrainingSession? Session { get; set; }
    public int AdvisorId { get; set; }
    public EnrolmentStatus Status { get; set; }

    /// <summary>The last day of the session, set when the enrolment is completed.</summary>
    public DateOnly? CompletedOn { get; set; }

    public List<Attendance> Attendance { get; set; } = [];
    public int Version { get; set; }

    /// <summary>
    /// The enrolments that put the advisor in training on each of the session's days, so not on the floor: the advisor
    /// is expected there (planned) or was there (completed, or failed at the end). A cancelled enrolment gives the days
    /// back; a no-show is a matter for absences, not for the training plan.
    /// </summary>
    public static Expression<Func<Enrolment, bool>> InTraining { get; } =
        e => e.Status == EnrolmentStatus.Planned || e.Status == EnrolmentStatus.Completed || e.Status == EnrolmentStatus.Failed;

    private static readonly Func<Enrolment, bool> InTrainingCompiled = InTraining.Compile();

    /// <inheritdoc cref="InTraining"/>
    public bool PutsInTraining => InTrainingCompiled(this);

    /// <summary>Completed (every day attended, passed) on or before the given day: a completion counts on its last day.</summary>
    public static Expression<Func<Enrolment, bool>> CompletedAsOf(DateOnly day) =>
        e => e.Status == EnrolmentStatus.Completed && e.CompletedOn <= day;

    public bool IsCompletedAsOf(DateOnly day) => CompletedAsOf(day).Compile()(this);

    /// <summary>Planned in a session that still has a day on or after the given day; the session and its days must be read.</summary>
    public static Expression<Func<Enrolment, bool>> PlannedFrom(DateOnly day) =>
        e => e.Status == EnrolmentStatus.Planned && e.Session!.Days.Any(d => d.Date >= day);
}

public enum EnrolmentStatus
{
    Planned = 0,
    Completed = 1,
    Failed = 2,
    NoShow = 3,
    Cancelled = 4,
}

/// <summary>Whether an enrolled advisor attended one day of the session.</summary>
public class Attendance
{
    public int EnrolmentId { get; set; }
    public int SessionDayId { get; set; }
    public bool Present { get; set; }
}
