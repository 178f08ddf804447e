using System.Linq.Expressions;
using Portal.Domain.Advisors;

namespace Portal.Domain.Training;

/// <summary>
/// Whether an advisor has completed every course required for regionalisation as of a day (the training gate, the
/// dashboards), written once as an expression over the enrolments so that a query counts it in the database and a
/// test reads it in memory.
/// </summary>
public static class TrainingCompletion
{
    /// <summary>
    /// The advisor has, for each required course, an enrolment that <paramref name="counts"/> (e.g. completed as of a day).
    /// With no required course, every advisor has completed them all. Enrolments must reach their session.
    /// </summary>
    public static Expression<Func<Advisor, bool>> CoversEveryRequired(IQueryable<Enrolment> enrolments, IReadOnlyCollection<int> requiredCourseIds,
        Expression<Func<Enrolment, bool>> counts)
    {
        var counting = enrolments.Where(counts);
        var required = requiredCourseIds.ToList();
        var total = required.Count;
        return a => counting.Where(e => e.AdvisorId == a.Id && required.Contains(e.Session!.CourseId))
            .Select(e => e.Session!.CourseId).Distinct().Count() == total;
    }

    /// <summary>Every required course completed on or before <paramref name="asOf"/>.</summary>
    public static Expression<Func<Advisor, bool>> CompletedEveryRequired(IQueryable<Enrolment> enrolments, IReadOnlyCollection<int> requiredCourseIds, DateOnly asOf) =>
        CoversEveryRequired(enrolments, requiredCourseIds, Enrolment.CompletedAsOf(asOf));

    /// <summary>Every required course completed on or before <paramref name="asOf"/>, or planned in a session still to come.</summary>
    public static Expression<Func<Advisor, bool>> CompletedOrPlannedEveryRequired(IQueryable<Enrolment> enrolments, IReadOnlyCollection<int> requiredCourseIds, DateOnly asOf) =>
        CoversEveryRequired(enrolments, requiredCourseIds, Rules.Predicate.Or(Enrolment.CompletedAsOf(asOf), Enrolment.PlannedFrom(asOf)));
}
