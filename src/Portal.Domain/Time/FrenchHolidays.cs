using System.Collections.Concurrent;
using System.Collections.Frozen;

namespace Portal.Domain.Time;

/// <summary>
/// Public holidays of metropolitan France: closed days for training, Sunday-like days for opening hours.
/// </summary>
public static class FrenchHolidays
{
    // Opening hours and the default forecast ask about every interval of every day: a year's set is built once.
    private static readonly ConcurrentDictionary<int, FrozenSet<DateOnly>> Years = new();

    public static bool IsHoliday(DateOnly day) => Of(day.Year).Contains(day);

    public static IReadOnlySet<DateOnly> Of(int year) => Years.GetOrAdd(year, Build);

    private static FrozenSet<DateOnly> Build(int year)
    {
        var easter = EasterSunday(year);
        return new HashSet<DateOnly>
        {
            new(year, 1, 1),
            easter.AddDays(1),   // Lundi de Pâques
            new(year, 5, 1),
            new(year, 5, 8),
            easter.AddDays(39),  // Ascension
            easter.AddDays(50),  // Lundi de Pentecôte
            new(year, 7, 14),
            new(year, 8, 15),
            new(year, 11, 1),
            new(year, 11, 11),
            new(year, 12, 25),
        }.ToFrozenSet();
    }

    /// <summary>Gregorian Easter Sunday (anonymous Gregorian algorithm, Meeus/Jones/Butcher).</summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    /// <summary>A day is a working day for training when it is neither a Sunday nor a public holiday.</summary>
    public static bool IsTrainingDay(DateOnly day) => day.DayOfWeek != DayOfWeek.Sunday && !IsHoliday(day);
}
