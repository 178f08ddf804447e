using Portal.Domain.Advisors;
using Portal.Domain.Channels;

namespace Portal.Domain.Assignments;

/// <summary>
/// An advisor's assignment to a channel on a local date, from <see cref="Start"/> to <see cref="End"/>
/// in local time. An end at or before the start means the shift ends on the next day.
/// Local wall-clock times are stored, not instants, so that a shift planned "08:00-15:00" stays that on a
/// clock-change day; instants are derived with the portal's time zone when needed.
/// </summary>
public class Shift : IVersioned
{
    public int Id { get; set; }
    public int AdvisorId { get; set; }
    public Advisor? Advisor { get; set; }
    public DateOnly Date { get; set; }
    public TimeOnly Start { get; set; }
    public TimeOnly End { get; set; }
    public int ChannelId { get; set; }
    public Channel? Channel { get; set; }
    public int Version { get; set; }

    public bool EndsNextDay => End <= Start;
}

/// <summary>An advisor's absence over whole days, first and last day included.</summary>
public class Absence
{
    public int Id { get; set; }
    public int AdvisorId { get; set; }
    public DateOnly FirstDay { get; set; }
    public DateOnly LastDay { get; set; }
    public AbsenceKind Kind { get; set; }

    public bool Covers(DateOnly day) => day >= FirstDay && day <= LastDay;
}

public enum AbsenceKind
{
    Leave = 0,
    Sickness = 1,
    Other = 2,
}
