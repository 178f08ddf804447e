using Microsoft.EntityFrameworkCore;
using Portal.Domain.Coverage;
using Portal.Domain.Time;
using Portal.Services.Coverage;
using Portal.Services.Data;

namespace Portal.Services.Training;

/// <summary>
/// What a change to the training plan does to the region's coverage: the coverage engine run on the affected days
/// twice, with the training days as they are and as they would be, on every channel. A core half-hour is listed when
/// the change makes it lower and leaves it below the floor; one already below and left as it was is not the change's doing.
/// </summary>
internal static class TrainingSessionCoverage
{
    public static async Task<IReadOnlyList<CoverageDrop>> DropsAsync(PortalDbContext db, int regionId,
        IReadOnlyCollection<(int AdvisorId, DateOnly Date)> added, IReadOnlyCollection<(int AdvisorId, DateOnly Date)> removed,
        double floor, CancellationToken cancellationToken)
    {
        var days = added.Select(a => a.Date).Concat(removed.Select(r => r.Date)).Distinct().Order().ToList();
        if (days.Count == 0 || added.Count == 0)
        {
            return [];
        }
        var channels = await db.Channels.AsNoTracking().Include(c => c.OpeningHours).Include(c => c.RequiredSkills)
            .AsSplitQuery().OrderBy(c => c.Id).ToListAsync(cancellationToken);
        var calculator = new CoverageCalculator(LocalCalendar.Paris);
        var drops = new List<CoverageDrop>();
        foreach (var week in days.GroupBy(LocalCalendar.MondayOf))
        {
            foreach (var channel in channels)
            {
                var before = await CoverageService.LoadInputsAsync(db, regionId, channel, week.Key, cancellationToken);
                var training = before.TrainingDays.ToHashSet();
                training.ExceptWith(removed);
                training.UnionWith(added);
                var after = new CoverageInputs
                {
                    Region = before.Region,
                    Channel = before.Channel,
                    Demand = before.Demand,
                    Shifts = before.Shifts,
                    Certified = before.Certified,
                    TrainingDays = training,
                    Absences = before.Absences,
                    Capacities = before.Capacities,
                };
                foreach (var day in week)
                {
                    var cellsBefore = calculator.Compute(before, day, 1)[0].Cells;
                    var cellsAfter = calculator.Compute(after, day, 1)[0].Cells;
                    drops.AddRange(cellsBefore.Zip(cellsAfter)
                        .Where(c => c.Second.Slot == SlotClass.Core && c.Second.Required > 0
                            && c.Second.Coverage < floor && c.Second.Coverage < c.First.Coverage)
                        .Select(c => new CoverageDrop(day, c.Second.Interval.LocalTime, channel.Code, c.First.Coverage, c.Second.Coverage)));
                }
            }
        }
        return drops.OrderBy(d => d.Day).ThenBy(d => d.Time).ThenBy(d => d.Channel, StringComparer.Ordinal).ToList();
    }
}
