using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Access;
using Portal.Domain.Tests.TrainingPlan;
using Portal.Domain.Training;
using Portal.Services.Audit;
using Portal.Services.Training;
using Portal.Services.TrainingPlan;

namespace Portal.Integration.Tests.TrainingPlan;

/// <summary>
/// Training plans on the running portal's database: the demo's regions planned to their switch date and checked by the
/// independent checker, a proposal accepted (exactly its sessions created, audited, then removed again), and a proposal
/// refused whole when a rule broke between proposing and accepting.
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
