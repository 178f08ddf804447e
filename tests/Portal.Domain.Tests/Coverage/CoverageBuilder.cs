using Portal.Domain.Assignments;
using Portal.Domain.Channels;
using Portal.Domain.Coverage;
using Portal.Domain.Regions;
using Portal.Domain.Subcontracting;
using Portal.Domain.Time;

namespace Portal.Domain.Tests.Coverage;

/// <summary>Builds the inputs of a coverage calculation: a region, a channel open around the clock, flat demand, and the supply a test adds.</summary>
internal sealed class CoverageBuilder
{
    private readonly List<PlannedShift> shifts = [];
    private readonly HashSet<int> certified = [];
    private readonly HashSet<(int, DateOnly)> training = [];
    private readonly List<Absence> absences = [];
    private readonly List<SubcontractorCapacity> capacities = [];
    private Region region = new() { Code = "BPL", Name = "Bretagne-Pays de la Loire", Status = RegionStatus.Preparing };
    private readonly Dictionary<DateTime, double> exceptions = [];
    private double contactsPerInterval = 100;
    private Channel channel = Channels.Voice();
    private int nextAdvisor = 1;

    public CoverageBuilder SwitchedOn(DateOnly date)
    {
        region = new Region { Code = "NC", Name = "Normandie-Centre", Status = RegionStatus.Switched, ActualSwitchDate = date };
        return this;
    }

    public CoverageBuilder WithChannel(Channel value)
    {
        channel = value;
        return this;
    }

    public CoverageBuilder WithContacts(double perInterval)
    {
        contactsPerInterval = perInterval;
        return this;
    }

    /// <summary>Stored demand of one interval that differs from the others (an import gone wrong, for instance).</summary>
    public CoverageBuilder WithContactsAt(DateOnly date, string time, double contacts)
    {
        exceptions[LocalCalendar.Paris.ToUtc(date.ToDateTime(Time(time)))] = contacts;
        return this;
    }

    /// <summary>Adds advisors on shift; returns their ids.</summary>
    public int[] OnShift(int count, DateOnly date, string start, string end, bool isCertified = true, string? breakStart = null, int breakMinutes = 30)
    {
        var ids = Enumerable.Range(nextAdvisor, count).ToArray();
        nextAdvisor += count;
        ShiftBreak? pause = breakStart is null ? null : new ShiftBreak(Time(breakStart), breakMinutes);
        foreach (var id in ids)
        {
            shifts.Add(new PlannedShift(id, date, Time(start), Time(end), pause));
            if (isCertified)
            {
                certified.Add(id);
            }
        }
        return ids;
    }

    public CoverageBuilder InTraining(IEnumerable<int> advisors, DateOnly date)
    {
        foreach (var id in advisors)
        {
            training.Add((id, date));
        }
        return this;
    }

    public CoverageBuilder Absent(IEnumerable<int> advisors, DateOnly first, DateOnly last)
    {
        absences.AddRange(advisors.Select(id => new Absence { AdvisorId = id, FirstDay = first, LastDay = last }));
        return this;
    }

    public CoverageBuilder Subcontracted(int agents, Weekdays days, string from, string to)
    {
        capacities.Add(new SubcontractorCapacity { Agents = agents, Days = days, From = Time(from), To = Time(to) });
        return this;
    }

    public IReadOnlyList<CoverageDay> Compute(DateOnly firstDay, int days = 1) =>
        new CoverageCalculator(LocalCalendar.Paris).Compute(Inputs(firstDay, days), firstDay, days);

    /// <summary>The supply of days already computed, counted again from the shifts as they are now (no demand read).</summary>
    public IReadOnlyList<CoverageDay> Resupply(IEnumerable<CoverageDay> days) =>
        CoverageCalculator.Resupply(new CoverageInputs
        {
            Region = region, Channel = channel, Demand = new Dictionary<DateTime, (double, double)>(), Shifts = shifts, Certified = certified,
            TrainingDays = training, Absences = absences, Capacities = capacities,
        }, days);

    private CoverageInputs Inputs(DateOnly firstDay, int days)
    {
        var demand = new Dictionary<DateTime, (double, double)>();
        for (var day = firstDay.AddDays(-1); day <= firstDay.AddDays(days); day = day.AddDays(1))
        {
            foreach (var interval in LocalCalendar.Paris.IntervalsOf(day))
            {
                demand[interval.StartUtc] = (exceptions.GetValueOrDefault(interval.StartUtc, contactsPerInterval), channel.AverageHandlingSeconds);
            }
        }
        return new CoverageInputs
        {
            Region = region, Channel = channel, Demand = demand, Shifts = shifts, Certified = certified,
            TrainingDays = training, Absences = absences, Capacities = capacities,
        };
    }

    public static CoverageCell At(IReadOnlyList<CoverageDay> days, DateOnly date, string time) =>
        days.Single(d => d.Date == date).Cells.First(c => c.Interval.LocalTime == Time(time));

    private static TimeOnly Time(string text) => TimeOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}

internal static class Channels
{
    public static Channel Voice() => new()
    {
        Code = "Voice", Kind = ChannelKind.Voice, ServiceLevelTarget = 0.8, TargetAnswerSeconds = 20, AverageHandlingSeconds = 180,
        Concurrency = 1, Shrinkage = 0, MaxOccupancy = 0.9,
        OpeningHours = [.. Enum.GetValues<DayOfWeek>().Select(d => new OpeningHours { Day = d, Opens = TimeOnly.MinValue, Closes = TimeOnly.MinValue })],
    };

    public static Channel Email() => new()
    {
        Code = "Email", Kind = ChannelKind.Email, ServiceLevelTarget = 0.8, TargetAnswerSeconds = 86_400, AverageHandlingSeconds = 360,
        Concurrency = 1, Shrinkage = 0, MaxOccupancy = 0.9,
        OpeningHours = [.. new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
            .Select(d => new OpeningHours { Day = d, Opens = new TimeOnly(8, 0), Closes = new TimeOnly(20, 0) })],
    };
}
