using Microsoft.EntityFrameworkCore;
using Portal.Domain.Advisors;
using Portal.Domain.Coverage;
using Portal.Domain.Sites;
using Portal.Domain.Time;
using Portal.Domain.Training;
using Portal.Domain.TrainingPlan;
using Portal.Services.Coverage;
using Portal.Services.Data;
using Portal.Services.Regions;
using Portal.Services.Training;

namespace Portal.Services.TrainingPlan;

/// <summary>
/// Reads what the training plan needs from the database: the required courses, the training gate's advisors (active,
/// in-house, of the region) with the courses they have not completed by the date and the planned sessions they are in
/// (counted from their last day, as in the readiness outlook), their absences and training days, the in-house sites and the sessions they already host,
/// and the coverage engine's core half-hours from the first plannable day to the horizon, with who supplies each.
/// </summary>
internal static class TrainingPlanFacts
{
    public static async Task<TrainingPlanInput> LoadAsync(PortalDbContext db, RegionSummary region, DateOnly target, DateOnly from, DateOnly horizon,
        int sessionsPerSiteDay, CancellationToken cancellationToken)
    {
        var settings = await EnrolmentFacts.SettingsAsync(db, cancellationToken);
        var courses = await db.Courses.AsNoTracking().Where(c => c.RequiredForRegionalisation).OrderBy(c => c.Code)
            .Select(c => new PlanCourse(c.Id, c.Code, c.Days, c.SessionCapacity)).ToListAsync(cancellationToken);
        var courseIds = courses.Select(c => c.Id).ToList();
        var advisors = db.Advisors.AsNoTracking().Where(Advisor.ActiveInHouse).Where(a => a.Site!.RegionId == region.Id);
        var people = await advisors.OrderBy(a => a.EmployeeNumber).Select(a => new { a.Id, a.EmployeeNumber, a.SiteId }).ToListAsync(cancellationToken);

        var enrolments = await advisors.Join(db.Enrolments.Where(e => courseIds.Contains(e.Session!.CourseId)), a => a.Id, e => e.AdvisorId,
                (a, e) => new { e.AdvisorId, e.Session!.CourseId, e.Status, e.CompletedOn, LastDay = e.Session.Days.Max(d => d.Date) })
            .ToListAsync(cancellationToken);
        var done = enrolments.Where(e => e.Status == EnrolmentStatus.Completed && e.CompletedOn <= target)
            .Select(e => (e.AdvisorId, e.CourseId)).ToHashSet();
        // A planned session still to end counts from its last day (the domain's PlanAdvisor.PlannedBy); one that ended
        // unrecorded is no plan.
        var planned = enrolments.Where(e => e.Status == EnrolmentStatus.Planned && e.LastDay >= from && !done.Contains((e.AdvisorId, e.CourseId)))
            .GroupBy(e => e.AdvisorId)
            .ToDictionary(g => g.Key, g => g.GroupBy(e => e.CourseId).ToDictionary(c => c.Key, c => c.Min(e => e.LastDay)));

        var weekStart = LocalCalendar.MondayOf(from);
        var training = (await advisors.Join(db.Enrolments.Where(Enrolment.InTraining), a => a.Id, e => e.AdvisorId, (a, e) => e)
                .SelectMany(e => e.Session!.Days.Where(d => d.Date >= weekStart && d.Date <= horizon), (e, d) => new { e.AdvisorId, d.Date })
                .ToListAsync(cancellationToken))
            .ToLookup(t => t.AdvisorId, t => t.Date);
        var absences = (await advisors.Join(db.Absences.Where(b => b.FirstDay <= horizon && b.LastDay >= from), a => a.Id, b => b.AdvisorId, (a, b) => b)
                .ToListAsync(cancellationToken))
            .ToLookup(b => b.AdvisorId);

        var siteRows = await db.Sites.AsNoTracking().Where(Site.InHouse).Where(s => s.RegionId == region.Id).OrderBy(s => s.Name)
            .Select(s => new { s.Id, s.Name }).ToListAsync(cancellationToken);
        var booked = (await db.TrainingSessions.AsNoTracking().Where(s => s.RegionId == region.Id)
                .SelectMany(s => s.Days.Where(d => d.Date >= from && d.Date <= horizon), (s, d) => new { s.SiteId, d.Date })
                .ToListAsync(cancellationToken))
            .GroupBy(b => b.SiteId).ToDictionary(g => g.Key, g => g.GroupBy(b => b.Date).ToDictionary(d => d.Key, d => d.Count()));
        var sites = siteRows.Select(s => new PlanSite(s.Id, s.Name, sessionsPerSiteDay,
            booked.TryGetValue(s.Id, out var days) ? days : new Dictionary<DateOnly, int>())).ToList();

        var (cells, supplies) = await CoreCellsAsync(db, region, from, horizon, cancellationToken);
        var holidays = Enumerable.Range(from.Year, horizon.Year - from.Year + 1).SelectMany(FrenchHolidays.Of).ToHashSet();
        return new TrainingPlanInput
        {
            RegionCode = region.Code,
            From = from,
            Target = target,
            Horizon = horizon,
            Courses = courses,
            Sites = sites,
            Advisors = people.Select(p =>
            {
                var booked = planned.GetValueOrDefault(p.Id) ?? [];
                return new PlanAdvisor(p.Id, p.EmployeeNumber, p.SiteId,
                    courseIds.Where(c => !done.Contains((p.Id, c)) && !booked.ContainsKey(c)).ToHashSet(),
                    absences[p.Id].SelectMany(Days).ToHashSet(),
                    training[p.Id].ToHashSet(),
                    supplies.TryGetValue(p.Id, out var s) ? s.ToDictionary(d => d.Key, d => (IReadOnlyList<int>)d.Value) : [])
                {
                    Planned = booked,
                };
            }).ToList(),
            Cells = cells,
            PublicHolidays = holidays,
            Threshold = settings.TrainingCompletionThreshold,
            MaxDaysPerWeek = settings.MaxTrainingDaysPerWeek,
            CoverageFloor = settings.TrainingPlanningFloor,
        };
    }

    private static IEnumerable<DateOnly> Days(Domain.Assignments.Absence absence)
    {
        for (var day = absence.FirstDay; day <= absence.LastDay; day = day.AddDays(1))
        {
            yield return day;
        }
    }

    /// <summary>
    /// The core half-hours with a requirement, per channel, and per advisor and day the ones the advisor supplies:
    /// on a shift starting that day, certified for the channel, neither absent nor in training (a training day takes
    /// the whole shift, as the coverage engine counts it).
    /// </summary>
    private static async Task<(List<CoreCell>, Dictionary<int, Dictionary<DateOnly, List<int>>>)> CoreCellsAsync(PortalDbContext db,
        RegionSummary region, DateOnly from, DateOnly horizon, CancellationToken cancellationToken)
    {
        var channels = await db.Channels.AsNoTracking().Include(c => c.OpeningHours).Include(c => c.RequiredSkills)
            .AsSplitQuery().OrderBy(c => c.Id).ToListAsync(cancellationToken);
        var calculator = new CoverageCalculator(LocalCalendar.Paris);
        var cells = new List<CoreCell>();
        var supplies = new Dictionary<int, Dictionary<DateOnly, List<int>>>();
        // One reading per channel for the whole window, as the readiness outlook reads its weeks: read week by week, the
        // same advisors, skills and forecast were queried again for every week and channel.
        var monday = LocalCalendar.MondayOf(from);
        foreach (var channel in channels)
        {
            var inputs = await CoverageService.LoadInputsAsync(db, region.Id, channel, monday, horizon, cancellationToken);
            var shiftsByDate = inputs.Shifts.ToLookup(s => s.Date);
            var absent = inputs.Absences.SelectMany(a => Days(a).Select(d => (a.AdvisorId, d))).ToHashSet();
            foreach (var day in calculator.Compute(inputs, monday, horizon.DayNumber - monday.DayNumber + 1).Where(d => d.Date >= from))
            {
                var core = day.Cells.Where(c => c.Slot == SlotClass.Core && c.Required > 0 && !c.Unstaffable).ToList();
                if (core.Count == 0)
                {
                    continue;
                }
                var first = cells.Count;
                cells.AddRange(core.Select(c => new CoreCell(day.Date, channel.Code, c.Interval.LocalTime, c.Supply, c.Required)));
                foreach (var shift in shiftsByDate[day.Date])
                {
                    if (!inputs.Certified.Contains(shift.AdvisorId) || inputs.TrainingDays.Contains((shift.AdvisorId, day.Date))
                        || absent.Contains((shift.AdvisorId, day.Date)))
                    {
                        continue;
                    }
                    for (var i = 0; i < core.Count; i++)
                    {
                        if (shift.Covers(core[i].Interval.LocalStart))
                        {
                            if (!supplies.TryGetValue(shift.AdvisorId, out var byDay))
                            {
                                supplies[shift.AdvisorId] = byDay = [];
                            }
                            if (!byDay.TryGetValue(day.Date, out var list))
                            {
                                byDay[day.Date] = list = [];
                            }
                            list.Add(first + i);
                        }
                    }
                }
            }
        }
        return (cells, supplies);
    }
}
