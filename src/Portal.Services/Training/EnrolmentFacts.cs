using Microsoft.EntityFrameworkCore;
using Portal.Domain.Advisors;
using Portal.Domain.Rollout;
using Portal.Domain.Sites;
using Portal.Domain.Time;
using Portal.Domain.Training;
using Portal.Services.Data;

namespace Portal.Services.Training;

/// <summary>A session as the enrolment rules read it.</summary>
internal sealed record SessionInfo(int Id, int Version, int RegionId, int CourseId, int Capacity, IReadOnlyList<DateOnly> Days,
    IReadOnlySet<int> Enrolled, IReadOnlySet<int> Cancelled)
{
    public SessionFacts Facts(int alsoEnrolled = 0) => new(RegionId, Days, Capacity, Enrolled.Count + alsoEnrolled);
}

/// <summary>An advisor as a candidate list shows them and the rules read them.</summary>
internal sealed record AdvisorLine(int Id, string EmployeeNumber, string LastName, string FirstName, int SiteId, string Site, bool Active,
    SiteKind Kind, int RegionId);

/// <summary>
/// Reads, in a few set queries, what the enrolment rules (<see cref="TrainingRules.CheckEnrolment"/>) need: the
/// session, the advisors and their training days in the weeks of the session.
/// </summary>
internal static class EnrolmentFacts
{
    public static async Task<SessionInfo?> SessionAsync(PortalDbContext db, int sessionId, CancellationToken cancellationToken)
    {
        var session = await db.TrainingSessions.AsNoTracking().Where(s => s.Id == sessionId)
            .Select(s => new
            {
                s.Id,
                s.Version,
                s.RegionId,
                s.CourseId,
                s.Capacity,
                Days = s.Days.Select(d => d.Date).ToList(),
                Enrolments = s.Enrolments.Select(e => new { e.AdvisorId, e.Status }).ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        return session is null ? null : new SessionInfo(session.Id, session.Version, session.RegionId, session.CourseId, session.Capacity,
            session.Days.Order().ToList(),
            session.Enrolments.Where(e => e.Status != EnrolmentStatus.Cancelled).Select(e => e.AdvisorId).ToHashSet(),
            session.Enrolments.Where(e => e.Status == EnrolmentStatus.Cancelled).Select(e => e.AdvisorId).ToHashSet());
    }

    public static Task<List<AdvisorLine>> AdvisorsAsync(IQueryable<Advisor> advisors, CancellationToken cancellationToken) =>
        advisors.AsNoTracking()
            .Select(a => new AdvisorLine(a.Id, a.EmployeeNumber, a.LastName, a.FirstName, a.SiteId, a.Site!.Name, a.Active, a.Site.Kind, a.Site.RegionId))
            .ToListAsync(cancellationToken);

    /// <summary>
    /// The training days of the given advisors in other sessions, within the Monday–Sunday weeks of the days given
    /// (what the same-day and week-limit rules compare with).
    /// </summary>
    public static async Task<Dictionary<int, HashSet<DateOnly>>> TrainingDaysAsync(PortalDbContext db, IQueryable<Advisor> advisors,
        int? exceptSessionId, IReadOnlyCollection<DateOnly> days, CancellationToken cancellationToken)
    {
        if (days.Count == 0)
        {
            return [];
        }
        var from = LocalCalendar.MondayOf(days.Min());
        var to = LocalCalendar.MondayOf(days.Max()).AddDays(6);
        var ids = advisors.Select(a => a.Id);
        var rows = await db.Enrolments.AsNoTracking().Where(Enrolment.InTraining)
            .Where(e => e.SessionId != exceptSessionId && ids.Contains(e.AdvisorId))
            .SelectMany(e => e.Session!.Days.Where(d => d.Date >= from && d.Date <= to), (e, d) => new { e.AdvisorId, d.Date })
            .ToListAsync(cancellationToken);
        var byAdvisor = new Dictionary<int, HashSet<DateOnly>>();
        foreach (var row in rows)
        {
            if (!byAdvisor.TryGetValue(row.AdvisorId, out var set))
            {
                byAdvisor[row.AdvisorId] = set = [];
            }
            set.Add(row.Date);
        }
        return byAdvisor;
    }

    public static async Task<RolloutSettings> SettingsAsync(PortalDbContext db, CancellationToken cancellationToken) =>
        await db.RolloutSettings.AsNoTracking().OrderBy(s => s.Id).FirstOrDefaultAsync(cancellationToken) ?? new RolloutSettings();

    private static readonly IReadOnlySet<DateOnly> NoDays = new HashSet<DateOnly>();

    public static AdvisorTrainingFacts Facts(AdvisorLine advisor, SessionInfo session, Dictionary<int, HashSet<DateOnly>> trainingDays) =>
        new(advisor.Id, advisor.Active, advisor.Kind == SiteKind.InHouse, advisor.RegionId, session.Enrolled.Contains(advisor.Id),
            trainingDays.TryGetValue(advisor.Id, out var days) ? days : NoDays);

    /// <summary>
    /// Checks a group of advisors for one session together: each takes a seat, so the capacity counts those accepted
    /// before them. Answers the refusals (empty: everyone may be enrolled).
    /// </summary>
    public static List<AdvisorRefusal> CheckGroup(IReadOnlyList<AdvisorLine> advisors, SessionInfo session,
        Dictionary<int, HashSet<DateOnly>> trainingDays, bool acrossRegions, int maxDaysPerWeek)
    {
        var refusals = new List<AdvisorRefusal>();
        var accepted = 0;
        foreach (var advisor in advisors)
        {
            var reason = TrainingRules.CheckEnrolment(Facts(advisor, session, trainingDays), session.Facts(accepted), acrossRegions, maxDaysPerWeek);
            if (reason is { } refused)
            {
                refusals.Add(new AdvisorRefusal(advisor.Id, advisor.EmployeeNumber, $"{advisor.FirstName} {advisor.LastName}", refused));
            }
            else
            {
                accepted++;
            }
        }
        return refusals;
    }
}
