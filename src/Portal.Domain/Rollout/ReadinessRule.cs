using Portal.Domain.Coverage;
using Portal.Domain.Regions;
using Portal.Domain.Time;

namespace Portal.Domain.Rollout;

/// <summary>
/// A region's readiness for a switch on a date (specification section 6):
/// G1 sequence, every region of an earlier wave has switched;
/// G2 training, enough of the region's active in-house advisors completed every required course on or before the date;
/// G3 skills, on each channel the region opens, its certified in-house advisors reach the channel's peak required staff
/// in the week starting on the date;
/// G4 coverage, in that week's core slots, in-house supply covers enough of each channel's required staff-hours and no
/// core interval falls below the floor.
/// </summary>
public static class ReadinessRule
{
    // Shares are compared with a tolerance so that a threshold met exactly (8 advisors of 10 at 80%) passes.
    private const double Tolerance = 1e-9;

    /// <summary>
    /// The gates on <paramref name="date"/>. With <paramref name="withPlan"/>, a planned enrolment counts as completed
    /// on its session's last day (the outlook), for the training gate and for the skills it grants (the skills gate);
    /// without, only recorded completions count.
    /// </summary>
    public static Readiness Evaluate(ReadinessFacts facts, DateOnly date, bool withPlan = false)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return new Readiness(facts.Region.Code, date, [Sequence(facts), Training(facts, date, withPlan), Skills(facts, date, withPlan), Coverage(facts, date)]);
    }

    /// <summary>
    /// The outlook: the gates with the plan at each date, in the order given, and the earliest date at which every gate
    /// passes. Weeks beyond the stored shifts have no in-house supply, so a later date may fail again: the earliest date
    /// is the answer a director plans the switch on, and the weeks after it show what still has to be planned.
    /// Without such a date, the blocking gate is the one that fails at the most dates, as it stands at the last of them.
    /// </summary>
    public static ReadinessOutlook Outlook(ReadinessFacts facts, IEnumerable<DateOnly> dates)
    {
        var weeks = dates.Select(d => Evaluate(facts, d, withPlan: true)).ToList();
        var byDate = weeks.OrderBy(w => w.Date).ToList();
        DateOnly? earliest = byDate.FirstOrDefault(w => w.Ready)?.Date;
        Gate? blocking = null;
        if (earliest is null && byDate.Count > 0)
        {
            var code = byDate.SelectMany(w => w.Gates).Where(g => !g.Passes).GroupBy(g => g.Code)
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
            blocking = byDate.Last(w => !w[code].Passes)[code];
        }
        return new ReadinessOutlook(facts.Region.Code, weeks, earliest, blocking);
    }

    /// <summary>
    /// The dates the outlook evaluates: the planned switch date first, then every Monday from the coming one (the first
    /// after today) to <paramref name="weeks"/> weeks ahead, seventeen in all even when the planned date is one of the
    /// Mondays, so the strip always reads the same way.
    /// </summary>
    public static IReadOnlyList<DateOnly> OutlookDates(DateOnly today, DateOnly plannedSwitchDate, int weeks = 16)
    {
        var coming = LocalCalendar.MondayOf(today).AddDays(7);
        return [plannedSwitchDate, .. Enumerable.Range(0, weeks).Select(w => coming.AddDays(7 * w))];
    }

    private static Gate Sequence(ReadinessFacts facts)
    {
        var earlier = facts.Regions.Where(r => r.Wave < facts.Region.Wave).OrderBy(r => r.Wave).ThenBy(r => r.Code, StringComparer.Ordinal).ToList();
        var pending = earlier.Where(r => r.Status != RegionStatus.Switched).Select(r => r.Code).ToList();
        return new Gate(GateCode.G1, pending.Count == 0, earlier.Count - pending.Count, earlier.Count, []) { RegionsNotSwitched = pending };
    }

    private static Gate Training(ReadinessFacts facts, DateOnly date, bool withPlan)
    {
        bool Done(CourseProgress? p) => p is not null && (p.CompletedOn <= date || (withPlan && p.PlannedLastDay <= date));

        var missingByCourse = facts.RequiredCourses.ToDictionary(c => c.Id, _ => 0);
        var completed = 0;
        foreach (var advisor in facts.Advisors)
        {
            var all = true;
            foreach (var course in facts.RequiredCourses)
            {
                if (!Done(advisor.Courses.FirstOrDefault(p => p.CourseId == course.Id)))
                {
                    missingByCourse[course.Id]++;
                    all = false;
                }
            }
            if (all)
            {
                completed++;
            }
        }
        var total = facts.Advisors.Count;
        var value = total == 0 ? 0 : completed / (double)total;
        var threshold = facts.Settings.TrainingCompletionThreshold;
        var most = facts.RequiredCourses.OrderByDescending(c => missingByCourse[c.Id]).ThenBy(c => c.Id).FirstOrDefault();
        return new Gate(GateCode.G2, total > 0 && value + Tolerance >= threshold, value, threshold, [])
        {
            Completed = completed,
            Advisors = total,
            MostMissingCourse = most is not null && missingByCourse[most.Id] > 0 ? most.Title : null,
            MostMissingCourseCode = most is not null && missingByCourse[most.Id] > 0 ? most.Code : null,
            MostMissingCount = most is null ? 0 : missingByCourse[most.Id],
        };
    }

    private static Gate Skills(ReadinessFacts facts, DateOnly date, bool withPlan)
    {
        var channels = new List<ChannelGate>();
        foreach (var channel in facts.Channels)
        {
            var peak = WeekOf(channel, date).Select(c => c.Required).DefaultIfEmpty().Max();
            // A channel with no requirement that week is not opened by the region.
            if (peak > 0)
            {
                var certified = channel.CertifiedOn(date, withPlan);
                channels.Add(new ChannelGate(channel.Code, certified >= peak, certified, peak));
            }
        }
        var value = channels.Count == 0 ? 1 : channels.Min(c => c.Value / c.Threshold);
        return new Gate(GateCode.G3, channels.All(c => c.Passes), value, 1, channels);
    }

    private static Gate Coverage(ReadinessFacts facts, DateOnly date)
    {
        var share = facts.Settings.CoreCoverageThreshold;
        var floor = facts.Settings.CoreIntervalFloor;
        var channels = new List<ChannelGate>();
        foreach (var channel in facts.Channels)
        {
            var core = WeekOf(channel, date).Where(c => c.Slot == SlotClass.Core && (c.Required > 0 || c.Unstaffable)).ToList();
            if (core.Count == 0)
            {
                continue;
            }
            // In-house supply only: the gate asks whether the region can carry its own core hours once subcontractors
            // leave them; an unstaffable interval counts as uncovered.
            double required = core.Sum(c => c.Required), supplied = core.Sum(c => Math.Min(c.InHouse, c.Required));
            var covered = required == 0 ? 0 : supplied / required;
            var ratios = core.Select(c => c.Unstaffable || c.Required == 0 ? 0 : Math.Min(1, (double)c.InHouse / c.Required)).ToList();
            var lowest = ratios.Min();
            var below = ratios.Count(r => r + Tolerance < floor);
            channels.Add(new ChannelGate(channel.Code, covered + Tolerance >= share && below == 0, covered, share, lowest, floor, below));
        }
        var value = channels.Count == 0 ? 1 : channels.Min(c => c.Value);
        return new Gate(GateCode.G4, channels.All(c => c.Passes), value, share, channels);
    }

    private static IEnumerable<CoverageCell> WeekOf(ChannelFacts channel, DateOnly date)
    {
        var end = date.AddDays(7);
        return channel.Days.Where(d => d.Date >= date && d.Date < end).SelectMany(d => d.Cells);
    }
}
