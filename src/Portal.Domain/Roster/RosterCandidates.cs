using Portal.Domain.Assignments;
using Portal.Domain.Channels;
using Portal.Domain.Coverage;
using Portal.Domain.Time;

namespace Portal.Domain.Roster;

/// <summary>A shift an advisor may work in the roster: a pattern placed on a day and channel, or a shift of the current plan.</summary>
internal sealed class Candidate
{
    public required int Advisor { get; init; }
    public required int Day { get; init; }
    public required Shift Shift { get; init; }
    public required bool Existing { get; init; }
    public required int WorkedMinutes { get; init; }
    public required DateTime StartUtc { get; init; }
    public required DateTime EndUtc { get; init; }

    /// <summary>The half hours (indices over every planned channel's week) in which the advisor is supply.</summary>
    public required int[] Covers { get; init; }

    public required bool EveningOrSaturday { get; init; }
}

/// <summary>
/// The roster problem laid out: the half hours of the week on every planned channel with what is still needed once
/// the kept shifts and the subcontracted supply (under the rollout rule, through <see cref="CoverageCalculator"/>)
/// are counted, and every shift each advisor may be given without breaking a planning rule on its own.
/// </summary>
internal sealed class RosterProblem
{
    public required RosterRequest Request { get; init; }
    public required int[] Need { get; init; }
    public required int[] UnderWeight { get; init; }
    public required List<Candidate> Candidates { get; init; }
    public required List<Candidate>[] ByAdvisor { get; init; }

    /// <summary>Minutes each advisor may still work in the week: the weekly and contract limits less the kept shifts.</summary>
    public required int[] WeeklyMinutes { get; init; }

    public required double MinRestHours { get; init; }

    /// <summary>Replaceable shifts of the current plan, which the proposal keeps or removes.</summary>
    public required List<Shift> Current { get; init; }

    /// <summary>Per channel: the shifts kept whatever the proposal (pinned, other weeks' nights).</summary>
    public required List<Shift>[] Fixed { get; init; }

    public bool Conflict(Candidate a, Candidate b)
    {
        var rest = TimeSpan.FromHours(MinRestHours);
        return (a.StartUtc < b.EndUtc && b.StartUtc < a.EndUtc)
               || (a.EndUtc <= b.StartUtc && b.StartUtc - a.EndUtc < rest)
               || (b.EndUtc <= a.StartUtc && a.StartUtc - b.EndUtc < rest);
    }

    public static RosterProblem Build(RosterRequest request, PlanningRules rules, LocalCalendar calendar)
    {
        var monday = request.Monday;
        var sunday = monday.AddDays(6);
        var pinned = new HashSet<Shift>(request.Pinned, ReferenceEqualityComparer.Instance);
        var channelIndex = request.Channels.Select((c, i) => (c.Coverage.Channel.Id, i)).ToDictionary(x => x.Id, x => x.i);
        bool InWeek(Shift s) => s.Date >= monday && s.Date <= sunday;
        bool Replaceable(Shift s) => InWeek(s) && channelIndex.ContainsKey(s.ChannelId) && !pinned.Contains(s);

        var current = request.Advisors.SelectMany(a => a.Shifts).Where(Replaceable).ToList();
        var fixedByChannel = request.Channels.Select(c => request.Advisors.SelectMany(a => a.Shifts)
            .Where(s => s.ChannelId == c.Coverage.Channel.Id && s.Date >= monday.AddDays(-1) && s.Date <= sunday && !Replaceable(s)).ToList()).ToArray();

        // The need of each half hour: what the staffing engine requires less the kept in-house and subcontracted supply.
        var calculator = new CoverageCalculator(calendar);
        var need = new List<int>();
        var weight = new List<int>();
        var channelOffset = new int[request.Channels.Count];
        var dayOffset = new int[8];
        for (var d = 0; d < 7; d++)
        {
            dayOffset[d + 1] = dayOffset[d] + calendar.IntervalCount(monday.AddDays(d));
        }
        for (var c = 0; c < request.Channels.Count; c++)
        {
            channelOffset[c] = need.Count;
            var days = calculator.Compute(RosterCoverage.Inputs(request, c, fixedByChannel[c]), monday, 7);
            foreach (var cell in days.SelectMany(d => d.Cells))
            {
                need.Add(cell.Unstaffable ? 0 : Math.Max(0, cell.Required - cell.Supply));
                weight.Add(cell.Slot switch
                {
                    SlotClass.Core => RosterWeights.UncoveredCore,
                    SlotClass.Night => RosterWeights.UncoveredNight,
                    _ => RosterWeights.UncoveredEveningOrWeekend,
                });
            }
        }

        var coverCache = new Dictionary<(int, int, TimeOnly, TimeOnly, TimeOnly?, int), int[]>();
        int[] CoversOf(int channel, int day, Shift shift)
        {
            var key = (channel, day, shift.Start, shift.End, shift.BreakStart, shift.BreakMinutes);
            if (coverCache.TryGetValue(key, out var cached))
            {
                return cached;
            }
            var planned = new PlannedShift(0, shift.Date, shift.Start, shift.End, shift.Break);
            var covers = new List<int>();
            for (var d = day; d <= Math.Min(6, day + 1); d++)
            {
                foreach (var interval in calendar.IntervalsOf(monday.AddDays(d)))
                {
                    if (planned.Covers(interval.LocalStart))
                    {
                        covers.Add(channelOffset[channel] + dayOffset[d] + interval.Index);
                    }
                }
            }
            return coverCache[key] = [.. covers];
        }

        // A pattern that cannot fit a day (opening hours, break, length) fails for everyone: tried once per day and channel.
        var fitsCache = new Dictionary<(int, int, ShiftPattern), bool>();
        bool Fits(int channel, int day, ShiftPattern pattern, Channel value)
        {
            var key = (channel, day, pattern);
            if (!fitsCache.TryGetValue(key, out var fits))
            {
                var anyone = new AdvisorPlanningFacts
                {
                    AdvisorId = 0, EmployeeNumber = "", Name = "", CertifiedSkills = value.RequiredSkills.Select(s => s.SkillId).ToHashSet(),
                };
                fitsCache[key] = fits = rules.Check(pattern.ToShift(0, value.Id, monday.AddDays(day)), anyone, value).Count == 0;
            }
            return fits;
        }

        var candidates = new List<Candidate>();
        var byAdvisor = new List<Candidate>[request.Advisors.Count];
        var weekly = new int[request.Advisors.Count];
        for (var a = 0; a < request.Advisors.Count; a++)
        {
            var advisor = request.Advisors[a];
            var kept = advisor.Shifts.Where(s => !Replaceable(s)).ToList();
            var keptFacts = new AdvisorPlanningFacts
            {
                AdvisorId = advisor.AdvisorId, EmployeeNumber = advisor.EmployeeNumber, Name = advisor.Name,
                WorkingTimePercent = advisor.WorkingTimePercent, CertifiedSkills = advisor.CertifiedSkills,
                TrainingDays = advisor.TrainingDays, Absences = advisor.Absences, Shifts = kept,
            };
            var keptMinutes = kept.Where(InWeek).Sum(s => rules.WorkedHours(s) * 60);
            weekly[a] = (int)Math.Floor(Math.Min(rules.Settings.MaxWeeklyHours, advisor.ContractHours + rules.Settings.ContractToleranceHours) * 60 - keptMinutes + 1e-6);
            var nearKept = kept.Where(s => s.Date >= monday.AddDays(-2) && s.Date <= sunday.AddDays(2))
                .Select(s => (Shift: s, Instants: rules.Instants(s), Worked: rules.WorkedHours(s))).ToList();
            var list = byAdvisor[a] = [];
            var existingCandidates = new List<Candidate>();

            // What PlanningRules.Check would say of a pattern against the kept shifts, without its allocations: the
            // pattern itself already fits its day (Fits), the weekly limits are the model's.
            bool KeepsRulesWithKept(Shift shift, (DateTime Start, DateTime End) instants, double worked)
            {
                if (Touched(shift).Any(d => advisor.TrainingDays.Contains(d) || advisor.Absences.Any(x => x.Covers(d))))
                {
                    return false;
                }
                var rest = TimeSpan.FromHours(rules.Settings.MinRestHours);
                var sameDay = worked;
                foreach (var (other, (start, end), hours) in nearKept)
                {
                    if ((start < instants.End && instants.Start < end) || (end <= instants.Start && instants.Start - end < rest)
                        || (instants.End <= start && start - instants.End < rest))
                    {
                        return false;
                    }
                    sameDay += other.Date == shift.Date ? hours : 0;
                }
                return sameDay <= rules.Settings.MaxDailyHours + 1e-9;
            }

            void Add(int channel, int day, Shift shift, bool existing, (DateTime Start, DateTime End) instants, double hours)
            {
                var (start, end) = instants;
                var worked = (int)Math.Round(hours * 60);
                var candidate = new Candidate
                {
                    Advisor = a, Day = day, Shift = shift, Existing = existing, WorkedMinutes = worked, StartUtc = start, EndUtc = end,
                    Covers = CoversOf(channel, day, shift),
                    EveningOrSaturday = shift.Date.DayOfWeek == DayOfWeek.Saturday || shift.EndsNextDay || shift.End > new TimeOnly(20, 0),
                };
                list.Add(candidate);
                candidates.Add(candidate);
                if (existing)
                {
                    existingCandidates.Add(candidate);
                }
            }

            foreach (var shift in advisor.Shifts.Where(Replaceable))
            {
                var c = channelIndex[shift.ChannelId];
                if (rules.Check(shift, keptFacts, request.Channels[c].Coverage.Channel).Count == 0)
                {
                    Add(c, shift.Date.DayNumber - monday.DayNumber, shift, existing: true, rules.Instants(shift), rules.WorkedHours(shift));
                }
            }

            for (var c = 0; c < request.Channels.Count; c++)
            {
                var channel = request.Channels[c].Coverage.Channel;
                if (!channel.RequiredSkills.All(s => advisor.CertifiedSkills.Contains(s.SkillId)))
                {
                    continue;
                }
                for (var day = 0; day < 7; day++)
                {
                    var date = monday.AddDays(day);
                    foreach (var pattern in request.Channels[c].Patterns)
                    {
                        if (!Fits(c, day, pattern, channel))
                        {
                            continue;
                        }
                        var shift = pattern.ToShift(advisor.AdvisorId, channel.Id, date);
                        var sameAsCurrent = existingCandidates.Any(x => x.Existing && x.Day == day && x.Shift.ChannelId == channel.Id && x.Shift.Start == shift.Start
                            && x.Shift.End == shift.End && x.Shift.BreakStart == shift.BreakStart && x.Shift.BreakMinutes == shift.BreakMinutes);
                        if (sameAsCurrent)
                        {
                            continue;
                        }
                        var instants = rules.Instants(shift);
                        var worked = (instants.End - instants.Start).TotalHours - (pattern.BreakMinutes / 60.0);
                        if (KeepsRulesWithKept(shift, instants, worked))
                        {
                            Add(c, day, shift, existing: false, instants, worked);
                        }
                    }
                }
            }
        }

        return new RosterProblem
        {
            Request = request, Need = [.. need], UnderWeight = [.. weight], Candidates = candidates, ByAdvisor = byAdvisor, WeeklyMinutes = weekly,
            MinRestHours = rules.Settings.MinRestHours, Current = current, Fixed = fixedByChannel.ToList().ToArray(),
        };
    }

    private static IEnumerable<DateOnly> Touched(Shift shift) =>
        shift.EndsNextDay && shift.End != TimeOnly.MinValue ? [shift.Date, shift.Date.AddDays(1)] : [shift.Date];

    /// <summary>
    /// The whole objective of a selection, level by level in the specification's order: the measure by which the greedy
    /// roster, each solved piece and the final proposal are compared.
    /// </summary>
    public RosterCost Cost(bool[] selected)
    {
        var supply = new int[Need.Length];
        long changes = 0;
        var evenings = new int[ByAdvisor.Length];
        for (var i = 0; i < Candidates.Count; i++)
        {
            var c = Candidates[i];
            if (selected[i])
            {
                foreach (var g in c.Covers)
                {
                    supply[g]++;
                }
                if (c.EveningOrSaturday)
                {
                    evenings[c.Advisor]++;
                }
            }
            if (c.Existing != selected[i] && (c.Existing || Request.Published))
            {
                changes++;
            }
        }
        long core = 0, other = 0, over = 0;
        for (var g = 0; g < Need.Length; g++)
        {
            var gap = Math.Max(0, Need[g] - supply[g]);
            if (UnderWeight[g] == RosterWeights.UncoveredCore)
            {
                core += gap;
            }
            else
            {
                other += gap * RosterCost.OtherWeight(UnderWeight[g]);
            }
            over += Math.Max(0, supply[g] - Need[g]);
        }
        return new RosterCost(core, other, over, changes, evenings.Length == 0 ? 0 : evenings.Max());
    }
}

/// <summary>
/// The objective's levels, compared in the specification's order: uncovered core half hours, the other uncovered half
/// hours (an evening or weekend one counting twice a night one), over-covered half hours, changes to the current plan,
/// and the most evenings and Saturdays any one advisor has. No amount of a later level buys one unit of an earlier one.
/// </summary>
internal readonly record struct RosterCost(long Core, long Other, long Over, long Changes, long Unfairness) : IComparable<RosterCost>
{
    public static long OtherWeight(int underWeight) => underWeight / RosterWeights.UncoveredNight;

    public int CompareTo(RosterCost other)
    {
        var order = Core.CompareTo(other.Core);
        order = order != 0 ? order : Other.CompareTo(other.Other);
        order = order != 0 ? order : Over.CompareTo(other.Over);
        order = order != 0 ? order : Changes.CompareTo(other.Changes);
        return order != 0 ? order : Unfairness.CompareTo(other.Unfairness);
    }

    public static bool operator <(RosterCost left, RosterCost right) => left.CompareTo(right) < 0;

    public static bool operator >(RosterCost left, RosterCost right) => left.CompareTo(right) > 0;

    public static bool operator <=(RosterCost left, RosterCost right) => left.CompareTo(right) <= 0;

    public static bool operator >=(RosterCost left, RosterCost right) => left.CompareTo(right) >= 0;
}
