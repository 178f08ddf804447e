using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Domain.Access;
using Portal.Domain.Time;
using Portal.Domain.Training;
using Portal.Domain.TrainingPlan;
using Portal.Services.Audit;
using Portal.Services.Data;
using Portal.Services.Regions;
using Portal.Services.Rollout;
using Portal.Services.Training;

namespace Portal.Services.TrainingPlan;

/// <summary>
/// The training plan to the switch for the rollout page and the command line (specification section 11): proposed
/// from the database by <see cref="TrainingPlanner"/> and shown with the readiness outlook recomputed with it, then, once
/// the director accepts it, every session and enrolment created in one transaction with every rule checked again (the
/// training rules, the rooms of each site and day, the coverage floor), and audited. Only who plans the region's
/// training (its director, a national administrator) may ask; anyone else is answered as if the region did not exist.
/// </summary>
public sealed class TrainingPlanService(IDbContextFactory<PortalDbContext> dbFactory, RegionDirectory regions, IOptions<TrainingPlanSettings> settings,
    ReadinessService readiness, TimeProvider clock)
{
    public const string AuditAction = "TrainingPlan";

    /// <summary>The proposal for the region by <paramref name="by"/>, or null when the region does not exist or the actor may not plan it.</summary>
    public async Task<TrainingPlanView?> ProposeAsync(Actor actor, string regionCode, DateOnly by, int? seconds = null, IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var region = await PlannableRegionAsync(actor, regionCode, cancellationToken);
        if (region is null)
        {
            return null;
        }
        var today = LocalCalendar.Paris.Today(clock);
        var from = today.AddDays(1);
        var target = by < from ? from : by;
        TrainingPlanInput input;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            input = await TrainingPlanFacts.LoadAsync(db, region, target, from, target.AddDays(7 * settings.Value.SearchWeeks),
                settings.Value.SessionsPerSiteDay, cancellationToken);
        }
        var limit = TimeSpan.FromSeconds(Math.Clamp(seconds ?? settings.Value.TimeLimitSeconds, 1, 600));
        var plan = await Task.Run(() => TrainingPlanner.Propose(input, limit, 0, progress, cancellationToken), cancellationToken);
        var numbers = input.Advisors.ToDictionary(a => a.Id, a => a.EmployeeNumber);
        var last = plan.Sessions.Select(s => s.LastDay).Append(target).Max();
        var weeks = new List<TrainingPlanWeek>();
        for (var monday = LocalCalendar.MondayOf(from); monday <= LocalCalendar.MondayOf(last); monday = monday.AddDays(7))
        {
            weeks.Add(new TrainingPlanWeek(monday, TrainingPlanner.CoverageLost(input, plan.Sessions, monday, monday.AddDays(6))));
        }
        // The gates week by week are the readiness outlook's own, with the proposal counted as planned.
        var outlook = await readiness.OutlookWithAsync(actor, region.Code, TrainingPlanView.Hypothetical(plan), cancellationToken);
        return new TrainingPlanView(region, plan, numbers, weeks, input.Threshold, input, outlook);
    }

    /// <summary>
    /// Creates the proposal's sessions and enrolments, all or nothing in one transaction that reads what it checks:
    /// each session's days and each advisor's enrolment are checked again by the training rules against the plan as it
    /// is now (another session planned since, an advisor who left), the advisors of the proposal's earlier sessions
    /// counted; then the rooms of each site and day with the sessions planned there since; then the coverage floor of
    /// every core half-hour of the region with the proposal and everything planned since. One audit entry per session,
    /// one for the plan.
    /// </summary>
    public async Task<TrainingPlanAcceptResult> AcceptAsync(Actor actor, TrainingPlanView proposal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        var region = await PlannableRegionAsync(actor, proposal.Region.Code, cancellationToken);
        if (region is null || region.Id != proposal.Region.Id)
        {
            return TrainingPlanAcceptResult.NotFound;
        }
        var sessions = proposal.Plan.Sessions;
        if (sessions.Count == 0)
        {
            return new TrainingPlanAcceptResult(TrainingOutcome.Saved, [], null, []);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // The checks read inside the transaction that writes, so what they passed is what is saved.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var rollout = await EnrolmentFacts.SettingsAsync(db, cancellationToken);
        var courses = await db.Courses.AsNoTracking().ToDictionaryAsync(c => c.Id, cancellationToken);
        var siteIds = sessions.Select(s => s.SiteId).Distinct().ToList();
        var sites = await db.Sites.AsNoTracking().Where(s => siteIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
        var today = LocalCalendar.Paris.Today(clock);
        var everyone = sessions.SelectMany(s => s.Advisors).Distinct().ToList();
        var advisorQuery = db.Advisors.Where(a => everyone.Contains(a.Id));
        var lines = (await EnrolmentFacts.AdvisorsAsync(advisorQuery, cancellationToken)).ToDictionary(l => l.Id);
        var allDays = sessions.SelectMany(s => s.Days).Distinct().ToList();
        var trainingDays = await EnrolmentFacts.TrainingDaysAsync(db, advisorQuery, null, allDays, cancellationToken);

        var refusals = new List<AdvisorRefusal>();
        foreach (var session in sessions)
        {
            if (!courses.TryGetValue(session.CourseId, out var course) || !sites.TryGetValue(session.SiteId, out var site)
                || site.RegionId != region.Id || !site.IsInHouse || session.Advisors.Any(a => !lines.ContainsKey(a)))
            {
                return TrainingPlanAcceptResult.NotFound;
            }
            if (TrainingRules.CheckDays(session.Days, course.Days) is { } refused)
            {
                return new TrainingPlanAcceptResult(TrainingOutcome.Invalid, [], TrainingSessionService.DaysKey(refused), []);
            }
            if (session.Days.Min() <= today)
            {
                return new TrainingPlanAcceptResult(TrainingOutcome.Invalid, [], "TrainingPlan_DayPassed", []);
            }
            var info = new SessionInfo(0, 0, region.Id, course.Id, Math.Min(session.Capacity, course.SessionCapacity), session.Days,
                new HashSet<int>(), new HashSet<int>());
            var group = session.Advisors.Select(a => lines[a]).ToList();
            refusals.AddRange(EnrolmentFacts.CheckGroup(group, info, trainingDays, AccessRules.CanEnrolAcrossRegions(actor), rollout.MaxTrainingDaysPerWeek));
            // The proposal's later sessions see this one's days as training days already.
            foreach (var advisor in session.Advisors)
            {
                if (!trainingDays.TryGetValue(advisor, out var set))
                {
                    trainingDays[advisor] = set = [];
                }
                set.UnionWith(session.Days);
            }
        }
        if (refusals.Count > 0)
        {
            return new TrainingPlanAcceptResult(TrainingOutcome.Refused, [], null, refusals);
        }
        var conflicts = await RoomsTakenAsync(db, sessions, sites, cancellationToken);
        if (conflicts.Count == 0)
        {
            var added = sessions.SelectMany(s => s.Advisors.SelectMany(a => s.Days.Select(d => (a, d)))).Distinct().ToList();
            var drops = await TrainingSessionCoverage.DropsAsync(db, region.Id, added, [], rollout.TrainingPlanningFloor, cancellationToken);
            conflicts = [.. drops.Select(d => Messages.Format("TrainingPlan_CoverageFloor", d.Day, d.Time, d.Channel, d.After, rollout.TrainingPlanningFloor))];
        }
        if (conflicts.Count > 0)
        {
            return new TrainingPlanAcceptResult(TrainingOutcome.Conflict, [], null, [], conflicts);
        }

        var trainer = Messages.Format("TrainingPlan_Trainer");
        var created = sessions.Select(s => new TrainingSession
        {
            CourseId = s.CourseId,
            RegionId = region.Id,
            SiteId = s.SiteId,
            Trainer = trainer,
            Capacity = Math.Min(s.Capacity, courses[s.CourseId].SessionCapacity),
            Days = [.. s.Days.Select(d => new SessionDay { Date = d })],
            Enrolments = [.. s.Advisors.Select(a => new Enrolment { AdvisorId = a, Status = EnrolmentStatus.Planned })],
        }).ToList();
        db.TrainingSessions.AddRange(created);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var session in created)
        {
            AuditLog.Record(db, actor, clock, AuditEntities.TrainingSession, session.Id.ToString(CultureInfo.InvariantCulture), region.Id, AuditAction, null, new
            {
                session.CourseId,
                session.SiteId,
                session.Capacity,
                Days = session.Days.Select(d => Day(d.Date)).ToList(),
                Advisors = session.Enrolments.Select(e => e.AdvisorId).ToList(),
            });
        }
        AuditLog.Record(db, actor, clock, AuditEntities.TrainingSession, $"{region.Code}/{Day(proposal.Plan.Target)}", region.Id, AuditAction, null, new
        {
            By = Day(proposal.Plan.Target),
            proposal.Plan.Reachable,
            EarliestDate = proposal.Plan.EarliestDate is { } e ? Day(e) : null,
            proposal.Plan.G2AtTarget,
            proposal.Plan.CoverageLostStaffHours,
            Sessions = created.Count,
            Enrolments = created.Sum(s => s.Enrolments.Count),
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new TrainingPlanAcceptResult(TrainingOutcome.Saved, [.. created.Select(s => s.Id)], null, []);
    }

    /// <summary>The site-days where the proposal's sessions and those booked now need more rooms than the site has.</summary>
    private async Task<List<string>> RoomsTakenAsync(PortalDbContext db, IReadOnlyList<ProposedSession> sessions,
        IReadOnlyDictionary<int, Domain.Sites.Site> sites, CancellationToken cancellationToken)
    {
        var siteIds = sessions.Select(s => s.SiteId).Distinct().ToList();
        var days = sessions.SelectMany(s => s.Days).Distinct().ToList();
        var booked = (await db.TrainingSessions.AsNoTracking().Where(s => siteIds.Contains(s.SiteId))
                .SelectMany(s => s.Days.Where(d => days.Contains(d.Date)), (s, d) => new { s.SiteId, d.Date })
                .ToListAsync(cancellationToken))
            .CountBy(b => (b.SiteId, b.Date)).ToDictionary();
        var rooms = settings.Value.SessionsPerSiteDay;
        return [.. sessions.SelectMany(s => s.Days.Select(d => (s.SiteId, Date: d)))
            .CountBy(k => k)
            .Where(k => k.Value + booked.GetValueOrDefault(k.Key) > rooms)
            .OrderBy(k => k.Key.Date).ThenBy(k => sites[k.Key.SiteId].Name, StringComparer.Ordinal)
            .Select(k => Messages.Format("TrainingPlan_RoomTaken", sites[k.Key.SiteId].Name, k.Key.Date))];
    }

    private async Task<RegionSummary?> PlannableRegionAsync(Actor actor, string regionCode, CancellationToken cancellationToken)
    {
        var region = await regions.FindAsync(actor, regionCode, Area.Training, cancellationToken);
        return region is not null && AccessRules.CanPlanTraining(actor, region.Id) ? region : null;
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
