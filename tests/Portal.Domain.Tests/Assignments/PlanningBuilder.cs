using Portal.Domain.Assignments;
using Portal.Domain.Channels;
using Portal.Domain.Time;

namespace Portal.Domain.Tests.Assignments;

/// <summary>
/// A full-time advisor certified in the channel's two skills, a channel open every day around the clock unless told
/// otherwise, and the default planning limits. Monday 23 November 2026 starts the week.
/// </summary>
public sealed class PlanningBuilder
{
    public static readonly DateOnly Monday = new(2026, 11, 23);
    public const int ChannelId = 1;

    private readonly List<Shift> shifts = [];
    private readonly HashSet<DateOnly> trainingDays = [];
    private readonly List<Absence> absences = [];
    private readonly HashSet<int> skills = [1, 2];
    private int percent = 100;
    private Func<DayOfWeek, (int Opens, int Closes)?> hours = _ => (0, 24);

    public PlanningSettings Settings { get; } = new();

    public static Shift Shift(DateOnly date, int startHour, int endHour, int startMinute = 0, int endMinute = 0, ShiftBreak? pause = null) =>
        new() { AdvisorId = 1, ChannelId = ChannelId, Date = date, Start = new TimeOnly(startHour, startMinute), End = new TimeOnly(endHour % 24, endMinute), Break = pause };

    public PlanningBuilder With(Shift shift) { shifts.Add(shift); return this; }

    public PlanningBuilder WorkingPercent(int value) { percent = value; return this; }

    public PlanningBuilder InTrainingOn(DateOnly day) { trainingDays.Add(day); return this; }

    public PlanningBuilder AbsentFrom(DateOnly first, DateOnly last) { absences.Add(new Absence { AdvisorId = 1, FirstDay = first, LastDay = last }); return this; }

    public PlanningBuilder Lacking(int skillId) { skills.Remove(skillId); return this; }

    public PlanningBuilder OpenOnWeekdays(int opens, int closes) { hours = d => d is DayOfWeek.Sunday ? null : (opens, closes); return this; }

    public AdvisorPlanningFacts Advisor() => new()
    {
        AdvisorId = 1, EmployeeNumber = "E000001", Name = "Maëlys Le Floch", WorkingTimePercent = percent,
        CertifiedSkills = skills, TrainingDays = trainingDays, Absences = absences, Shifts = shifts.ToList(),
    };

    public Channel Channel() => new()
    {
        Id = ChannelId, Code = "Voice",
        RequiredSkills = [new() { ChannelId = ChannelId, SkillId = 1 }, new() { ChannelId = ChannelId, SkillId = 2 }],
        OpeningHours = Enum.GetValues<DayOfWeek>()
            .Select(d => (Day: d, Range: hours(d)))
            .Where(x => x.Range is not null)
            .Select(x => new OpeningHours
            {
                ChannelId = ChannelId, Day = x.Day, Opens = new TimeOnly(x.Range!.Value.Opens, 0),
                Closes = x.Range.Value.Closes == 24 ? TimeOnly.MinValue : new TimeOnly(x.Range.Value.Closes, 0),
            })
            .ToList(),
    };

    public IReadOnlyList<PlanningRule> Check(Shift shift) =>
        new PlanningRules(Settings, LocalCalendar.Paris).Check(shift, Advisor(), Channel()).Select(r => r.Rule).ToList();
}
