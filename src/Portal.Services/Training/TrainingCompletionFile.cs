using Portal.Domain.Training;
using Portal.Services.Files;

namespace Portal.Services.Training;

/// <summary>A row of the completion file: one active in-house advisor and one required course.</summary>
public sealed record CompletionFileRow(string Region, string Site, string EmployeeNumber, string LastName, string FirstName, string Course,
    CompletionStatus Status, DateOnly? CompletedOn);

/// <summary>What the completion file says of an advisor and a required course.</summary>
public enum CompletionStatus
{
    None = 0,
    Completed = 1,
    Planned = 2,
    Failed = 3,
    NoShow = 4,
    Cancelled = 5,
}

/// <summary>
/// The completion file other tools compute from (specification, section 10):
/// <c>region;site;employeeNumber;lastName;firstName;course;status;completedOn</c>, one row per active in-house advisor
/// and course required for regionalisation. And the page's figures as a file.
/// </summary>
public static class TrainingCompletionFile
{
    public static readonly IReadOnlyList<string> Columns = ["region", "site", "employeeNumber", "lastName", "firstName", "course", "status", "completedOn"];

    public static FileTable Table(IEnumerable<CompletionFileRow> rows) => new(Columns,
        rows.Select(r => (IReadOnlyList<object?>)[r.Region, r.Site, r.EmployeeNumber, r.LastName, r.FirstName, r.Course, r.Status.ToString(), r.CompletedOn]),
        "completion");

    /// <summary>
    /// The status of an advisor's enrolments on one course, each with its session's last day. A completion as of
    /// <paramref name="asOf"/> wins (the earliest, the day the skills were granted); then a planned enrolment (attendance
    /// still to record); then the latest other one (by last day, then the latest enrolment); no enrolment at all is None.
    /// </summary>
    public static (CompletionStatus Status, DateOnly? CompletedOn) StatusOf(IEnumerable<(Enrolment Enrolment, DateOnly LastDay)> enrolments, DateOnly asOf)
    {
        var list = enrolments.ToList();
        if (list.Where(e => e.Enrolment.IsCompletedAsOf(asOf)).Select(e => e.Enrolment.CompletedOn).Min() is { } completedOn)
        {
            return (CompletionStatus.Completed, completedOn);
        }
        // A completion dated after the day asked about is not one yet: the advisor is still expected on that course.
        if (list.Any(e => e.Enrolment.Status is EnrolmentStatus.Planned or EnrolmentStatus.Completed))
        {
            return (CompletionStatus.Planned, null);
        }
        var latest = list.OrderByDescending(e => e.LastDay).ThenByDescending(e => e.Enrolment.Id).FirstOrDefault();
        return latest.Enrolment is null ? (CompletionStatus.None, null) : (latest.Enrolment.Status switch
        {
            EnrolmentStatus.Failed => CompletionStatus.Failed,
            EnrolmentStatus.NoShow => CompletionStatus.NoShow,
            _ => CompletionStatus.Cancelled,
        }, null);
    }

    /// <summary>The figures of the completion page: the total, then each region, site and course, with their rates.</summary>
    public static FileTable Figures(CompletionView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        IReadOnlyList<object?> Row(string level, CompletionFigure f, string site) =>
            [level, f.RegionCode, site, f.CourseCode ?? "", f.Name, f.Advisors, f.Completed, f.Planned, Math.Round(f.Rate, 4)];
        return new FileTable(["level", "region", "site", "course", "name", "advisors", "completed", "planned", "rate"],
            [
                Row("total", view.Total, ""),
                .. view.Regions.Select(f => Row("region", f, "")),
                .. view.Sites.Select(f => Row("site", f, f.Name)),
                .. view.Courses.Select(f => Row("course", f, "")),
            ],
            "completion");
    }
}
