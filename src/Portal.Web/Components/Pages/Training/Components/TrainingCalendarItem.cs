namespace Portal.Web.Components.Pages.Training.Components;

/// <summary>A session as the calendar shows it: its label on each of its days, a link to the session.</summary>
public sealed record TrainingCalendarItem(int SessionId, string Label, IReadOnlyList<DateOnly> Days);
