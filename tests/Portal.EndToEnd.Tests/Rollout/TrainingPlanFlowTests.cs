using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Access;
using Portal.Domain.Advisors;
using Portal.Domain.Rollout;
using Portal.Domain.Time;
using Portal.Domain.Training;
using Portal.EndToEnd.Tests.Infrastructure;
using Portal.EndToEnd.Tests.Pages;
using Portal.Services;
using Portal.Services.Rollout;
using Portal.Services.Training;
using static Microsoft.Playwright.Assertions;

namespace Portal.EndToEnd.Tests.Rollout;

/// <summary>A portal of its own for the training plan (accepting it creates sessions), with a short solver limit.</summary>
public sealed class TrainingPlanPortal : PortalFixture
{
    public TrainingPlanPortal()
        : base(new Dictionary<string, string?> { ["TrainingPlan:TimeLimitSeconds"] = "3" })
    {
    }
}

/// <summary>
/// BPL's director plans the training to the switch in a real browser and accepts it: the outlook's training gate at the
/// planned date, failing before, passes after. The demo's own planned sessions already bring BPL's gate over its
/// threshold by the date, so the test first withdraws, through the enrolment service, the planned enrolments of enough
/// advisors for the gate to fail there: the plan is then what turns it green.
/// </summary>
public sealed class TrainingPlanFlowTests(TrainingPlanPortal portal) : BrowserTest(portal), IClassFixture<TrainingPlanPortal>
{
    private const int Bpl = 2;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static double Value(string? value) => double.Parse(value!, CultureInfo.InvariantCulture);

    private async Task<GateView> G2AtPlannedDateAsync()
    {
        await using var scope = Portal.Services.CreateAsyncScope();
        var outlook = await scope.ServiceProvider.GetRequiredService<ReadinessService>().OutlookAsync(Actor.System, "BPL", Ct);
        return outlook!.Weeks[0].Gates.Single(g => g.Code == GateCode.G2);
    }

    /// <summary>Withdraws, a few advisors at a time, planned enrolments that complete advisors by the date, until the gate fails there.</summary>
    private async Task MakeTheTrainingGateFailAtThePlannedDateAsync()
    {
        var today = LocalCalendar.Paris.Today(TimeProvider.System);
        List<(int Advisor, int Enrolment, int Version)> planned;
        await using (var db = Portal.CreateDbContext())
        {
            var date = await db.Regions.Where(r => r.Id == Bpl).Select(r => r.PlannedSwitchDate).SingleAsync(Ct);
            var rows = await db.Enrolments.AsNoTracking()
                .Where(e => e.Status == EnrolmentStatus.Planned && e.Session!.Course!.RequiredForRegionalisation)
                .Where(e => db.Advisors.Where(Advisor.ActiveInHouse).Any(a => a.Id == e.AdvisorId && a.Site!.RegionId == Bpl))
                .Select(e => new { e.AdvisorId, e.Id, e.Version, LastDay = e.Session!.Days.Max(d => d.Date) })
                .ToListAsync(Ct);
            planned = [.. rows.Where(r => r.LastDay > today && r.LastDay <= date).OrderBy(r => r.AdvisorId).Select(r => (r.AdvisorId, r.Id, r.Version))];
        }
        await using var scope = Portal.Services.CreateAsyncScope();
        var enrolments = scope.ServiceProvider.GetRequiredService<EnrolmentService>();
        foreach (var advisors in planned.GroupBy(p => p.Advisor).Chunk(25))
        {
            if (!(await G2AtPlannedDateAsync()).Passes)
            {
                return;
            }
            foreach (var (_, enrolment, version) in advisors.SelectMany(a => a))
            {
                Assert.Equal(SaveOutcome.Saved, (await enrolments.WithdrawAsync(Actor.System, enrolment, version, Ct)).Outcome);
            }
        }
        Assert.False((await G2AtPlannedDateAsync()).Passes, "the training gate still passes at the planned date");
    }

    [Fact]
    public async Task The_director_plans_the_training_to_the_switch_accepts_it_and_the_outlook_turns_green_at_the_planned_date()
    {
        await MakeTheTrainingGateFailAtThePlannedDateAsync();
        await (await LoginPage.OpenAsync(Page)).SignInAsync(DemoLogins.DirectorBpl);
        var readiness = await ReadinessPage.OpenAsync(Page, "BPL");

        var before = readiness.OutlookAtPlannedDate("G2");
        await Expect(before).ToHaveAttributeAsync("data-passes", "false");
        var valueBefore = Value(await before.GetAttributeAsync("data-value"));
        Assert.True(valueBefore < 0.8, $"G2 at the planned date before the plan: {valueBefore}");

        await readiness.PlanTraining.ClickAsync();
        await Expect(readiness.TrainingPlanSummary).ToBeVisibleAsync(new() { Timeout = 180_000 });
        await Expect(readiness.TrainingPlanSummary).ToHaveAttributeAsync("data-reachable", "true");
        var proposed = readiness.ProposalOutlookAtPlannedDate("G2");
        await Expect(proposed).ToHaveAttributeAsync("data-passes", "true");
        Assert.True(Value(await proposed.GetAttributeAsync("data-value")) >= 0.8);
        await Expect(readiness.ProposalOutlookAtPlannedDate("Ready")).ToHaveAttributeAsync("data-passes", "true");
        await Page.ScreenshotAsync(new() { Path = Screenshots.PathOf("rollout-training-plan-proposal-bpl"), FullPage = true });

        await readiness.AcceptTrainingPlan.ClickAsync();

        await Expect(Page.GetByText("sessions créées avec leurs inscriptions")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        var after = readiness.OutlookAtPlannedDate("G2");
        await Expect(after).ToHaveAttributeAsync("data-passes", "true");
        var valueAfter = Value(await after.GetAttributeAsync("data-value"));
        Assert.True(valueAfter >= 0.8 && valueAfter > valueBefore, $"G2 at the planned date: {valueBefore} before, {valueAfter} after");
        foreach (var gate in new[] { "G1", "G2", "G3", "G4" })
        {
            await Expect(readiness.OutlookAtPlannedDate(gate)).ToHaveAttributeAsync("data-passes", "true");
        }
        await Page.ScreenshotAsync(new() { Path = Screenshots.PathOf("rollout-training-plan-accepted-bpl"), FullPage = true });
    }
}
