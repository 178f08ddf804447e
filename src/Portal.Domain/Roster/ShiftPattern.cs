using Portal.Domain.Assignments;

namespace Portal.Domain.Roster;

/// <summary>
/// A shift the roster may give an advisor: its local start, its length from start to end (break included) and, when
/// it has one, where its unpaid break falls (minutes after the start) and how long it lasts.
/// </summary>
public sealed record ShiftPattern(TimeOnly Start, int Minutes, int BreakAfterMinutes = 0, int BreakMinutes = 0)
{
    public TimeOnly End => Start.AddMinutes(Minutes);

    public ShiftBreak? Break => BreakMinutes > 0 ? new ShiftBreak(Start.AddMinutes(BreakAfterMinutes), BreakMinutes) : null;

    public Shift ToShift(int advisorId, int channelId, DateOnly date) =>
        new() { AdvisorId = advisorId, ChannelId = channelId, Date = date, Start = Start, End = End, Break = Break };

    /// <summary>
    /// The patterns a channel allows when its settings name none: starts on the hour, four and six hours straight,
    /// eight hours with an hour's break after four, ten and a half with half an hour after five (ten worked, the daily
    /// limit). Those that do not fit a day's opening hours are left out day by day.
    /// </summary>
    public static IReadOnlyList<ShiftPattern> Defaults { get; } =
    [
        .. Enumerable.Range(0, 24).SelectMany(hour => new[]
        {
            new ShiftPattern(new TimeOnly(hour, 0), 240),
            new ShiftPattern(new TimeOnly(hour, 0), 360),
            new ShiftPattern(new TimeOnly(hour, 0), 480, 240, 60),
            new ShiftPattern(new TimeOnly(hour, 0), 630, 300, 30),
        }),
    ];
}
