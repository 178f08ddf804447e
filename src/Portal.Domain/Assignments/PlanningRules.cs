using Portal.Domain.Channels;
using Portal.Domain.Time;

namespace Portal.Domain.Assignments;

/// <summary>
/// The rules a planned shift must keep (specification section 11): skills, no overlap, rest, no training day or
/// absence, opening hours, daily and weekly limits, the contract. Durations are measured between instants in the
/// portal's time zone, so a night across a clock change lasts what the advisor really works (one hour more in
/// October, one less in March), while the shift itself keeps its wall-clock times.
/// </summary>
public sealed class PlanningRules(PlanningSettings settings, LocalCalendar calendar)
{
    public PlanningSettings Settings { get; } = settings;

    /// <summary>
    /// Every rule the shift breaks for the advisor on the channel, or none. The advisor's other shifts are the facts'
    /// <see cref="AdvisorPlanningFacts.Shifts"/>; a shift with the candidate's id is the one being moved and is not
    /// counted against it. The channel's opening hours and required skills must be read.
    /// </summary>
    public IReadOnlyList<PlanningRefusal> Check(Shift shift, AdvisorPlanningFacts advisor, Channel channel)
    {
        var broken = new List<PlanningRule>();
        var (start, end) = Instants(shift);
        var length = end - start;
        if (length <= TimeSpan.Zero || length > TimeSpan.FromHours(24))
        {
            broken.Add(PlanningRule.Length);
        }
        if (shift.CheckBreak() != BreakCheck.Valid)
        {
            broken.Add(PlanningRule.Break);
        }
        if (!channel.RequiredSkills.All(s => advisor.CertifiedSkills.Contains(s.SkillId)))
        {
            broken.Add(PlanningRule.Skills);
        }
        var days = DaysTouched(shift);
        if (days.Any(advisor.TrainingDays.Contains))
        {
            broken.Add(PlanningRule.TrainingDay);
        }
        if (days.Any(d => advisor.Absences.Any(a => a.Covers(d))))
        {
            broken.Add(PlanningRule.Absence);
        }
        if (!InsideOpeningHours(shift, channel))
        {
            broken.Add(PlanningRule.OpeningHours);
        }

        var others = advisor.Shifts.Where(s => !ReferenceEquals(s, shift) && (shift.Id == 0 || s.Id != shift.Id)).ToList();
        var rest = TimeSpan.FromHours(Settings.MinRestHours);
        var overlaps = false;
        var tooLittleRest = false;
        foreach (var other in others)
        {
            var (otherStart, otherEnd) = Instants(other);
            if (otherStart < end && start < otherEnd)
            {
                overlaps = true;
            }
            else if ((otherEnd <= start && start - otherEnd < rest) || (end <= otherStart && otherStart - end < rest))
            {
                tooLittleRest = true;
            }
        }
        if (overlaps)
        {
            broken.Add(PlanningRule.Overlap);
        }
        if (tooLittleRest)
        {
            broken.Add(PlanningRule.Rest);
        }

        var worked = WorkedHours(shift);
        var sameDay = worked + others.Where(s => s.Date == shift.Date).Sum(WorkedHours);
        if (sameDay > Settings.MaxDailyHours + Epsilon)
        {
            broken.Add(PlanningRule.DailyHours);
        }
        var monday = LocalCalendar.MondayOf(shift.Date);
        var week = worked + others.Where(s => s.Date >= monday && s.Date < monday.AddDays(7)).Sum(WorkedHours);
        if (week > Settings.MaxWeeklyHours + Epsilon)
        {
            broken.Add(PlanningRule.WeeklyHours);
        }
        if (week > advisor.ContractHours + Settings.ContractToleranceHours + Epsilon)
        {
            broken.Add(PlanningRule.Contract);
        }
        return broken.Select(r => new PlanningRefusal(r, advisor.AdvisorId, advisor.EmployeeNumber, advisor.Name, shift.Date)).ToList();
    }

    /// <summary>
    /// Checks the shifts one after another, each against the advisor's shifts and the batch's shifts accepted before it,
    /// and adds each to the advisor's facts. Answers every refusal: all or nothing is the caller's to keep.
    /// </summary>
    public IReadOnlyList<PlanningRefusal> CheckAll(IEnumerable<Shift> shifts, IReadOnlyDictionary<int, AdvisorPlanningFacts> advisors,
        IReadOnlyDictionary<int, Channel> channels)
    {
        var refusals = new List<PlanningRefusal>();
        foreach (var shift in shifts)
        {
            var advisor = advisors[shift.AdvisorId];
            var found = Check(shift, advisor, channels[shift.ChannelId]);
            refusals.AddRange(found);
            advisor.Shifts.Add(shift);
        }
        return refusals;
    }

    /// <summary>The instants the shift starts and ends, its end on the next day when it is at or before its start.</summary>
    public (DateTime Start, DateTime End) Instants(Shift shift)
    {
        var start = calendar.ToUtc(shift.Date.ToDateTime(shift.Start));
        var end = calendar.ToUtc((shift.EndsNextDay ? shift.Date.AddDays(1) : shift.Date).ToDateTime(shift.End));
        return (start, end);
    }

    /// <summary>Hours worked: the shift's real length in the time zone, less its unpaid break.</summary>
    public double WorkedHours(Shift shift)
    {
        var (start, end) = Instants(shift);
        return (end - start).TotalHours - (shift.Break?.Minutes ?? 0) / 60.0;
    }

    private const double Epsilon = 1e-9;

    private static IReadOnlyList<DateOnly> DaysTouched(Shift shift) =>
        shift.EndsNextDay && shift.End != TimeOnly.MinValue ? [shift.Date, shift.Date.AddDays(1)] : [shift.Date];

    /// <summary>
    /// Inside the hours of its day; a shift past midnight must also lie in the next day's hours, which then have to open
    /// at midnight. A shift ending at midnight ends with a day that closes at midnight.
    /// </summary>
    private static bool InsideOpeningHours(Shift shift, Channel channel)
    {
        const int day = 24 * 60;
        var start = Minutes(shift.Start);
        var end = shift.EndsNextDay ? Minutes(shift.End) + day : Minutes(shift.End);
        if (!Fits(channel.HoursOn(shift.Date), start, Math.Min(end, day)))
        {
            return false;
        }
        return end <= day || Fits(channel.HoursOn(shift.Date.AddDays(1)), 0, end - day);

        static bool Fits(OpeningHours? hours, int from, int to) =>
            hours is not null && from >= Minutes(hours.Opens) && to <= (hours.Closes == TimeOnly.MinValue ? day : Minutes(hours.Closes));

        static int Minutes(TimeOnly time) => (time.Hour * 60) + time.Minute;
    }
}
