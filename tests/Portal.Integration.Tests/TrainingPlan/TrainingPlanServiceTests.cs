using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Access;
using Portal.Domain.Rollout;
using Portal.Domain.Tests.TrainingPlan;
using Portal.Domain.Training;
using Portal.Domain.TrainingPlan;
using Portal.Services.Audit;
using Portal.Services.Rollout;
using Portal.Services.Training;
using Portal.Services.TrainingPlan;

namespace Portal.Integration.Tests.TrainingPlan;

/// <summary>
/// Training plans on the running portal's database: the demo's regions planned to their switch date and checked by the
/// independent checker, the readiness outlook recomputed with a proposal, a proposal accepted (exactly its sessions
/// created, audited, then removed again), and a proposal refused whole when a rule broke between proposing and
/// accepting: an advisor who left, a room taken, the coverage floor.
/// </summary>
[Collection(PortalCollection.Name)]
public class TrainingPlanServiceTests(PortalFixture fixture)
{
    private const int Bpl = 2;
    private static readonly Actor DirectorBpl = new("director.bpl@portal.demo", PortalRole.RegionalDirector, Bpl);

    private CancellationToken Cancel => TestContext.Current.CancellationToken;

    private TrainingPlanService Service() => fixture.App.Services.CreateScope().ServiceProvider.GetRequiredService<TrainingPlanService>();

    private async Task<DateOnly> PlannedSwitchAsync(string code)
    {
        await using var db = fixture.App.CreateDbContext();
        return await db.Regions.Where(r => r.Code == code).Select(r => r.PlannedSwitchDate).SingleAsync(Cancel);
    }

    [Theory]
    [InlineData("IDF")]
    [InlineData("NDF")]
    [InlineData("EST")]
    public async Task A_demo_region_s_plan_to_its_switch_keeps_every_training_rule_and_the_coverage_floor(string region)
    {
        var plan = await Service().ProposeAsync(Actor.System, region, await PlannedSwitchAsync(region), 3, null, Cancel);

        Assert.NotNull(plan);
        Assert.Empty(TrainingPlanChecker.Violations(plan.Input!, plan.Plan));
        Assert.True(plan.Plan.Reachable || plan.Plan.Binding != Domain.TrainingPlan.TrainingPlanBinding.None);
        Assert.True(plan.Plan.CoverageLostStaffHours <= plan.Plan.GreedyCoverageLostStaffHours + 1e-9);
    }

    /// <summary>
    /// The demo's BPL already reaches the gate's 80% by its date with the sessions planned: a higher threshold for
    /// the time of a test makes the plan propose sessions.
    /// </summary>
    private async Task<TrainingPlanView> ProposeAboveDemoAsync(TrainingPlanService service, double threshold)
    {
        await using var db = fixture.App.CreateDbContext();
        var before = await db.RolloutSettings.Select(s => s.TrainingCompletionThreshold).FirstAsync(Cancel);
        await db.RolloutSettings.ExecuteUpdateAsync(u => u.SetProperty(s => s.TrainingCompletionThreshold, threshold), Cancel);
        try
        {
            var proposal = await service.ProposeAsync(DirectorBpl, "BPL", await PlannedSwitchAsync("BPL"), 2, null, Cancel);
            Assert.NotNull(proposal);
            Assert.NotEmpty(proposal.Plan.Sessions);
            Assert.Empty(TrainingPlanChecker.Violations(proposal.Input!, proposal.Plan));
            return proposal;
        }
        finally
        {
            await db.RolloutSettings.ExecuteUpdateAsync(u => u.SetProperty(s => s.TrainingCompletionThreshold, before), Cancel);
        }
    }

    [Fact]
    public async Task Accepting_creates_exactly_the_proposed_sessions_and_enrolments_audited()
    {
        var service = Service();
        var proposal = await ProposeAboveDemoAsync(service, 0.9);
        List<int> created = [];
        try
        {
            var result = await service.AcceptAsync(DirectorBpl, proposal, Cancel);

            Assert.Equal(TrainingOutcome.Saved, result.Outcome);
            created = [.. result.SessionIds];
            await using var db = fixture.App.CreateDbContext();
            var stored = await db.TrainingSessions.AsNoTracking().Include(s => s.Days).Include(s => s.Enrolments)
                .Where(s => created.Contains(s.Id)).ToListAsync(Cancel);
            Assert.Equal(
                proposal.Plan.Sessions.Select(s => (s.CourseId, s.SiteId, string.Join(',', s.Days), string.Join(',', s.Advisors.Order()))).Order(),
                stored.Select(s => (s.CourseId, s.SiteId, string.Join(',', s.Days.Select(d => d.Date).Order()),
                    string.Join(',', s.Enrolments.Where(e => e.Status == EnrolmentStatus.Planned).Select(e => e.AdvisorId).Order()))).Order());
            var audit = await db.AuditEntries.OrderByDescending(a => a.Id).FirstAsync(a => a.Entity == AuditEntities.TrainingSession, Cancel);
            Assert.Equal((TrainingPlanService.AuditAction, DirectorBpl.UserName, (int?)Bpl), (audit.Action, audit.UserName, audit.RegionId));
        }
        finally
        {
            await RemoveAsync(created);
        }
    }

    [Fact]
    public async Task An_advisor_who_left_since_the_proposal_makes_the_whole_plan_refused()
    {
        var service = Service();
        var proposal = await ProposeAboveDemoAsync(service, 0.9);
        var leaving = proposal.Plan.Sessions[^1].Advisors[0];
        int before;
        await using (var db = fixture.App.CreateDbContext())
        {
            before = await db.TrainingSessions.CountAsync(Cancel);
            await db.Advisors.Where(a => a.Id == leaving).ExecuteUpdateAsync(u => u.SetProperty(a => a.Active, false), Cancel);
        }
        try
        {
            var result = await service.AcceptAsync(DirectorBpl, proposal, Cancel);

            Assert.Equal(TrainingOutcome.Refused, result.Outcome);
            Assert.Contains(result.Refusals, r => r.AdvisorId == leaving && r.Reason == EnrolmentRefusal.Inactive);
            await using var db = fixture.App.CreateDbContext();
            Assert.Equal(before, await db.TrainingSessions.CountAsync(Cancel));
        }
        finally
        {
            await using var db = fixture.App.CreateDbContext();
            await db.Advisors.Where(a => a.Id == leaving).ExecuteUpdateAsync(u => u.SetProperty(a => a.Active, true), Cancel);
        }
    }

    [Fact]
    public async Task The_proposal_comes_with_the_readiness_outlook_recomputed_with_its_sessions_and_nothing_written()
    {
        var service = Service();
        int sessions, enrolments;
        await using (var db = fixture.App.CreateDbContext())
        {
            (sessions, enrolments) = (await db.TrainingSessions.CountAsync(Cancel), await db.Enrolments.CountAsync(Cancel));
        }
        var proposal = await ProposeAboveDemoAsync(service, 0.9);
        var without = await fixture.App.Services.CreateScope().ServiceProvider.GetRequiredService<ReadinessService>().OutlookAsync(DirectorBpl, "BPL", Cancel);

        Assert.NotNull(proposal.Outlook);
        Assert.NotNull(without);
        Assert.Equal(without.Weeks.Select(w => w.Date), proposal.Outlook.Weeks.Select(w => w.Date));
        double G2(ReadinessView week) => week.Gates.Single(g => g.Code == GateCode.G2).Value;
        var pairs = without.Weeks.Zip(proposal.Outlook.Weeks).ToList();
        Assert.All(pairs, p => Assert.True(G2(p.Second) + 1e-9 >= G2(p.First), $"{p.First.Date}: {G2(p.First)} then {G2(p.Second)}"));
        // The proposal adds completions: from the last day of its last session the training gate counts more advisors.
        var after = proposal.Plan.Sessions.Max(s => s.LastDay);
        Assert.Contains(pairs, p => p.First.Date > after && G2(p.Second) > G2(p.First) + 1e-9);
        Assert.Equal(TrainingPlanner.G2(proposal.Input!, proposal.Plan.Sessions, proposal.Plan.Target), G2(proposal.Outlook.Weeks[0]), 2);
        await using (var db = fixture.App.CreateDbContext())
        {
            Assert.Equal((sessions, enrolments), (await db.TrainingSessions.CountAsync(Cancel), await db.Enrolments.CountAsync(Cancel)));
        }
    }

    [Fact]
    public async Task A_session_planned_at_the_site_since_the_proposal_takes_its_room_and_the_whole_plan_is_refused()
    {
        var service = Service();
        var proposal = await ProposeAboveDemoAsync(service, 0.9);
        var first = proposal.Plan.Sessions[0];
        var meanwhile = new TrainingSession
        {
            CourseId = first.CourseId, RegionId = Bpl, SiteId = first.SiteId, Trainer = "Formateur du site", Capacity = 12,
            Days = [new SessionDay { Date = first.Days[0] }],
        };
        await using (var db = fixture.App.CreateDbContext())
        {
            db.TrainingSessions.Add(meanwhile);
            await db.SaveChangesAsync(Cancel);
        }
        try
        {
            var (sessions, enrolments, audit) = await CountsAsync();

            var result = await service.AcceptAsync(DirectorBpl, proposal, Cancel);

            Assert.Equal(TrainingOutcome.Conflict, result.Outcome);
            Assert.Empty(result.SessionIds);
            var conflict = Assert.Single(result.Conflicts!);
            Assert.Contains(first.Site, conflict, StringComparison.Ordinal);
            Assert.Equal((sessions, enrolments, audit), await CountsAsync());
        }
        finally
        {
            await RemoveAsync([meanwhile.Id]);
        }
    }

    [Fact]
    public async Task Advisors_taken_off_the_floor_since_the_proposal_make_its_trainees_push_the_core_below_the_floor_and_the_whole_plan_is_refused()
    {
        var service = Service();
        var proposal = await ProposeAboveDemoAsync(service, 0.9);
        var planned = proposal.Plan.Sessions.SelectMany(s => s.Advisors).ToHashSet();
        var meanwhile = new TrainingSession { CourseId = proposal.Plan.Sessions[0].CourseId, RegionId = Bpl, Trainer = "Formateur du site", Capacity = 12 };
        await using (var db = fixture.App.CreateDbContext())
        {
            // A day one of the proposal's trainees works: everyone else on shift in the region that day is sent to a
            // session planned since, so what is left of the floor is the trainees the proposal takes away.
            var trainingDays = proposal.Plan.Sessions.SelectMany(s => s.Advisors.SelectMany(a => s.Days.Select(d => (Advisor: a, Day: d)))).ToList();
            var days = trainingDays.Select(t => t.Day).Distinct().ToList();
            var worked = (await db.Shifts.AsNoTracking().Where(s => planned.Contains(s.AdvisorId) && days.Contains(s.Date))
                .Select(s => new { s.AdvisorId, s.Date }).ToListAsync(Cancel)).Select(s => (s.AdvisorId, s.Date)).ToHashSet();
            var day = trainingDays.Where(worked.Contains).Min(t => t.Day);
            meanwhile.SiteId = await db.Sites.Where(s => s.RegionId != Bpl).Select(s => s.Id).FirstAsync(Cancel);
            meanwhile.Days = [new SessionDay { Date = day }];
            var others = await db.Shifts.Where(s => s.Date == day && s.Advisor!.Site!.RegionId == Bpl && !planned.Contains(s.AdvisorId))
                .Select(s => s.AdvisorId).Distinct().ToListAsync(Cancel);
            Assert.NotEmpty(others);
            meanwhile.Enrolments = [.. others.Select(a => new Enrolment { AdvisorId = a, Status = EnrolmentStatus.Planned })];
            db.TrainingSessions.Add(meanwhile);
            await db.SaveChangesAsync(Cancel);
        }
        try
        {
            var (sessions, enrolments, audit) = await CountsAsync();

            var result = await service.AcceptAsync(DirectorBpl, proposal, Cancel);

            Assert.Equal(TrainingOutcome.Conflict, result.Outcome);
            Assert.Empty(result.SessionIds);
            Assert.NotEmpty(result.Conflicts!);
            Assert.All(result.Conflicts!, c => Assert.Contains("80", c, StringComparison.Ordinal));
            Assert.Equal((sessions, enrolments, audit), await CountsAsync());
        }
        finally
        {
            await RemoveAsync([meanwhile.Id]);
        }
    }

    private async Task<(int Sessions, int Enrolments, int Audit)> CountsAsync()
    {
        await using var db = fixture.App.CreateDbContext();
        return (await db.TrainingSessions.CountAsync(Cancel), await db.Enrolments.CountAsync(Cancel), await db.AuditEntries.CountAsync(Cancel));
    }

    private async Task RemoveAsync(IReadOnlyCollection<int> sessionIds)
    {
        if (sessionIds.Count == 0)
        {
            return;
        }
        await using var db = fixture.App.CreateDbContext();
        db.TrainingSessions.RemoveRange(await db.TrainingSessions.Include(s => s.Days).Include(s => s.Enrolments)
            .Where(s => sessionIds.Contains(s.Id)).ToListAsync(Cancel));
        await db.SaveChangesAsync(Cancel);
    }
}
