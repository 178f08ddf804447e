using Portal.Domain.Assignments;
using Portal.Domain.Coverage;
using Portal.Domain.Time;

namespace Portal.Domain.Roster;

/// <summary>The coverage of a plan on the planned channels, counted by <see cref="CoverageCalculator"/> as the coverage grid counts it.</summary>
internal static class RosterCoverage
{
    /// <summary>The channel's coverage inputs with the given in-house shifts and the advisors' skills, training days and absences.</summary>
    public static CoverageInputs Inputs(RosterRequest request, int channel, IEnumerable<Shift> shifts)
    {
        var coverage = request.Channels[channel].Coverage;
        var skills = coverage.Channel.RequiredSkills.Select(s => s.SkillId).ToList();
        return new CoverageInputs
        {
            Region = coverage.Region, Channel = coverage.Channel, Demand = coverage.Demand, Capacities = coverage.Capacities,
            Shifts = shifts.Select(s => new PlannedShift(s.AdvisorId, s.Date, s.Start, s.End, s.Break)).ToList(),
            Certified = request.Advisors.Where(a => skills.All(a.CertifiedSkills.Contains)).Select(a => a.AdvisorId).ToHashSet(),
            TrainingDays = request.Advisors.SelectMany(a => a.TrainingDays.Select(d => (a.AdvisorId, d))).ToHashSet(),
            Absences = request.Advisors.SelectMany(a => a.Absences).ToList(),
        };
    }

    public static RosterFigures Figures(RosterRequest request, LocalCalendar calendar, IReadOnlyList<IEnumerable<Shift>> shiftsByChannel)
    {
        var calculator = new CoverageCalculator(calendar);
        double uncovered = 0, core = 0, over = 0;
        for (var c = 0; c < request.Channels.Count; c++)
        {
            foreach (var cell in calculator.Compute(Inputs(request, c, shiftsByChannel[c]), request.Monday, 7).SelectMany(d => d.Cells))
            {
                if (cell.Unstaffable)
                {
                    continue;
                }
                uncovered += cell.Gap;
                core += cell.Slot == SlotClass.Core ? cell.Gap : 0;
                over += Math.Max(0, cell.Supply - cell.Required);
            }
        }
        return new RosterFigures(uncovered / 2, core / 2, over / 2);
    }
}
