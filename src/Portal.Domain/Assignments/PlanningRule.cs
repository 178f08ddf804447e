namespace Portal.Domain.Assignments;

/// <summary>The planning rules a shift must keep, one per reason a director would be told.</summary>
public enum PlanningRule
{
    /// <summary>The advisor does not hold every skill of the channel at level 2 or more.</summary>
    Skills = 1,

    /// <summary>The shift overlaps another shift of the advisor.</summary>
    Overlap = 2,

    /// <summary>Less than the minimum rest between this shift and the one before or after it, across weeks too.</summary>
    Rest = 3,

    /// <summary>The advisor is in training on a day the shift touches.</summary>
    TrainingDay = 4,

    /// <summary>The advisor is absent on a day the shift touches.</summary>
    Absence = 5,

    /// <summary>The shift is not inside the channel's opening hours.</summary>
    OpeningHours = 6,

    /// <summary>More worked hours on the day than the daily limit.</summary>
    DailyHours = 7,

    /// <summary>More worked hours in the week than the weekly limit.</summary>
    WeeklyHours = 8,

    /// <summary>More worked hours in the week than the advisor's contract with its tolerance.</summary>
    Contract = 9,

    /// <summary>The break is not one the portal allows (<see cref="ShiftBreak.CheckOn"/>).</summary>
    Break = 10,

    /// <summary>A shift of no length, or longer than a day.</summary>
    Length = 11,
}

/// <summary>A broken planning rule, naming the advisor and the day of the shift that breaks it.</summary>
public sealed record PlanningRefusal(PlanningRule Rule, int AdvisorId, string EmployeeNumber, string AdvisorName, DateOnly Date);
