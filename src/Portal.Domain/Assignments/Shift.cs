using Portal.Domain.Advisors;
using Portal.Domain.Channels;

namespace Portal.Domain.Assignments;

/// <summary>
/// An advisor's assignment to a channel on a local date, from <see cref="Start"/> to <see cref="End"/>
/// in local time. An end at or before the start means the shift ends on the next day.
/// Local wall-clock times are stored, not instants, so that a shift planned "08:00-15:00" stays that on a
/// clock-change day; instants are derived with the portal's time zone when needed. A shift may carry one unpaid
/// break (<see cref="BreakStart"/>, <see cref="BreakMinutes"/>) during which the advisor is no supply.
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

    /// <summary>
    /// When the shift was last created, moved or copied in a week already published (UTC); null for a shift that has
    /// been there since the week was published. Drives "changed since you last looked".
    /// </summary>
    public DateTime? ChangedAtUtc { get; set; }

    /// <summary>The local start of the unpaid break, or null when the shift has none.</summary>
    public TimeOnly? BreakStart { get; set; }

    /// <summary>The break's length in minutes; zero when the shift has none.</summary>
    public int BreakMinutes { get; set; }

    public bool EndsNextDay => End <= Start;

    public ShiftBreak? Break
    {
        get => BreakStart is { } start && BreakMinutes > 0 ? new ShiftBreak(start, BreakMinutes) : null;
        set => (BreakStart, BreakMinutes) = value is { } b ? ((TimeOnly?)b.Start, b.Minutes) : (null, 0);
    }

    /// <summary>Whether the shift's break, if any, is one the portal allows (<see cref="ShiftBreak.CheckOn"/>).</summary>
    public BreakCheck CheckBreak() => Break?.CheckOn(Start, End) ?? BreakCheck.Valid;
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
