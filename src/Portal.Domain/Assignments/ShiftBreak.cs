namespace Portal.Domain.Assignments;

/// <summary>
/// A shift's unpaid break: it starts on a half hour and lasts 30 or 60 minutes, so that coverage, counted in
/// half-hour intervals, takes the advisor out of whole intervals only and supply stays a whole number of advisors.
/// A break lying after midnight belongs to a night shift of the day before (its start is before the shift's start).
/// </summary>
public readonly record struct ShiftBreak(TimeOnly Start, int Minutes)
{
    public static readonly IReadOnlyList<int> AllowedMinutes = [30, 60];

    public TimeOnly End => Start.AddMinutes(Minutes);

    /// <summary>Whether the break is allowed on a shift from <paramref name="shiftStart"/> to <paramref name="shiftEnd"/>, and why not.</summary>
    public BreakCheck CheckOn(TimeOnly shiftStart, TimeOnly shiftEnd)
    {
        if (Start.Minute % 30 != 0 || Start.Second != 0 || Start.Millisecond != 0)
        {
            return BreakCheck.NotOnHalfHour;
        }
        if (!AllowedMinutes.Contains(Minutes))
        {
            return BreakCheck.LengthNotAllowed;
        }

        // Minutes from the shift's start, the shift and the break both read forward past midnight.
        var length = MinutesAfter(shiftStart, shiftEnd);
        length = length == 0 ? 24 * 60 : length;
        var breakStart = MinutesAfter(shiftStart, Start);
        // Strictly inside: a break that starts or ends with the shift is a shorter shift, not a break.
        return breakStart > 0 && breakStart + Minutes < length ? BreakCheck.Valid : BreakCheck.OutsideShift;
    }

    /// <summary>Whether the break covers the half hour starting at <paramref name="localStart"/> of a shift that starts on <paramref name="shiftDate"/> at <paramref name="shiftStart"/>.</summary>
    public bool Covers(DateOnly shiftDate, TimeOnly shiftStart, DateTime localStart)
    {
        var start = (Start < shiftStart ? shiftDate.AddDays(1) : shiftDate).ToDateTime(Start);
        return localStart >= start && localStart < start.AddMinutes(Minutes);
    }

    private static int MinutesAfter(TimeOnly from, TimeOnly to)
    {
        var minutes = (int)(to - from).TotalMinutes;
        return minutes < 0 ? minutes + (24 * 60) : minutes;
    }
}

/// <summary>Whether a break may be planned on a shift, or why not.</summary>
public enum BreakCheck
{
    Valid = 0,
    NotOnHalfHour = 1,
    LengthNotAllowed = 2,
    OutsideShift = 3,
}
