using Portal.Domain.Advisors;
using Portal.Domain.Assignments;
using Portal.Domain.Channels;
using Portal.Domain.Coverage;
using Portal.Domain.Regions;
using Portal.Domain.Sites;
using Portal.Domain.Skills;
using Portal.Domain.Time;
using Portal.Domain.Training;

namespace Portal.Services.Demo;

/// <summary>
/// Plans the demo's shifts the way a contact centre's planner does (docs/adr/0014): each region's requirement
/// curve per channel, from the staffing engine on the demo's own forecast, less what subcontractors supply; each
/// certified advisor on a home channel; working days spread over the week in proportion to each day's need; then,
/// day by day, the shift that helps the most-short half hours, start times staggered, a lunch break placed around
/// midday. It knows the training calendar and the leave (an advisor in training keeps a shift and is no supply),
/// not the sickness to come, so it aims a little above the requirement.
/// </summary>
internal sealed class DemoShiftPlanner(DemoData data, LocalCalendar calendar, DateOnly firstDay, int weeks, Random random)
{
    /// <summary>Coverage the planner aims for: a few points above the requirement absorb the sickness it cannot know.</summary>
    private const double Aim = 1.08;

    /// <summary>
    /// The band the planner keeps half hours in: 85–130%, narrowed for the sickness it cannot know. Voice's day, with
    /// its two peaks around the lunch dip, cannot fit the whole band with 7-hour days: its band sits lower, so that
    /// the half hours it gives up are a few peak ones just under 85% rather than the whole midday above 130%.
    /// </summary>
    private static (double Low, double High) BandOf(Channel channel) => channel.Kind == ChannelKind.Voice ? (0.87, 1.255) : (0.9, 1.26);

    private const int RestMinutes = 11 * 60;
    private const int TrainingMinutes = 7 * 60;

    /// <summary>Longest span of a shift, its break included.</summary>
    private const int MaxSpanMinutes = 10 * 60;

    /// <summary>Longest stretch of work without a break; a shift longer than this has one.</summary>
    private const int MaxUnbrokenMinutes = 6 * 60;

    /// <summary>Share of full-time and 80% advisors who work long and short days in a week rather than even days.</summary>
    private const double MixedShare = 0.5;

    private static readonly EnrolmentStatus[] Trains = [EnrolmentStatus.Planned, EnrolmentStatus.Completed, EnrolmentStatus.Failed];
    private static readonly TimeOnly TrainingStart = new(9, 0);
    private static readonly TimeOnly TrainingEnd = new(17, 0);
    private static readonly ShiftBreak TrainingLunch = new(new TimeOnly(12, 30), 60);

    private int nextShiftId = 1;

    private sealed class Planned(Advisor advisor, int channelId)
    {
        public Advisor Advisor { get; } = advisor;
        public int ChannelId { get; } = channelId;

        /// <summary>Minutes of work a week the contract asks for: 35 h at 100%.</summary>
        public int WeeklyMinutes => 35 * 60 * Advisor.WorkingTimePercent / 100 / 30 * 30;

        /// <summary>Minutes of work planned on each day of the current week (0: no shift from the day's plan).</summary>
        public int[] Lengths { get; } = new int[7];

        /// <summary>Minutes after midnight before which the advisor may not start on a day, for 11 hours of rest.</summary>
        public int EarliestStart { get; set; }

        public DateOnly LastShiftDay { get; set; }
    }

    private readonly record struct Pattern(int Start, int Minutes, ShiftBreak? Break, int Pool, int[] Worked);

    public void Plan(HashSet<(int AdvisorId, DateOnly Date)> onLeave)
    {
        var training = data.Enrolments.Where(e => Trains.Contains(e.Status))
            .Join(data.SessionDays, e => e.SessionId, d => d.SessionId, (e, d) => (e.AdvisorId, d.Date))
            .ToHashSet();
        var inHouse = data.Sites.Where(s => s.Kind == SiteKind.InHouse).ToDictionary(s => s.Id, s => s.RegionId);
        foreach (var region in data.Regions)
        {
            var advisors = data.Advisors.Where(a => a.Active && inHouse.TryGetValue(a.SiteId, out var r) && r == region.Id).ToList();
            var needs = data.Channels.ToDictionary(c => c.Id, c => Needs(region, c));
            var planned = HomeChannels(advisors, needs);
            foreach (var channel in data.Channels)
            {
                var pool = planned.Where(p => p.ChannelId == channel.Id).ToList();
                for (var w = 0; w < weeks; w++)
                {
                    PlanWeek(channel, pool, needs[channel.Id], firstDay.AddDays(7 * w), training, onLeave);
                }
            }
        }
    }

    /// <summary>
    /// Staff each half hour needs from the region's in-house advisors: the staff to schedule from the coverage engine
    /// on the stored forecast, less the subcontracted and offshore capacity counted there; indexed by day, then by
    /// local half hour (a clock-change day's repeated hour keeps the larger need).
    /// </summary>
    private double[][] Needs(Region region, Channel channel)
    {
        var demand = data.Forecast.Where(f => f.RegionId == region.Id && f.ChannelId == channel.Id)
            .ToDictionary(f => f.StartUtc, f => (f.Contacts, f.AverageHandlingSeconds));
        var inputs = new CoverageInputs
        {
            Region = region,
            Channel = channel,
            Demand = demand,
            Shifts = [],
            Certified = new HashSet<int>(),
            TrainingDays = new HashSet<(int, DateOnly)>(),
            Absences = [],
            Capacities = data.Capacities.Where(c => c.RegionId == region.Id && c.ChannelId == channel.Id).ToList(),
        };
        var days = new CoverageCalculator(calendar).Compute(inputs, firstDay, weeks * 7);
        return days.Select(day =>
        {
            var need = new double[48];
            foreach (var cell in day.Cells)
            {
                var index = HalfHour(cell.Interval.LocalTime);
                need[index] = Math.Max(need[index], Math.Max(0, cell.Required - cell.Subcontracted));
            }
            return need;
        }).ToArray();
    }

    /// <summary>
    /// Each advisor's home channel among those the advisor is certified for: an advisor certified for one channel
    /// works it; one certified for several goes where the hours still missing weigh most. An advisor certified for
    /// none is not planned on a channel.
    /// </summary>
    private List<Planned> HomeChannels(List<Advisor> advisors, Dictionary<int, double[][]> needs)
    {
        var hoursNeeded = needs.ToDictionary(n => n.Key, n => n.Value.Sum(d => d.Sum()) / 2 / weeks);
        var hoursPlanned = needs.Keys.ToDictionary(k => k, _ => 0.0);
        var eligible = advisors
            .Select(a => (Advisor: a, Channels: data.Channels.Where(c => Certified(a, c)).Select(c => c.Id).ToList()))
            .Where(e => e.Channels.Count > 0)
            .OrderBy(e => e.Channels.Count)
            .ThenBy(_ => random.Next())
            .ToList();
        var planned = new List<Planned>(eligible.Count);
        foreach (var (advisor, channels) in eligible)
        {
            var channel = channels.MaxBy(c => (hoursNeeded[c] - hoursPlanned[c]) / Math.Max(1, hoursNeeded[c]));
            // Weekly hours at work on the channel, after training and leave (about a tenth).
            hoursPlanned[channel] += 35 * advisor.WorkingTimePercent / 100.0 * 0.9;
            planned.Add(new Planned(advisor, channel));
        }
        return planned;
    }

    private static bool Certified(Advisor advisor, Channel channel) =>
        channel.RequiredSkills.All(r => advisor.Skills.Any(s => s.SkillId == r.SkillId && s.Level >= ProficiencyLevel.Certified));

    /// <summary>
    /// The ways a week's minutes of work can be laid out in days, preferred first: even days of 7 h (3 h 30 at 50%),
    /// or, for a mixed week, long days with short ones that fall on the peaks (5 days of 9, 9, 9, 4 and 4 h at 100%;
    /// 8, 8, 8 and 4 h at 80%); then, for a week with fewer days free, the same minutes over fewer, longer days.
    /// </summary>
    private static List<int[]> Layouts(int minutes, int percent, bool mixed)
    {
        var layouts = new List<int[]>();
        if (minutes <= 0)
        {
            layouts.Add([]);
            return layouts;
        }
        if (mixed && minutes == 35 * 60)
        {
            layouts.Add([540, 540, 540, 240, 240]);
        }
        if (mixed && minutes == 28 * 60)
        {
            layouts.Add([480, 480, 480, 240]);
        }
        var even = percent < 80 ? 210 : 420;
        if (minutes % even == 0)
        {
            layouts.Add(Enumerable.Repeat(even, minutes / even).ToArray());
        }
        // Any number of days from the most to the fewest that fit 9 h 30 each, in whole half hours.
        for (var days = Math.Min(6, minutes / 180); days >= 1 && minutes <= days * 570; days--)
        {
            var units = minutes / 30;
            layouts.Add(Enumerable.Range(0, days).Select(d => 30 * ((units / days) + (d < units % days ? 1 : 0))).ToArray());
        }
        return layouts;
    }

    /// <summary>Span a shift of so many minutes of work needs: with a break of 30 minutes at least past 6 hours.</summary>
    private static int SpanOf(int minutes) => minutes + (minutes > MaxUnbrokenMinutes ? 30 : 0);

    private void PlanWeek(Channel channel, List<Planned> pool, double[][] needs, DateOnly monday,
        HashSet<(int, DateOnly)> training, HashSet<(int, DateOnly)> onLeave)
    {
        var dayIndex = monday.DayNumber - firstDay.DayNumber;
        // Minutes of work each day asks for, Monday to Saturday; Sunday is the subcontractors'.
        var open = new int[6];
        var wanted = new double[6];
        for (var d = 0; d < 6; d++)
        {
            var date = monday.AddDays(d);
            if (channel.HoursOn(date) is { } hours && !FrenchHolidays.IsHoliday(date))
            {
                open[d] = ((hours.Closes == TimeOnly.MinValue ? 48 : HalfHour(hours.Closes)) - HalfHour(hours.Opens)) * 30;
                wanted[d] = needs[dayIndex + d].Sum() * 30 * Aim;
            }
        }
        var given = new double[6];
        var weekWanted = wanted.Sum();
        // Advisors with training days first: those days are fixed, the others fill in around them. The week takes
        // advisors while its hours are not covered; the others do back-office work, coaching or training that week.
        foreach (var advisor in pool.OrderByDescending(p => Enumerable.Range(0, 6).Count(d => training.Contains((p.Advisor.Id, monday.AddDays(d))))).ThenBy(_ => random.Next()))
        {
            Array.Clear(advisor.Lengths);
            var mixed = random.NextDouble() < MixedShare;
            var trainingDays = 0;
            var free = new List<int>();
            for (var d = 0; d < 6; d++)
            {
                var date = monday.AddDays(d);
                if (onLeave.Contains((advisor.Advisor.Id, date)))
                {
                    continue;
                }
                if (training.Contains((advisor.Advisor.Id, date)))
                {
                    trainingDays++;
                }
                // Public holidays are left to the subcontractors, as Sundays are.
                else if (wanted[d] > 0)
                {
                    free.Add(d);
                }
            }
            if (trainingDays == 0 && given.Sum() >= weekWanted)
            {
                continue;
            }
            var minutes = advisor.WeeklyMinutes - (trainingDays * TrainingMinutes);
            foreach (var layout in Layouts(minutes, advisor.Advisor.WorkingTimePercent, mixed && trainingDays == 0))
            {
                // Longest days first, each on the free day still furthest from its need that it fits in.
                var days = new int[layout.Length];
                var taken = new List<int>();
                var fits = true;
                var order = layout.OrderByDescending(m => m).ToArray();
                for (var k = 0; k < order.Length && fits; k++)
                {
                    var options = free.Where(d => !taken.Contains(d) && open[d] >= SpanOf(order[k])).ToList();
                    if (options.Count == 0)
                    {
                        fits = false;
                        break;
                    }
                    var day = options.MaxBy(d => (wanted[d] - given[d]) / Math.Max(1, wanted[d]));
                    taken.Add(day);
                    days[k] = day;
                }
                if (!fits)
                {
                    continue;
                }
                for (var k = 0; k < order.Length; k++)
                {
                    advisor.Lengths[days[k]] = order[k];
                    given[days[k]] += order[k];
                }
                break;
            }
        }

        for (var d = 0; d < 7; d++)
        {
            var date = monday.AddDays(d);
            if (d < 6)
            {
                foreach (var advisor in pool.Where(p => training.Contains((p.Advisor.Id, date)) && !onLeave.Contains((p.Advisor.Id, date))))
                {
                    AddShift(advisor, channel, date, TrainingStart, TrainingEnd, TrainingLunch);
                }
            }
            PlanDay(channel, date, needs[dayIndex + d], pool.Where(p => p.Lengths[d] > 0).ToList(), d);
        }
    }

    /// <summary>
    /// One day of a channel: every advisor planned on it gets a shift of the day's length. First, shift after shift,
    /// the pattern that helps the half hours furthest below the aim the most (core half hours weigh more); the
    /// advisors left then go where they cost least; then, since such a greedy start piles shifts up in the middle of
    /// the day, a local search moves shifts between patterns of the same length, from the one whose removal costs
    /// least to the one whose addition helps most (the cost of a half hour is steep outside a band, nearly flat
    /// inside), and stops when no move does. Last, each shift goes to an advisor who has had 11 hours of rest.
    /// </summary>
    private void PlanDay(Channel channel, DateOnly date, double[] need, List<Planned> available, int day)
    {
        if (available.Count == 0 || FrenchHolidays.IsHoliday(date) || channel.HoursOn(date) is not { } hours)
        {
            return;
        }
        var opens = HalfHour(hours.Opens) * 30;
        var closes = hours.Closes == TimeOnly.MinValue ? 24 * 60 : HalfHour(hours.Closes) * 30;
        var lengths = available.Select(a => a.Lengths[day]).Distinct().Order().ToArray();
        var patterns = new List<Pattern>();
        for (var l = 0; l < lengths.Length; l++)
        {
            patterns.AddRange(Patterns(l, lengths[l], opens, closes));
        }
        var weight = new double[48];
        var core = date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
        for (var i = 0; i < 48; i++)
        {
            weight[i] = core && i >= 16 && i < 40 ? 1.5 : 1;
        }
        foreach (var advisor in available)
        {
            advisor.EarliestStart = advisor.LastShiftDay == date.AddDays(-1) ? advisor.EarliestStart : 0;
        }
        var pools = lengths.Select(l => available.Where(a => a.Lengths[day] == l).OrderBy(a => a.EarliestStart).ToList()).ToArray();
        var left = pools.Select(p => p.Count).ToArray();
        var counts = new int[patterns.Count];
        var supply = new double[48];

        void Apply(int pattern, int units)
        {
            counts[pattern] += units;
            left[patterns[pattern].Pool] -= units;
            foreach (var i in patterns[pattern].Worked)
            {
                supply[i] += units;
            }
        }

        // Greedy start.
        var gain = new double[48];
        while (true)
        {
            for (var i = 0; i < 48; i++)
            {
                var coverage = need[i] > 0 ? supply[i] / need[i] : 2;
                gain[i] = weight[i] * (coverage < Aim ? Aim - coverage : 3 * (Aim - coverage));
            }
            var best = -1;
            var bestGain = 0.0;
            for (var p = 0; p < patterns.Count; p++)
            {
                if (left[patterns[p].Pool] == 0)
                {
                    continue;
                }
                var sum = 0.0;
                foreach (var i in patterns[p].Worked)
                {
                    sum += gain[i];
                }
                if (sum > bestGain)
                {
                    (best, bestGain) = (p, sum);
                }
            }
            if (best < 0)
            {
                break;
            }
            // Several advisors at once while every half hour of the pattern is well short: a quarter of the smallest gap.
            var gap = patterns[best].Worked.Min(i => (Aim * need[i]) - supply[i]);
            Apply(best, Math.Min(left[patterns[best].Pool], Math.Max(1, (int)(gap / 4))));
        }

        var (bandLow, bandHigh) = BandOf(channel);
        double Cost(int i, double s)
        {
            if (need[i] <= 0)
            {
                return 0.05 * s;
            }
            // Outside the band a half hour should stay in (with a margin for sickness), a steep cost; inside, a
            // light pull towards the aim.
            var coverage = s / need[i];
            var distance = coverage - Aim;
            var outside = coverage < bandLow ? bandLow - coverage : coverage > bandHigh ? coverage - bandHigh : 0;
            return weight[i] * ((100 * outside * outside) + (0.1 * distance * distance));
        }
        double Delta(int pattern, int units)
        {
            var delta = 0.0;
            foreach (var i in patterns[pattern].Worked)
            {
                delta += Cost(i, supply[i] + units) - Cost(i, supply[i]);
            }
            return delta;
        }

        // The advisors the greedy start left: each length's, a few at a time, where they cost least.
        for (var l = 0; l < lengths.Length; l++)
        {
            while (left[l] > 0)
            {
                var units = Math.Max(1, Math.Min(left[l], (int)(need.Max() / 15)));
                var (add, addDelta) = (-1, double.MaxValue);
                for (var p = 0; p < patterns.Count; p++)
                {
                    if (patterns[p].Pool == l && Delta(p, units) is var d && d < addDelta)
                    {
                        (add, addDelta) = (p, d);
                    }
                }
                if (add < 0)
                {
                    break;
                }
                Apply(add, units);
            }
        }

        // Local search on the counts: moves between patterns of one length.
        var step = Math.Max(1, (int)(need.Max() / 15));
        var removable = new List<(int Pattern, double Delta)>();
        for (var round = 0; round < 150 && step > 0; round++)
        {
            removable.Clear();
            for (var p = 0; p < patterns.Count; p++)
            {
                if (counts[p] >= step)
                {
                    removable.Add((p, Delta(p, -step)));
                }
            }
            removable.Sort((x, y) => x.Delta.CompareTo(y.Delta));
            // A move: take shifts off one of the patterns that cost least to lose, onto the pattern that then helps most.
            var (from, to, moveDelta) = (-1, -1, -1e-9);
            foreach (var (candidate, removeDelta) in removable.Take(6))
            {
                Apply(candidate, -step);
                for (var q = 0; q < patterns.Count; q++)
                {
                    if (q != candidate && patterns[q].Pool == patterns[candidate].Pool && removeDelta + Delta(q, step) is var total && total < moveDelta)
                    {
                        (from, to, moveDelta) = (candidate, q, total);
                    }
                }
                Apply(candidate, step);
            }
            if (from >= 0)
            {
                Apply(from, -step);
                Apply(to, step);
            }
            else
            {
                step /= 2;
            }
        }

        // Latest starts first, each to the advisor with the latest allowed start that still fits, which keeps the
        // rested advisors for the early shifts; one who has not had the rest yet takes the latest pattern of the
        // length instead.
        foreach (var p in Enumerable.Range(0, patterns.Count).OrderByDescending(p => patterns[p].Start))
        {
            var pattern = patterns[p];
            var from = pools[pattern.Pool];
            for (var k = 0; k < counts[p]; k++)
            {
                var index = from.FindLastIndex(a => a.EarliestStart <= pattern.Start);
                if (index < 0)
                {
                    break;
                }
                var advisor = from[index];
                from.RemoveAt(index);
                AddShift(advisor, channel, date, Time(pattern.Start), Time((pattern.Start + pattern.Minutes) % (24 * 60)), pattern.Break);
            }
        }
        for (var l = 0; l < pools.Length; l++)
        {
            foreach (var advisor in pools[l].ToList())
            {
                var late = Enumerable.Range(0, patterns.Count).Where(p => patterns[p].Pool == l && patterns[p].Start >= advisor.EarliestStart).ToList();
                if (late.Count > 0)
                {
                    var pattern = patterns[late.MinBy(p => Delta(p, 1))];
                    AddShift(advisor, channel, date, Time(pattern.Start), Time((pattern.Start + pattern.Minutes) % (24 * 60)), pattern.Break);
                }
            }
        }
    }

    /// <summary>
    /// The shifts of so many minutes of work a day's opening hours allow, on the half hour: up to 6 hours without a
    /// break (morning peak, evening, half days); longer, with a break of 30 or 60 minutes placed so that neither part
    /// exceeds 6 hours, over lunch (from 11:00 to 15:00, where the calls dip) or, for a shift starting at 11:00 or
    /// later, a 30-minute break; at most 10 hours from start to end.
    /// </summary>
    private static List<Pattern> Patterns(int pool, int length, int opens, int closes)
    {
        var patterns = new List<Pattern>();
        if (length <= MaxUnbrokenMinutes)
        {
            for (var start = opens; start + length <= closes; start += 30)
            {
                patterns.Add(new Pattern(start, length, null, pool, Worked(start, length, null)));
            }
            return patterns;
        }
        foreach (var minutes in ShiftBreak.AllowedMinutes)
        {
            var span = length + minutes;
            if (span > MaxSpanMinutes)
            {
                continue;
            }
            for (var start = opens; start + span <= closes; start += 30)
            {
                for (var after = Math.Max(150, length - MaxUnbrokenMinutes); after <= Math.Min(MaxUnbrokenMinutes, length - 60); after += 30)
                {
                    var breakStart = start + after;
                    var lunch = breakStart >= 11 * 60 && breakStart + minutes <= 15 * 60;
                    // A break over lunch lasts 30 or 60 minutes; a later one, on an afternoon shift, half an hour.
                    if (!lunch && (minutes != 30 || start < 11 * 60))
                    {
                        continue;
                    }
                    var pause = new ShiftBreak(Time(breakStart), minutes);
                    if (pause.CheckOn(Time(start), Time((start + span) % (24 * 60))) == BreakCheck.Valid)
                    {
                        patterns.Add(new Pattern(start, span, pause, pool, Worked(start, span, pause)));
                    }
                }
            }
        }
        return patterns;
    }

    private static int[] Worked(int start, int minutes, ShiftBreak? pause)
    {
        var breakFrom = pause is { } p ? (p.Start.Hour * 60) + p.Start.Minute : -1;
        var breakTo = pause is { } q ? breakFrom + q.Minutes : -1;
        var worked = new List<int>();
        for (var m = start; m < start + minutes; m += 30)
        {
            if (m < breakFrom || m >= breakTo)
            {
                worked.Add(m / 30);
            }
        }
        return worked.ToArray();
    }

    private void AddShift(Planned advisor, Channel channel, DateOnly date, TimeOnly start, TimeOnly end, ShiftBreak? pause)
    {
        data.Shifts.Add(new Shift
        {
            Id = nextShiftId++, AdvisorId = advisor.Advisor.Id, Date = date, Start = start, End = end, ChannelId = channel.Id, Break = pause,
        });
        var endMinutes = end == TimeOnly.MinValue ? 24 * 60 : (end.Hour * 60) + end.Minute;
        advisor.EarliestStart = Math.Max(0, endMinutes + RestMinutes - (24 * 60));
        advisor.LastShiftDay = date;
    }

    private static int HalfHour(TimeOnly time) => (time.Hour * 2) + (time.Minute >= 30 ? 1 : 0);

    private static TimeOnly Time(int minutes) => new(minutes / 60, minutes % 60);
}
