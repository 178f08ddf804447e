using Portal.Domain.Subcontracting;

namespace Portal.Web.Components.Pages.Subcontracting.Components;

/// <summary>Weekdays in display order, Monday first, with their label's resource key.</summary>
public static class WeekdayNames
{
    public static IReadOnlyList<(Weekdays Flag, string Key)> All { get; } =
    [
        (Weekdays.Monday, "Day_Monday"), (Weekdays.Tuesday, "Day_Tuesday"), (Weekdays.Wednesday, "Day_Wednesday"),
        (Weekdays.Thursday, "Day_Thursday"), (Weekdays.Friday, "Day_Friday"), (Weekdays.Saturday, "Day_Saturday"), (Weekdays.Sunday, "Day_Sunday"),
    ];
}
