using Portal.Domain.Assignments;
using Portal.Domain.Sites;

namespace Portal.Services.Demo;

internal sealed partial class DemoBuilder
{
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
}
