using Portal.Domain.Advisors;
using Portal.Domain.Assignments;
using Portal.Domain.Audit;
using Portal.Domain.Forecast;
using Portal.Domain.Regions;
using Portal.Domain.Sites;
using Portal.Domain.Skills;
using Portal.Domain.Subcontracting;
using Portal.Domain.Time;
using Portal.Domain.Training;
using static Portal.Services.Demo.DemoReferenceData;

namespace Portal.Services.Demo;

/// <summary>
/// Builds the demo of the specification's section 8 in memory, deterministically: the same date and the
/// same seed give the same data. Dates are placed around <c>today</c>: NC switched 8 weeks ago, BPL plans
/// its switch on the Monday three weeks ahead, shifts run from last week's Monday to five weeks ahead.
/// </summary>
internal sealed class DemoBuilder
{
    public const int Seed = 20_260_101;
    private const int SessionSize = 11;

    private readonly Random random = new(Seed);
    private readonly DateOnly today;
    private readonly DateOnly thisMonday;
    private readonly LocalCalendar calendar;
    private readonly DemoData data = new();
    private int nextAdvisorId = 1;
    private int nextSessionDayId = 1;
    private int nextEnrolmentId = 1;

    public DemoBuilder(DateOnly today, LocalCalendar calendar)
    {
        this.today = today;
        this.calendar = calendar;
        thisMonday = LocalCalendar.MondayOf(today);
    }

    public DateOnly FirstShiftDay => thisMonday.AddDays(-7);
    public DateOnly LastShiftDay => thisMonday.AddDays((6 * 7) - 1);
    public DateOnly BplPlannedSwitch => thisMonday.AddDays(21);

    public DemoData Build()
    {
        data.Skills.AddRange(DemoReferenceData.Skills());
        data.Channels.AddRange(DemoReferenceData.Channels());
        data.Courses.AddRange(Courses());
        AddRegions();
        foreach (var (fact, region) in DemoCatalog.Regions.Zip(data.Regions))
        {
            var inHouse = AddSites(fact, region);
            var advisors = AddAdvisors(fact, inHouse);
            AddTraining(fact, region, advisors);
        }
        AddVersatility();
        AddCapacities();
        AddForecast();
        AddShiftsAndAbsences();
        AddAudit();
        return data;
    }

    private void AddRegions()
    {
        var planned = BplPlannedSwitch;
        for (var i = 0; i < DemoCatalog.Regions.Length; i++)
        {
            var fact = DemoCatalog.Regions[i];
            var region = new Region { Id = i + 1, Code = fact.Code, Name = fact.Name, Customers = fact.Customers, Wave = i + 1 };
            if (i == 0)
            {
                region.PlannedSwitchDate = today.AddDays(-56);
                region.ActualSwitchDate = region.PlannedSwitchDate;
                region.Status = RegionStatus.Switched;
            }
            else if (i == 1)
            {
                region.PlannedSwitchDate = planned;
                region.Status = RegionStatus.Preparing;
            }
            else
            {
                planned = planned.AddDays(7 * DemoCatalog.WeeksBetweenWaves[i - 2]);
                region.PlannedSwitchDate = planned;
                region.Status = RegionStatus.Planned;
            }
            data.Regions.Add(region);
        }
    }

    private List<Site> AddSites(DemoCatalog.RegionFact fact, Region region)
    {
        var inHouse = new List<Site>();
        foreach (var city in fact.Cities.Take(fact.InHouseSites))
        {
            var site = new Site { Id = data.Sites.Count + 1, Name = $"Plateau {city}", City = city, RegionId = region.Id, Kind = SiteKind.InHouse };
            inHouse.Add(site);
            data.Sites.Add(site);
        }
        for (var i = 0; i < fact.SubcontractedSites; i++)
        {
            var index = data.Sites.Count(s => s.Kind == SiteKind.Subcontracted);
            var city = DemoCatalog.SubcontractorCities[index % DemoCatalog.SubcontractorCities.Length];
            var name = DemoCatalog.SubcontractorNames[index % DemoCatalog.SubcontractorNames.Length];
            data.Sites.Add(new Site
            {
                Id = data.Sites.Count + 1, Name = $"{name} {city} ({fact.Code})", City = city, RegionId = region.Id,
                Kind = SiteKind.Subcontracted, Seats = random.Next(60, 201),
            });
        }
        for (var i = 0; i < fact.OffshoreSites; i++)
        {
            var index = data.Sites.Count(s => s.Kind == SiteKind.Offshore);
            var (name, city) = DemoCatalog.OffshoreSites[index];
            data.Sites.Add(new Site
            {
                Id = data.Sites.Count + 1, Name = $"{name} {city}", City = city, RegionId = region.Id,
                Kind = SiteKind.Offshore, Seats = random.Next(150, 401),
            });
        }
        return inHouse;
    }

    private List<Advisor> AddAdvisors(DemoCatalog.RegionFact fact, List<Site> sites)
    {
        var count = fact.Customers / DemoCatalog.CustomersPerAdvisor;
        var weights = sites.Select((_, i) => i == 0 ? 1.6 : 0.7 + (random.NextDouble() * 0.6)).ToArray();
        var total = weights.Sum();
        var advisors = new List<Advisor>(count);
        for (var s = 0; s < sites.Count; s++)
        {
            var onSite = s == sites.Count - 1 ? count - advisors.Count : (int)Math.Round(count * weights[s] / total);
            var teams = TeamCount(onSite);
            for (var i = 0; i < onSite; i++)
            {
                var advisor = NewAdvisor(sites[s]);
                // Teams are dealt in turn, not drawn: the random sequence, and so every other demo figure, stays as it was.
                advisor.Team = TeamName((i % teams) + 1);
                advisors.Add(advisor);
            }
            sites[s].Seats = (int)Math.Ceiling(onSite * 0.85);
        }
        data.Advisors.AddRange(advisors);
        return advisors;
    }

    /// <summary>Teams of at most <see cref="DemoCatalog.LargestTeam"/> advisors, as many as that needs.</summary>
    internal static int TeamCount(int advisorsOnSite) => Math.Max(1, (advisorsOnSite + DemoCatalog.LargestTeam - 1) / DemoCatalog.LargestTeam);

    internal static string TeamName(int number) => $"Équipe {number}";

    private Advisor NewAdvisor(Site site)
    {
        var id = nextAdvisorId++;
        var roll = random.NextDouble();
        var advisor = new Advisor
        {
            Id = id,
            EmployeeNumber = $"E{100000 + id}",
            FirstName = DemoCatalog.FirstNames[random.Next(DemoCatalog.FirstNames.Length)],
            LastName = DemoCatalog.LastNames[random.Next(DemoCatalog.LastNames.Length)],
            SiteId = site.Id,
            WorkingTimePercent = roll < 0.80 ? 100 : roll < 0.95 ? 80 : 50,
            Active = random.NextDouble() >= 0.03,
        };
        AddInitialSkills(advisor);
        return advisor;
    }

    private void AddInitialSkills(Advisor advisor)
    {
        var trainee = random.NextDouble() < 0.05;
        var profile = random.NextDouble();
        if (profile < 0.55)
        {
            Grant(advisor, MobileSales, trainee ? 1 : random.Next(2, 5));
            Grant(advisor, BroadbandSales, trainee ? 1 : random.Next(2, 5));
            if (random.NextDouble() < 0.7) Grant(advisor, Billing, random.Next(1, 4));
            if (random.NextDouble() < 0.2) Grant(advisor, Retention, random.Next(2, 4));
        }
        else
        {
            Grant(advisor, MobileTechnical, trainee ? 1 : random.Next(2, 5));
            Grant(advisor, BroadbandTechnical, trainee ? 1 : random.Next(2, 5));
            if (random.NextDouble() < 0.2) Grant(advisor, Billing, random.Next(1, 3));
        }
        // Some advisors were already versatile before the cross-skilling programme.
        if (!trainee && random.NextDouble() < 0.15)
        {
            Grant(advisor, profile < 0.55 ? BroadbandTechnical : BroadbandSales, 2);
        }
        if (random.NextDouble() < 0.30) Grant(advisor, Written, random.Next(2, 4));
    }

    private void Grant(Advisor advisor, int skillId, int level)
    {
        if (advisor.Skills.Any(s => s.SkillId == skillId))
        {
            return;
        }
        var skill = new AdvisorSkill
        {
            AdvisorId = advisor.Id, SkillId = skillId, Level = (ProficiencyLevel)level,
            CertifiedOn = today.AddDays(-random.Next(200, 2000)), Source = CertificationSource.Initial,
        };
        advisor.Skills.Add(skill);
        data.AdvisorSkills.Add(skill);
    }

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

    /// <summary>
    /// Voice asks for both broadband skills, and the regions that have not cross-skilled yet still need enough
    /// advisors who hold them to answer their calls: some were versatile before the programme. The share is raised
    /// region by region to what the demo's voice demand needs; training records are not touched, so the
    /// regionalisation training gate reads the same. A random source of its own keeps the rest of the demo as it was.
    /// </summary>
    private void AddVersatility()
    {
        var versatility = new Random(Seed + 2);
        var inHouse = data.Sites.Where(s => s.Kind == SiteKind.InHouse).ToDictionary(s => s.Id, s => s.RegionId);
        bool Holds(Advisor advisor, int skill) => advisor.Skills.Any(s => s.SkillId == skill && s.Level >= ProficiencyLevel.Certified);
        foreach (var region in data.Regions)
        {
            var active = data.Advisors.Where(a => a.Active && inHouse.TryGetValue(a.SiteId, out var r) && r == region.Id).ToList();
            var missing = (int)Math.Ceiling(active.Count * VoiceCertifiedShare) - active.Count(a => Holds(a, BroadbandSales) && Holds(a, BroadbandTechnical));
            var candidates = active.Where(a => Holds(a, BroadbandSales) != Holds(a, BroadbandTechnical)).OrderBy(_ => versatility.Next()).Take(Math.Max(0, missing));
            foreach (var advisor in candidates)
            {
                var skillId = Holds(advisor, BroadbandSales) ? BroadbandTechnical : BroadbandSales;
                var held = advisor.Skills.FirstOrDefault(s => s.SkillId == skillId);
                if (held is null)
                {
                    held = new AdvisorSkill { AdvisorId = advisor.Id, SkillId = skillId, Source = CertificationSource.Initial };
                    advisor.Skills.Add(held);
                    data.AdvisorSkills.Add(held);
                }
                held.Level = ProficiencyLevel.Certified;
                held.CertifiedOn = today.AddDays(-versatility.Next(400, 2000));
            }
        }
    }

    /// <summary>Share of a region's active in-house advisors certified for voice that its demand needs (docs/adr/0014).</summary>
    private const double VoiceCertifiedShare = 0.75;

    private void AddShiftsAndAbsences()
    {
        // Shifts and absences draw from a random source of their own, so that planning never shifts the other data.
        var planning = new Random(Seed + 1);
        var absenceId = 1;
        var weeks = (LastShiftDay.DayNumber - FirstShiftDay.DayNumber + 1) / 7;
        var inHouse = data.Sites.Where(s => s.Kind == SiteKind.InHouse).Select(s => s.Id).ToHashSet();
        foreach (var advisor in data.Advisors.Where(a => a.Active && inHouse.Contains(a.SiteId)))
        {
            var roll = planning.NextDouble();
            if (roll < 0.04)
            {
                var monday = FirstShiftDay.AddDays(7 * planning.Next(weeks));
                data.Absences.Add(new Absence { Id = absenceId++, AdvisorId = advisor.Id, FirstDay = monday, LastDay = monday.AddDays(4), Kind = AbsenceKind.Leave });
            }
            else if (roll < 0.055)
            {
                var first = FirstShiftDay.AddDays(planning.Next(weeks * 7));
                data.Absences.Add(new Absence { Id = absenceId++, AdvisorId = advisor.Id, FirstDay = first, LastDay = first.AddDays(planning.Next(0, 3)), Kind = AbsenceKind.Sickness });
            }
        }

        // Leave is booked ahead and the planner works around it; sickness comes unannounced and leaves its shifts.
        var onLeave = new HashSet<(int, DateOnly)>();
        foreach (var leave in data.Absences.Where(a => a.Kind == AbsenceKind.Leave))
        {
            for (var day = leave.FirstDay; day <= leave.LastDay; day = day.AddDays(1))
            {
                onLeave.Add((leave.AdvisorId, day));
            }
        }
        new DemoShiftPlanner(data, calendar, FirstShiftDay, weeks, planning).Plan(onLeave);

        // The weeks up to next week are published in every region; later weeks are drafts (docs/adr/0020).
        var publishedId = 1;
        foreach (var region in data.Regions)
        {
            for (var monday = FirstShiftDay; monday <= thisMonday.AddDays(7); monday = monday.AddDays(7))
            {
                data.PublishedWeeks.Add(new PublishedWeek
                {
                    Id = publishedId++, RegionId = region.Id, Monday = monday,
                    PublishedAtUtc = calendar.ToUtc(monday.AddDays(-4).ToDateTime(new TimeOnly(17, 0))), PublishedBy = "demo",
                });
            }
        }
    }

    private void AddCapacities()
    {
        var id = 1;
        var evening = (From: new TimeOnly(20, 0), To: new TimeOnly(22, 0));
        var weekend = (From: new TimeOnly(8, 0), To: new TimeOnly(22, 0));
        foreach (var site in data.Sites.Where(s => s.Kind != SiteKind.InHouse))
        {
            var offshore = site.Kind == SiteKind.Offshore;
            Add(site, Voice, Weekdays.MondayToFriday, evening, offshore ? random.Next(30, 81) : random.Next(15, 41));
            Add(site, Voice, Weekdays.Weekend, weekend, offshore ? random.Next(30, 81) : random.Next(20, 51));
            if (offshore || random.Next(2) == 0)
            {
                Add(site, Chat, Weekdays.MondayToFriday, evening, random.Next(5, 16));
                Add(site, Chat, Weekdays.Weekend, weekend, random.Next(5, 16));
            }
            if (offshore)
            {
                Add(site, Chat, Weekdays.All, (new TimeOnly(22, 0), new TimeOnly(23, 0)), random.Next(4, 11));
            }
        }

        void Add(Site site, int channel, Weekdays days, (TimeOnly From, TimeOnly To) range, int agents) =>
            data.Capacities.Add(new SubcontractorCapacity
            {
                Id = id++, SiteId = site.Id, RegionId = site.RegionId, ChannelId = channel, Days = days,
                From = range.From, To = range.To, Agents = agents,
            });
    }

    private void AddForecast()
    {
        var generator = new ForecastGenerator(calendar);
        var totalCustomers = (double)data.Regions.Sum(r => r.Customers);
        long id = 1;
        foreach (var region in data.Regions)
        {
            foreach (var channel in data.Channels)
            {
                foreach (var point in generator.Generate(channel, region.Customers / totalCustomers, FirstShiftDay, LastShiftDay))
                {
                    data.Forecast.Add(new ForecastInterval
                    {
                        Id = id++, RegionId = region.Id, ChannelId = channel.Id, LocalDate = point.Interval.LocalDate,
                        StartUtc = point.Interval.StartUtc, Contacts = Math.Round(point.Contacts, 2),
                        AverageHandlingSeconds = point.AverageHandlingSeconds, Source = ForecastSource.Generated,
                    });
                }
            }
        }
    }

    private void AddAudit()
    {
        data.Audit.Add(new AuditEntry
        {
            Id = 1,
            AtUtc = calendar.ToUtc(today.ToDateTime(TimeOnly.MinValue)),
            UserName = "system",
            Entity = DemoMarker.Entity,
            EntityKey = DemoMarker.Key,
            Action = "Create",
            After = $$"""{"Seed":{{Seed}},"Today":"{{today:yyyy-MM-dd}}"}""",
        });
        var nc = data.Regions[0];
        data.Audit.Add(new AuditEntry
        {
            Id = 2,
            AtUtc = calendar.ToUtc(nc.ActualSwitchDate!.Value.ToDateTime(new TimeOnly(9, 0))),
            UserName = DemoAccounts.National,
            Entity = "Region",
            EntityKey = nc.Code,
            RegionId = nc.Id,
            Action = "Switch",
            Before = """{"Status":"Preparing"}""",
            After = $$"""{"Status":"Switched","ActualSwitchDate":"{{nc.ActualSwitchDate:yyyy-MM-dd}}"}""",
        });
    }
}
