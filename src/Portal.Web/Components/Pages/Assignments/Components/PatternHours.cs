using Portal.Services.Assignments;

namespace Portal.Web.Components.Pages.Assignments.Components;

/// <summary>The hours a pattern gives every ticked day: a working day with a lunch break unless changed.</summary>
public sealed class PatternHours
{
    public TimeOnly Start { get; set; } = new(9, 0);

    public TimeOnly End { get; set; } = new(17, 0);

    public TimeOnly? BreakStart { get; set; } = new(12, 0);

    public int BreakMinutes { get; set; } = 60;

    // A cleared break start means no break, whatever length is still chosen.
    public PatternDay On(DayOfWeek day) => new(day, Start, End, BreakStart, BreakStart is null ? 0 : BreakMinutes);
}
