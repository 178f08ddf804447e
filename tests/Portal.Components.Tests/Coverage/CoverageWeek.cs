using Portal.Domain.Coverage;
using Portal.Domain.Staffing;
using Portal.Domain.Time;

namespace Portal.Components.Tests.Coverage;

/// <summary>Coverage days built on the real half hours of Paris (46, 48 or 50 a day), as the coverage service hands them to the page.</summary>
public static class CoverageWeek
{
    /// <summary>The first Monday of a week with no public holiday and no clock change.</summary>
    public static DateOnly PlainMonday { get; } = new(2026, 6, 8);

    /// <summary>Sunday 29 March 2026: in Paris 02:00 jumps to 03:00.</summary>
    public static DateOnly SpringChange { get; } = new(2026, 3, 29);

    /// <summary>Sunday 25 October 2026: in Paris 03:00 goes back to 02:00, so 02:00 and 02:30 come twice.</summary>
    public static DateOnly AutumnChange { get; } = new(2026, 10, 25);

    /// <summary>A requirement of <paramref name="staff"/> people to schedule; none when zero.</summary>
    public static StaffingResult Requiring(int staff) =>
        staff == 0 ? StaffingResult.None : new StaffingResult(staff * 0.5, staff, 0.8884, 7.84, 0.714, staff);

    public static CoverageCell Cell(Interval interval, int required, int inHouse, int subcontracted = 0, SupplyLosses losses = default) =>
        new(interval, SlotClasses.Of(interval), Contacts: required == 0 ? 0 : 100, AverageHandlingSeconds: 180, Requiring(required), inHouse, subcontracted, losses);

    /// <summary>A day whose every half hour gets the cell <paramref name="cellOf"/> makes of it.</summary>
    public static CoverageDay Day(DateOnly date, Func<Interval, CoverageCell> cellOf) =>
        new(date, [.. LocalCalendar.Paris.IntervalsOf(date).Select(cellOf)]);

    /// <summary>A day asking for <paramref name="required"/> and supplied with <paramref name="supply"/> from <paramref name="from"/> until <paramref name="to"/>, empty otherwise.</summary>
    public static CoverageDay Day(DateOnly date, TimeOnly from, TimeOnly to, int required, int supply) =>
        Day(date, i => i.LocalTime >= from && i.LocalTime < to ? Cell(i, required, supply) : Cell(i, 0, 0));

    /// <summary>A day asking for 10 and supplied with 10 round the clock.</summary>
    public static CoverageDay AllDay(DateOnly date) => Day(date, i => Cell(i, 10, 10));

    /// <summary>Seven days from <paramref name="monday"/>, each made by <paramref name="dayOf"/>.</summary>
    public static IReadOnlyList<CoverageDay> Week(DateOnly monday, Func<DateOnly, CoverageDay> dayOf) =>
        [.. Enumerable.Range(0, 7).Select(i => dayOf(monday.AddDays(i)))];
}
