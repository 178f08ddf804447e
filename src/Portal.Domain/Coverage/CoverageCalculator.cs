using Portal.Domain.Channels;
using Portal.Domain.Staffing;
using Portal.Domain.Subcontracting;
using Portal.Domain.Time;

namespace Portal.Domain.Coverage;

/// <summary>
/// Coverage of a region on a channel, interval by interval (specification section 5): the staff to schedule
/// (section 4) against supply counted in priority order — the region's in-house advisors on shift on the channel,
/// certified (level 2 or more) in its skills, not training and not absent that day; then subcontracted and offshore
/// capacity serving the region, which counts in every slot before the region's switch and only in evening, night
/// and weekend slots from its switch date on.
/// </summary>
/// <param name="calendar">The local calendar of the intervals.</param>
/// <param name="groupShifts">
/// False tests every interval against every shift one by one: the straightforward scan, kept as the baseline the
/// grouped count is measured and checked against.
/// </param>
public sealed class CoverageCalculator(LocalCalendar calendar, bool groupShifts = true)
{
    // A forecast repeats its weekly profile: the same interval demand comes back week after week, and sizing it (Erlang C)
    // is most of the work when many weeks are computed with one calculator (the readiness outlook).
    private readonly Dictionary<StaffingInput, StaffingResult> sized = [];

    public IReadOnlyList<CoverageDay> Compute(CoverageInputs inputs, DateOnly firstDay, int days)
    {
        var shiftsByDate = inputs.Shifts.ToLookup(s => s.Date);
        var patternsByDate = inputs.ShiftGroups.ToLookup(p => p.Shift.Date);
        var absent = AbsentDays(inputs);

        var result = new List<CoverageDay>(days);
        var carried = (Contacts: 0.0, Workload: 0.0);
        for (var d = 0; d < days; d++)
        {
            var date = firstDay.AddDays(d);
            var intervals = calendar.IntervalsOf(date);
            var demand = DemandOf(inputs, date, intervals, ref carried);
            var onShift = ShiftGroups(inputs, shiftsByDate[date].Concat(shiftsByDate[date.AddDays(-1)].Where(s => s.End <= s.Start)), absent, groupShifts);
            onShift.AddRange(patternsByDate[date].Concat(patternsByDate[date.AddDays(-1)].Where(p => p.Shift.End <= p.Shift.Start))
                .Select(p => (p.Shift, Availability.Available, p.Count)));
            var cells = new CoverageCell[intervals.Count];
            for (var i = 0; i < intervals.Count; i++)
            {
                cells[i] = Cell(inputs, intervals[i], demand[i], onShift);
            }
            result.Add(new CoverageDay(date, cells));
        }
        return result;
    }

    /// <summary>
    /// Days already computed, counted again after a change of shifts: a shift moves supply, never demand, so each cell
    /// keeps its demand and requirement and only its supply is counted from <paramref name="inputs"/> (which need no
    /// demand). Computing a day alone would not do: email carries a closed day's e-mails to the next open one.
    /// </summary>
    public static IReadOnlyList<CoverageDay> Resupply(CoverageInputs inputs, IEnumerable<CoverageDay> days)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(days);
        var shiftsByDate = inputs.Shifts.ToLookup(s => s.Date);
        var patternsByDate = inputs.ShiftGroups.ToLookup(p => p.Shift.Date);
        var absent = AbsentDays(inputs);
        return days.Select(day =>
            {
                var onShift = ShiftGroups(inputs, shiftsByDate[day.Date].Concat(shiftsByDate[day.Date.AddDays(-1)].Where(s => s.End <= s.Start)), absent);
                onShift.AddRange(patternsByDate[day.Date].Concat(patternsByDate[day.Date.AddDays(-1)].Where(p => p.Shift.End <= p.Shift.Start))
                    .Select(p => (p.Shift, Availability.Available, p.Count)));
                return new CoverageDay(day.Date, day.Cells.Select(c => Cell(inputs, c.Interval, (c.Contacts, c.AverageHandlingSeconds, c.Requirement), onShift)).ToList());
            })
            .ToList();
    }

    private static HashSet<(int, DateOnly)> AbsentDays(CoverageInputs inputs)
    {
        var absent = new HashSet<(int, DateOnly)>();
        foreach (var absence in inputs.Absences)
        {
            for (var day = absence.FirstDay; day <= absence.LastDay; day = day.AddDays(1))
            {
                absent.Add((absence.AdvisorId, day));
            }
        }
        return absent;
    }

    private enum Availability
    {
        Available = 0,
        Training = 1,
        Absent = 2,
        NotCertified = 3,
    }

    /// <summary>
    /// The day's shifts counted by hours and availability: advisors share a few shift patterns, so the intervals are
    /// tested against a handful of groups rather than against every shift.
    /// </summary>
    private static List<(PlannedShift Shift, Availability Availability, int Count)> ShiftGroups(CoverageInputs inputs,
        IEnumerable<PlannedShift> shifts, HashSet<(int, DateOnly)> absent, bool groupShifts = true)
    {
        // A training day or an absence removes the advisor whatever the skills; they are named first. A shift
        // belongs to the day it starts: a night shift is judged on that day's training and absence, whole.
        Availability Of(PlannedShift shift) =>
            inputs.TrainingDays.Contains((shift.AdvisorId, shift.Date)) ? Availability.Training
            : absent.Contains((shift.AdvisorId, shift.Date)) ? Availability.Absent
            : inputs.Certified.Contains(shift.AdvisorId) ? Availability.Available
            : Availability.NotCertified;

        return groupShifts
            ? shifts.GroupBy(shift => (shift.Date, shift.Start, shift.End, shift.Break, Availability: Of(shift)))
                .Select(g => (g.First(), g.Key.Availability, g.Count()))
                .ToList()
            : shifts.Select(shift => (shift, Of(shift), 1)).ToList();
    }

    private static CoverageCell Cell(CoverageInputs inputs, Interval interval, (double Contacts, double Aht, StaffingResult Requirement) demand,
        List<(PlannedShift Shift, Availability Availability, int Count)> onShift)
    {
        var slot = SlotClasses.Of(interval);
        Span<int> counts = stackalloc int[4];
        var onBreak = 0;
        foreach (var (shift, availability, count) in onShift)
        {
            if (shift.Covers(interval.LocalStart))
            {
                counts[(int)availability] += count;
            }
            else if (availability == Availability.Available && shift.OnBreak(interval.LocalStart))
            {
                onBreak += count;
            }
        }

        int subcontracted = 0, excluded = 0;
        var countsSubcontractors = !inputs.Region.IsSwitchedOn(interval.LocalDate) || slot != SlotClass.Core;
        foreach (var capacity in inputs.Capacities)
        {
            if (!Serves(capacity, interval))
            {
                continue;
            }
            if (countsSubcontractors)
            {
                subcontracted += capacity.Agents;
            }
            else
            {
                excluded += capacity.Agents;
            }
        }

        return new CoverageCell(interval, slot, demand.Contacts, demand.Aht, demand.Requirement, counts[(int)Availability.Available], subcontracted,
            new SupplyLosses(counts[(int)Availability.Training], counts[(int)Availability.Absent], counts[(int)Availability.NotCertified], excluded, onBreak));
    }

    private static bool Serves(SubcontractorCapacity capacity, Interval interval)
    {
        var time = interval.LocalTime;
        var untilMidnight = capacity.To == TimeOnly.MinValue;
        return capacity.Days.Includes(interval.LocalDate.DayOfWeek)
               && time >= capacity.From
               && (untilMidnight || time < capacity.To);
    }

    /// <summary>
    /// The demand and requirement of each interval of a day. Voice and chat are queues (Erlang C). Email has none:
    /// a day's e-mails are spread evenly over the day's open intervals as workload, since each must be answered
    /// within its 24-hour window rather than in the interval it arrives; the e-mails of a day with no open interval
    /// are carried to the next day that has one. Handling time is the contact-weighted average of the day's.
    /// Stored demand is read as it is, whatever it holds: an interval whose contacts or handling time no queue can be
    /// sized for (beyond <see cref="ErlangC.MaxAgents"/>, or not a number) is returned as unstaffable rather than
    /// failing the week; for email, the day it falls in is.
    /// </summary>
    private StaffingResult Sized(StaffingInput input, Func<StaffingInput, StaffingResult> size)
    {
        if (!sized.TryGetValue(input, out var result))
        {
            result = size(input);
            sized[input] = result;
        }
        return result;
    }

    private (double Contacts, double Aht, StaffingResult Requirement)[] DemandOf(CoverageInputs inputs, DateOnly date,
        IReadOnlyList<Interval> intervals, ref (double Contacts, double Workload) carried)
    {
        var channel = inputs.Channel;
        var result = new (double, double, StaffingResult)[intervals.Count];
        var open = intervals.Select(i => channel.IsOpen(date, i.LocalTime)).ToArray();
        if (channel.Kind == ChannelKind.Email)
        {
            var dayContacts = carried.Contacts;
            var workload = carried.Workload;
            var unusable = false;
            foreach (var interval in intervals)
            {
                var (contacts, aht) = inputs.Demand.GetValueOrDefault(interval.StartUtc);
                unusable |= !Usable(contacts, aht);
                dayContacts += contacts;
                workload += contacts * (aht > 0 ? aht : channel.AverageHandlingSeconds);
            }
            var openCount = open.Count(o => o);
            if (openCount == 0)
            {
                carried = (dayContacts, workload);
                return intervals.Select(_ => (0.0, (double)channel.AverageHandlingSeconds, StaffingResult.None)).ToArray();
            }
            carried = (0, 0);
            var averageAht = dayContacts > 0 ? workload / dayContacts : channel.AverageHandlingSeconds;
            for (var i = 0; i < intervals.Count; i++)
            {
                var contacts = open[i] ? dayContacts / openCount : 0;
                result[i] = (contacts, averageAht,
                    !open[i] ? StaffingResult.None
                    : unusable || !Usable(contacts, averageAht) ? StaffingResult.CannotBeStaffed(contacts)
                    : contacts > 0 ? Sized(Input(channel, contacts, averageAht), ErlangC.ForWorkload)
                    : StaffingResult.None);
            }
            return result;
        }

        for (var i = 0; i < intervals.Count; i++)
        {
            var (contacts, aht) = inputs.Demand.GetValueOrDefault(intervals[i].StartUtc);
            aht = aht > 0 ? aht : channel.AverageHandlingSeconds;
            result[i] = !open[i] ? (0, aht, StaffingResult.None)
                : !Usable(contacts, aht) ? (contacts, aht, StaffingResult.CannotBeStaffed(contacts))
                : contacts > 0 ? (contacts, aht, Sized(Input(channel, contacts, aht), ErlangC.Required))
                : (contacts, aht, StaffingResult.None);
        }
        return result;
    }

    // Negative, infinite or missing numbers can only come from a stored row no import should have let in.
    private static bool Usable(double contacts, double aht) => contacts >= 0 && double.IsFinite(contacts) && double.IsFinite(aht);

    public static StaffingInput Input(Channel channel, double contacts, double averageHandlingSeconds) => new(
        contacts, averageHandlingSeconds, Interval.Seconds, channel.ServiceLevelTarget, channel.TargetAnswerSeconds,
        channel.Shrinkage, channel.MaxOccupancy, channel.Concurrency);
}
