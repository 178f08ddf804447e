using System.Globalization;
using Portal.Domain.TrainingPlan;

namespace Portal.Domain.Tests.TrainingPlan;

/// <summary>
/// Checks a training plan against the specification (section 6 and 11) with its own reading of each rule, not the
/// planner's nor the training rules' code: seats within capacity, rooms per site and day, days distinct, as many as
/// the course has, on working days (no Sunday, no public holiday of metropolitan France, from its own calendar), an
/// advisor absent nowhere, trained once a day and at most the week limit per Monday–Sunday week, the training gate
/// reached by the date the plan claims, and every core half-hour the plan touches at the floor or above.
/// </summary>
public static class TrainingPlanChecker
{
    private static readonly Dictionary<int, DateOnly> Easter = new()
    {
        [2025] = new(2025, 4, 20),
        [2026] = new(2026, 4, 5),
        [2027] = new(2027, 3, 28),
        [2028] = new(2028, 4, 16),
    };

    public static IReadOnlyList<string> Violations(TrainingPlanInput input, TrainingPlanProposal plan)
    {
        var violations = new List<string>();
        var advisors = input.Advisors.ToDictionary(a => a.Id);
        var courses = input.Courses.ToDictionary(c => c.Id);
        var sites = input.Sites.ToDictionary(s => s.Id);
        var trainingDays = input.Advisors.ToDictionary(a => a.Id, a => a.TrainingDays.ToList());
        var rooms = new Dictionary<(int, DateOnly), int>();
        var done = new HashSet<(int Advisor, int Course, DateOnly LastDay)>();

        foreach (var session in plan.Sessions)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"{session.Course}@{session.Site} {session.Days[0]:yyyy-MM-dd}");
            if (!courses.TryGetValue(session.CourseId, out var course) || !sites.TryGetValue(session.SiteId, out var site))
            {
                violations.Add($"{name}: unknown course or site");
                continue;
            }
            if (session.Days.Count != course.Days)
            {
                violations.Add($"{name}: {session.Days.Count} days for a {course.Days}-day course");
            }
            if (session.Days.Distinct().Count() != session.Days.Count)
            {
                violations.Add($"{name}: a day given twice");
            }
            foreach (var day in session.Days)
            {
                if (day.DayOfWeek == DayOfWeek.Sunday || IsPublicHoliday(day))
                {
                    violations.Add($"{name}: {day:yyyy-MM-dd} is not a working day");
                }
                if (day < input.From)
                {
                    violations.Add($"{name}: {day:yyyy-MM-dd} is before the first plannable day");
                }
                rooms[(site.Id, day)] = rooms.GetValueOrDefault((site.Id, day)) + 1;
            }
            if (session.Advisors.Count > course.Capacity || session.Capacity > course.Capacity)
            {
                violations.Add($"{name}: {session.Advisors.Count} advisors for {course.Capacity} seats");
            }
            if (session.Advisors.Distinct().Count() != session.Advisors.Count)
            {
                violations.Add($"{name}: an advisor enrolled twice");
            }
            foreach (var id in session.Advisors)
            {
                if (!advisors.TryGetValue(id, out var advisor))
                {
                    violations.Add($"{name}: advisor {id} is not one of the region's in-house advisors");
                    continue;
                }
                if (advisor.Planned.ContainsKey(course.Id))
                {
                    violations.Add($"{name}: {advisor.EmployeeNumber} is already in a planned session of the course");
                }
                else if (!advisor.MissingCourses.Contains(course.Id))
                {
                    violations.Add($"{name}: {advisor.EmployeeNumber} does not miss the course");
                }
                if (session.Days.Any(advisor.Absent.Contains))
                {
                    violations.Add($"{name}: {advisor.EmployeeNumber} is absent on a day of the session");
                }
                trainingDays[id].AddRange(session.Days);
                done.Add((id, course.Id, session.Days.Max()));
            }
        }

        foreach (var ((siteId, day), count) in rooms)
        {
            var site = sites[siteId];
            if (count + site.Booked.GetValueOrDefault(day) > site.SessionsPerDay)
            {
                violations.Add($"{site.Code} {day:yyyy-MM-dd}: {count} sessions for {site.SessionsPerDay} rooms");
            }
        }

        foreach (var (id, days) in trainingDays)
        {
            if (days.Distinct().Count() != days.Count)
            {
                violations.Add($"{advisors[id].EmployeeNumber}: two sessions on one day");
            }
            // A calendar week runs Monday to Sunday: count the distinct days whose Monday is the same.
            foreach (var week in days.Distinct().GroupBy(d => d.AddDays(-(((int)d.DayOfWeek + 6) % 7))))
            {
                if (week.Count() > input.MaxDaysPerWeek)
                {
                    violations.Add($"{advisors[id].EmployeeNumber}: {week.Count()} training days in the week of {week.Key:yyyy-MM-dd}");
                }
            }
        }

        var claimed = plan.Reachable ? plan.Target : plan.EarliestDate;
        if (claimed is { } by)
        {
            var g2 = G2(input, done, by);
            if (g2 + 1e-9 < input.Threshold)
            {
                violations.Add(string.Create(CultureInfo.InvariantCulture, $"G2 by {by:yyyy-MM-dd} is {g2:P1}, below {input.Threshold:P0}"));
            }
        }
        var atTarget = G2(input, done, plan.Target);
        if (Math.Abs(atTarget - plan.G2AtTarget) > 1e-6)
        {
            violations.Add(string.Create(CultureInfo.InvariantCulture, $"G2 at the target is {atTarget:P1}, the plan says {plan.G2AtTarget:P1}"));
        }

        var removed = new int[input.Cells.Count];
        foreach (var session in plan.Sessions)
        {
            foreach (var id in session.Advisors.Where(advisors.ContainsKey))
            {
                foreach (var day in session.Days)
                {
                    foreach (var cell in advisors[id].Supplies.GetValueOrDefault(day) ?? [])
                    {
                        removed[cell]++;
                    }
                }
            }
        }
        var lost = 0.0;
        for (var c = 0; c < input.Cells.Count; c++)
        {
            var cell = input.Cells[c];
            if (removed[c] > 0 && cell.Required > 0)
            {
                var coverage = (cell.Supply - removed[c]) / (double)cell.Required;
                if (coverage + 1e-9 < input.CoverageFloor)
                {
                    violations.Add(string.Create(CultureInfo.InvariantCulture,
                        $"{cell.Channel} {cell.Day:yyyy-MM-dd} {cell.Time:HH\\:mm}: coverage {coverage:P0} below {input.CoverageFloor:P0}"));
                }
            }
            lost += Math.Max(0, Math.Min(cell.Supply, cell.Required) - Math.Min(cell.Supply - removed[c], cell.Required)) * 0.5;
        }
        if (Math.Abs(lost - plan.CoverageLostStaffHours) > 1e-6)
        {
            violations.Add(string.Create(CultureInfo.InvariantCulture, $"coverage lost is {lost} staff-hours, the plan says {plan.CoverageLostStaffHours}"));
        }
        return violations;
    }

    private static double G2(TrainingPlanInput input, HashSet<(int Advisor, int Course, DateOnly LastDay)> done, DateOnly by)
    {
        if (input.Advisors.Count == 0)
        {
            return 0;
        }
        // A session the advisor was already planned in counts from its last day; one ending after the date leaves the advisor short.
        var completed = input.Advisors.Count(a => a.Planned.Values.All(last => last <= by)
            && a.MissingCourses.All(c => done.Any(d => d.Advisor == a.Id && d.Course == c && d.LastDay <= by)));
        return completed / (double)input.Advisors.Count;
    }

    /// <summary>Public holidays of metropolitan France: eight fixed dates and three that follow Easter.</summary>
    public static bool IsPublicHoliday(DateOnly day)
    {
        if ((day.Month, day.Day) is (1, 1) or (5, 1) or (5, 8) or (7, 14) or (8, 15) or (11, 1) or (11, 11) or (12, 25))
        {
            return true;
        }
        if (!Easter.TryGetValue(day.Year, out var easter))
        {
            throw new ArgumentOutOfRangeException(nameof(day), day, "No Easter date known to the checker for that year.");
        }
        return day == easter.AddDays(1) || day == easter.AddDays(39) || day == easter.AddDays(50);
    }
}
