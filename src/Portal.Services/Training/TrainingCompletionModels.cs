namespace Portal.Services.Training;

/// <summary>
/// Completion of the required courses in one group of active in-house advisors (a region, a site or, for a course,
/// everyone the reader may see). For a region or a site, <see cref="Completed"/> counts the advisors who completed
/// every required course and <see cref="Planned"/> those whose missing ones are all planned; for a course, the advisors
/// who completed that course and those planned on it.
/// </summary>
public sealed record CompletionFigure(string RegionCode, int? SiteId, string? CourseCode, string Name, int Advisors, int Completed, int Planned)
{
    public double Rate => Advisors == 0 ? 0 : (double)Completed / Advisors;
}

/// <summary>
/// One week of the cumulative completion: the advisors who had completed every required course by its Sunday
/// (today for the current week), and with the planned enrolments counted as completed on their session's last day.
/// A week after the current one is <see cref="Ahead"/>: only the plan speaks of it.
/// </summary>
public sealed record CompletionWeek(DateOnly Monday, int Completed, int CompletedOrPlanned, bool Ahead);

public sealed record CompletionView(
    DateOnly AsOf,
    CompletionFigure Total,
    IReadOnlyList<CompletionFigure> Regions,
    IReadOnlyList<CompletionFigure> Sites,
    IReadOnlyList<CompletionFigure> Courses,
    IReadOnlyList<CompletionWeek> Weeks);

/// <summary>The filters and page of the "still missing a required course" list.</summary>
public sealed record MissingQuery(string? Region = null, int? Site = null, string? Course = null, int Page = 0, int PageSize = 25)
{
    public const int MaxPageSize = 100;
}

/// <summary>An advisor without a completion of a required course; <see cref="PlannedFrom"/> the first day of a session planned for it.</summary>
public sealed record MissingRow(string RegionCode, string Site, string EmployeeNumber, string LastName, string FirstName, string CourseCode, DateOnly? PlannedFrom);

public sealed record MissingPage(int Total, IReadOnlyList<MissingRow> Rows);
