using Portal.Domain.Assignments;
using Portal.Domain.Channels;
using Portal.Domain.Coverage;
using Portal.Domain.Regions;
using Portal.Domain.Roster;
using Portal.Domain.Subcontracting;
using Portal.Domain.Time;

namespace Portal.Domain.Tests.Roster;

/// <summary>
/// A week (from Monday 23 November 2026) on one voice channel needing skill 1, open on weekdays at the hours a test
/// gives, with demand written in advisors (1 contact a half hour needs one advisor, 5 need two), the advisors a test
/// adds, and short solver limits.
/// </summary>
internal sealed class RosterBuilder
{
    public static readonly DateOnly Monday = new(2026, 11, 23);
    public const int ChannelId = 1;

    private readonly Dictionary<DateTime, (double, double)> demand = [];
    private readonly List<AdvisorPlanningFacts> advisors = [];
    private readonly List<SubcontractorCapacity> capacities = [];
    private readonly List<Shift> pinned = [];
    private Region region = new() { Code = "BPL", Name = "Bretagne-Pays de la Loire", Status = RegionStatus.Preparing };
    private IReadOnlyList<ShiftPattern> patterns = [new(new TimeOnly(8, 0), 240), new(new TimeOnly(12, 0), 240)];
    private (int Opens, int Closes) hours = (8, 16);

    public RosterBuilder OpenOnWeekdays(int opens, int closes) { hours = (opens, closes); return this; }

    public RosterBuilder WithPatterns(params ShiftPattern[] values) { patterns = values; return this; }

    public RosterBuilder SwitchedOn(DateOnly date)
    {
        region = new Region { Code = "NC", Name = "Normandie-Centre", Status = RegionStatus.Switched, ActualSwitchDate = date };
        return this;
    }

    /// <summary>Demand of <paramref name="advisorsNeeded"/> (1 or 2) in every half hour from one hour to another of a day.</summary>
    public RosterBuilder Needing(DateOnly day, int fromHour, int toHour, int advisorsNeeded = 1)
    {
        foreach (var interval in LocalCalendar.Paris.IntervalsOf(day).Where(i => i.LocalTime.Hour >= fromHour && i.LocalTime.Hour < toHour))
        {
            demand[interval.StartUtc] = (advisorsNeeded == 1 ? 1 : 5, 180);
        }
        return this;
    }

    public RosterBuilder Subcontracted(int agents, Weekdays days, int fromHour, int toHour)
    {
        capacities.Add(new SubcontractorCapacity { ChannelId = ChannelId, Agents = agents, Days = days, From = new TimeOnly(fromHour, 0), To = new TimeOnly(toHour % 24, 0) });
        return this;
    }

    public AdvisorPlanningFacts Advisor(int id, int percent = 100)
    {
        var advisor = new AdvisorPlanningFacts
        {
            AdvisorId = id, EmployeeNumber = $"E{id:000000}", Name = $"Conseiller {id}", WorkingTimePercent = percent,
            CertifiedSkills = new HashSet<int> { 1 }, TrainingDays = new HashSet<DateOnly>(),
        };
        advisors.Add(advisor);
        return advisor;
    }

    public static Shift Shift(int advisorId, DateOnly date, int startHour, int endHour) =>
        new() { AdvisorId = advisorId, ChannelId = ChannelId, Date = date, Start = new TimeOnly(startHour, 0), End = new TimeOnly(endHour % 24, 0) };

    public RosterBuilder Pin(Shift shift) { pinned.Add(shift); return this; }

    public Channel Channel() => new()
    {
        Id = ChannelId, Code = "Voice", Kind = ChannelKind.Voice, ServiceLevelTarget = 0.8, TargetAnswerSeconds = 20, AverageHandlingSeconds = 180,
        Concurrency = 1, Shrinkage = 0, MaxOccupancy = 0.9,
        RequiredSkills = [new() { ChannelId = ChannelId, SkillId = 1 }],
        OpeningHours = [.. new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
            .Select(d => new OpeningHours { ChannelId = ChannelId, Day = d, Opens = new TimeOnly(hours.Opens, 0), Closes = new TimeOnly(hours.Closes % 24, 0) })],
    };

    public RosterRequest Request() => new()
    {
        Monday = Monday,
        Channels =
        [
            new RosterChannel(new CoverageInputs
            {
                Region = region, Channel = Channel(), Demand = demand, Shifts = [], Certified = new HashSet<int>(),
                TrainingDays = new HashSet<(int, DateOnly)>(), Absences = [], Capacities = capacities,
            }, patterns),
        ],
        Advisors = advisors, Pinned = pinned, TimeLimit = TimeSpan.FromSeconds(3), Workers = 2,
    };

    public static RosterDraft Propose(RosterRequest request) =>
        new RosterGenerator(new PlanningRules(new PlanningSettings(), LocalCalendar.Paris), LocalCalendar.Paris).Propose(request);
}
