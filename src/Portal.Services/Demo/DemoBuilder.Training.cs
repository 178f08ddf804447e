using Portal.Domain.Advisors;
using Portal.Domain.Regions;
using Portal.Domain.Skills;
using Portal.Domain.Time;
using Portal.Domain.Training;
using static Portal.Services.Demo.DemoReferenceData;

namespace Portal.Services.Demo;

internal sealed partial class DemoBuilder
{
    private const int SessionSize = 11;

    private void AddTraining(DemoCatalog.RegionFact fact, Region region, List<Advisor> advisors)
    {
        var active = advisors.Where(a => a.Active).OrderBy(_ => random.Next()).ToList();
        var completed = (int)Math.Round(active.Count * fact.RequiredTrainingCompleted);
        var planned = (int)Math.Round(active.Count * fact.RequiredTrainingPlanned);
        var completers = active.Take(completed).ToList();
        var plannedOnes = active.Skip(completed).Take(planned).ToList();
        var rest = active.Skip(completed + planned).ToList();
        // A tenth of the others completed the sales module only: partial completion.
        var salesOnly = rest.Take(rest.Count / 10).ToList();
        var failures = new Queue<Advisor>(rest.Skip(salesOnly.Count));

        // Past sessions: before NC's switch for NC, over the last half year elsewhere.
        var lastPastWeek = region.Status == RegionStatus.Switched
            ? LocalCalendar.MondayOf(region.ActualSwitchDate!.Value).AddDays(-14)
            : thisMonday.AddDays(-14);
        var firstPastWeek = lastPastWeek.AddDays(-26 * 7);

        foreach (var group in Chunks(completers))
        {
            var week = RandomWeek(firstPastWeek, lastPastWeek);
            PastSession(region, CrossSkillingSales, group, week, failures);
            PastSession(region, CrossSkillingTechnical, group, week.AddDays(7), failures);
        }
        foreach (var group in Chunks(salesOnly))
        {
            PastSession(region, CrossSkillingSales, group, RandomWeek(firstPastWeek, lastPastWeek.AddDays(7)), failures);
        }
        // Planned sessions before the region's planned switch lift its training completion.
        foreach (var group in Chunks(plannedOnes))
        {
            PlannedSession(region, CrossSkillingSales, group, thisMonday.AddDays(7));
            PlannedSession(region, CrossSkillingTechnical, group, thisMonday.AddDays(14));
        }
        if (fact.Code == "BPL")
        {
            // Written-channel sessions with seats still open.
            foreach (var group in Chunks(rest.Where(a => !a.Skills.Any(s => s.SkillId == Written)).Take(24).ToList()))
            {
                PlannedSession(region, WrittenChannels, group.Take(8).ToList(), thisMonday.AddDays(21));
            }
        }
    }

    private IEnumerable<List<Advisor>> Chunks(List<Advisor> advisors) =>
        advisors.GroupBy(a => a.SiteId).SelectMany(site => site.Chunk(SessionSize)).Select(c => c.ToList());

    private DateOnly RandomWeek(DateOnly first, DateOnly last) =>
        first.AddDays(7 * random.Next(0, ((last.DayNumber - first.DayNumber) / 7) + 1));

    private TrainingSession NewSession(Region region, int courseId, int siteId, DateOnly week)
    {
        var course = data.Courses.First(c => c.Id == courseId);
        var session = new TrainingSession
        {
            Id = data.Sessions.Count + 1, CourseId = courseId, RegionId = region.Id, SiteId = siteId,
            Trainer = DemoCatalog.Trainers[random.Next(DemoCatalog.Trainers.Length)], Capacity = course.SessionCapacity,
        };
        var day = week;
        while (session.Days.Count < course.Days)
        {
            if (FrenchHolidays.IsTrainingDay(day) && day.DayOfWeek != DayOfWeek.Saturday)
            {
                var sessionDay = new SessionDay { Id = nextSessionDayId++, SessionId = session.Id, Date = day };
                session.Days.Add(sessionDay);
                data.SessionDays.Add(sessionDay);
            }
            day = day.AddDays(1);
        }
        data.Sessions.Add(session);
        return session;
    }

    private void PastSession(Region region, int courseId, List<Advisor> group, DateOnly week, Queue<Advisor> failures)
    {
        var session = NewSession(region, courseId, group[0].SiteId, week);
        foreach (var advisor in group)
        {
            Enrol(session, advisor, EnrolmentStatus.Completed);
            GrantFromCourse(advisor, courseId, session.LastDay);
        }
        // One seat in three sessions went to someone who failed, did not come, or was withdrawn beforehand.
        if (failures.Count > 0 && random.Next(3) == 0)
        {
            var status = random.Next(5) switch { 0 => EnrolmentStatus.Cancelled, 1 or 2 => EnrolmentStatus.Failed, _ => EnrolmentStatus.NoShow };
            Enrol(session, failures.Dequeue(), status);
        }
    }

    private void PlannedSession(Region region, int courseId, List<Advisor> group, DateOnly week)
    {
        var session = NewSession(region, courseId, group[0].SiteId, week);
        foreach (var advisor in group)
        {
            Enrol(session, advisor, EnrolmentStatus.Planned);
        }
    }

    private void Enrol(TrainingSession session, Advisor advisor, EnrolmentStatus status)
    {
        var enrolment = new Enrolment
        {
            Id = nextEnrolmentId++, SessionId = session.Id, AdvisorId = advisor.Id, Status = status,
            CompletedOn = status == EnrolmentStatus.Completed ? session.LastDay : null,
        };
        if (status is not (EnrolmentStatus.Planned or EnrolmentStatus.Cancelled))
        {
            foreach (var day in session.Days)
            {
                data.Attendances.Add(new Attendance { EnrolmentId = enrolment.Id, SessionDayId = day.Id, Present = status != EnrolmentStatus.NoShow });
            }
        }
        data.Enrolments.Add(enrolment);
    }

    /// <summary>Completion grants the course's skills: the higher of the current and the granted level (<see cref="Advisor.SetSkill"/>).</summary>
    private void GrantFromCourse(Advisor advisor, int courseId, DateOnly on)
    {
        foreach (var grant in data.Courses.First(c => c.Id == courseId).GrantedSkills)
        {
            var result = advisor.SetSkill(LevelChange.ByCourse(courseId, grant.SkillId, grant.Level, on));
            if (result.Added)
            {
                data.AdvisorSkills.Add(result.Skill!);
            }
        }
    }
}
