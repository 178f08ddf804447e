using Portal.Domain.Advisors;
using Portal.Domain.Skills;
using Portal.Domain.Time;

namespace Portal.Domain.Training;

/// <summary>Why an advisor cannot be enrolled in a session: one reason per rule of the training plan.</summary>
public enum EnrolmentRefusal
{
    /// <summary>The advisor has left (inactive).</summary>
    Inactive = 1,

    /// <summary>The advisor works at a subcontracted or offshore site: only in-house advisors are trained in the portal.</summary>
    NotInHouse = 2,

    /// <summary>The advisor's site serves another region than the session's (only a national administrator may cross).</summary>
    OtherRegion = 3,

    /// <summary>The advisor already holds an enrolment in this session.</summary>
    AlreadyEnrolled = 4,

    /// <summary>The advisor is already in training on one of the session's days.</summary>
    SameDay = 5,

    /// <summary>The session would take the advisor beyond the training days allowed in one calendar week.</summary>
    WeekLimit = 6,

    /// <summary>The session has as many enrolments as its capacity.</summary>
    Full = 7,
}

/// <summary>Why the days given for a session are refused.</summary>
public enum SessionDaysRefusal
{
    /// <summary>The same date is given twice.</summary>
    DuplicateDay = 1,

    /// <summary>A day falls on a Sunday.</summary>
    Sunday = 2,

    /// <summary>A day falls on a French public holiday (a session spanning one is refused too: its days are the holiday's neighbours, not the holiday).</summary>
    PublicHoliday = 3,

    /// <summary>Not as many days as the course has.</summary>
    WrongNumberOfDays = 4,
}

/// <summary>Why a completion is refused.</summary>
public enum CompletionRefusal
{
    /// <summary>A pass is recorded while a day of the session was missed.</summary>
    NotEveryDayAttended = 1,
}

/// <summary>The result recorded for an enrolment at the end of the session.</summary>
public enum TrainingResult
{
    Pass = 1,
    Fail = 2,
}

/// <summary>What the enrolment rules need to know of an advisor, read once for many sessions or candidates.</summary>
/// <param name="TrainingDays">The days the advisor is in training in other sessions (<see cref="Enrolment.InTraining"/>).</param>
public sealed record AdvisorTrainingFacts(int AdvisorId, bool Active, bool InHouse, int RegionId, bool EnrolledHere, IReadOnlySet<DateOnly> TrainingDays);

/// <summary>What the enrolment rules need to know of a session.</summary>
public sealed record SessionFacts(int RegionId, IReadOnlyList<DateOnly> Days, int Capacity, int Enrolled);

/// <summary>A skill level held before a completion, kept so that cancelling the completion gives it back (null level: not held).</summary>
public sealed record HeldBefore(int SkillId, HeldLevel? Level);

/// <summary>
/// The training rules of the rollout (specification section 6), as plain functions over facts already read: a
/// session's days, who may be enrolled, when an enrolment is completed and what a completion grants.
/// </summary>
public static class TrainingRules
{
    /// <summary>
    /// Whether a course's session may be held on these days: distinct dates, none on a Sunday or a public holiday, and
    /// exactly as many as the course has. Exactly, neither fewer nor more: completion grants the course's skills, so a
    /// shortened session would grant them for less training, and a longer one takes advisors off the floor for days the
    /// course does not have.
    /// </summary>
    public static SessionDaysRefusal? CheckDays(IReadOnlyCollection<DateOnly> days, int courseDays)
    {
        if (days.Distinct().Count() != days.Count)
        {
            return SessionDaysRefusal.DuplicateDay;
        }
        if (days.Any(d => d.DayOfWeek == DayOfWeek.Sunday))
        {
            return SessionDaysRefusal.Sunday;
        }
        if (days.Any(FrenchHolidays.IsHoliday))
        {
            return SessionDaysRefusal.PublicHoliday;
        }
        return days.Count == courseDays ? null : SessionDaysRefusal.WrongNumberOfDays;
    }

    /// <summary>
    /// Whether the advisor may be enrolled in the session, or the first rule that refuses it (in the order of
    /// <see cref="EnrolmentRefusal"/>). <paramref name="acrossRegions"/> is the actor's right to enrol another
    /// region's advisor (national administrators). Weeks run Monday to Sunday; the week limit counts the session's
    /// days in each week with the advisor's other training days of that week.
    /// </summary>
    public static EnrolmentRefusal? CheckEnrolment(AdvisorTrainingFacts advisor, SessionFacts session, bool acrossRegions, int maxDaysPerWeek)
    {
        if (!advisor.Active)
        {
            return EnrolmentRefusal.Inactive;
        }
        if (!advisor.InHouse)
        {
            return EnrolmentRefusal.NotInHouse;
        }
        if (advisor.RegionId != session.RegionId && !acrossRegions)
        {
            return EnrolmentRefusal.OtherRegion;
        }
        if (advisor.EnrolledHere)
        {
            return EnrolmentRefusal.AlreadyEnrolled;
        }
        if (session.Days.Any(advisor.TrainingDays.Contains))
        {
            return EnrolmentRefusal.SameDay;
        }
        if (ExceedsWeekLimit(advisor.TrainingDays, session.Days, maxDaysPerWeek))
        {
            return EnrolmentRefusal.WeekLimit;
        }
        return session.Enrolled >= session.Capacity ? EnrolmentRefusal.Full : null;
    }

    /// <summary>Whether adding the session's days to the advisor's training days puts more than the limit in any Monday–Sunday week.</summary>
    public static bool ExceedsWeekLimit(IReadOnlySet<DateOnly> trainingDays, IEnumerable<DateOnly> sessionDays, int maxDaysPerWeek)
    {
        foreach (var week in sessionDays.Distinct().GroupBy(LocalCalendar.MondayOf))
        {
            var monday = week.Key;
            var sunday = monday.AddDays(6);
            var others = trainingDays.Count(d => d >= monday && d <= sunday && !week.Contains(d));
            if (others + week.Count() > maxDaysPerWeek)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// The status an enrolment takes from its attendance and result: no result yet keeps it planned; a pass completes it
    /// when every day was attended and is refused otherwise; a fail is a fail, unless no day was attended at all, which
    /// is a no-show (the advisor never came, which is not the same as sitting the course and failing it).
    /// </summary>
    public static (EnrolmentStatus Status, CompletionRefusal? Refusal) Outcome(IReadOnlyCollection<DateOnly> sessionDays,
        IReadOnlySet<DateOnly> attended, TrainingResult? result)
    {
        var everyDay = sessionDays.All(attended.Contains);
        var anyDay = sessionDays.Any(attended.Contains);
        return result switch
        {
            TrainingResult.Pass when everyDay => (EnrolmentStatus.Completed, null),
            TrainingResult.Pass => (EnrolmentStatus.Planned, CompletionRefusal.NotEveryDayAttended),
            TrainingResult.Fail when !anyDay => (EnrolmentStatus.NoShow, null),
            TrainingResult.Fail => (EnrolmentStatus.Failed, null),
            _ => (EnrolmentStatus.Planned, null),
        };
    }

    /// <summary>
    /// Grants the course's skills to the advisor through the one "set a skill level" rule (the higher level wins),
    /// dated on the session's last day. Answers what each skill was before, to be kept for a cancellation.
    /// </summary>
    public static IReadOnlyList<HeldBefore> GrantSkills(Advisor advisor, Course course, DateOnly lastDay)
    {
        var before = new List<HeldBefore>();
        foreach (var granted in course.GrantedSkills)
        {
            var held = advisor.Skills.SingleOrDefault(s => s.SkillId == granted.SkillId);
            var result = advisor.SetSkill(LevelChange.ByCourse(course.Id, granted.SkillId, granted.Level, lastDay));
            if (result.Outcome == LevelChangeOutcome.Changed)
            {
                before.Add(new HeldBefore(granted.SkillId, held is null ? null : result.Before));
            }
        }
        return before;
    }

    /// <summary>
    /// Gives back the levels a completion replaced. A skill changed since (by hand, by import, by another course) is
    /// left as it is now: the later change is the one someone meant. A skill the completion added is removed.
    /// Answers the skills given back.
    /// </summary>
    public static IReadOnlyList<int> RestoreSkills(Advisor advisor, int courseId, DateOnly lastDay, IEnumerable<HeldBefore> before)
    {
        var restored = new List<int>();
        foreach (var previous in before)
        {
            var held = advisor.Skills.SingleOrDefault(s => s.SkillId == previous.SkillId);
            if (held is null || held.Source != CertificationSource.Course || held.CourseId != courseId || held.CertifiedOn != lastDay)
            {
                continue;
            }
            if (previous.Level is { } level)
            {
                held.Level = level.Level;
                held.CertifiedOn = level.CertifiedOn;
                held.Source = level.Source;
                held.CourseId = level.CourseId;
                held.SetBy = level.SetBy;
            }
            else
            {
                advisor.Skills.Remove(held);
            }
            restored.Add(previous.SkillId);
        }
        return restored;
    }
}
