using Bunit;
using Portal.Domain.Regions;
using Portal.Domain.TrainingPlan;
using Portal.Services.Regions;
using Portal.Services.TrainingPlan;
using Portal.Web.Components.Pages.Rollout.Components;

namespace Portal.Components.Tests.Rollout;

/// <summary>The training plan's review: what it reaches, its sessions, and week by week the gate with it.</summary>
public class TrainingPlanComponentTests : PortalComponentTest
{
    private static readonly DateOnly Planned = new(2026, 12, 21);
    private static readonly RegionSummary Bpl = new(2, "BPL", "Bretagne-Pays de la Loire", 2, RegionStatus.Preparing, Planned, null);

    private static TrainingPlanView View(bool reachable)
    {
        var session = new ProposedSession(1, "TRANSV-TECH", 10, "Rennes", [new(2026, 12, 7), new(2026, 12, 8), new(2026, 12, 9)], 12, [1, 2, 3]);
        var plan = new TrainingPlanProposal("BPL", Planned, reachable, reachable ? Planned : new DateOnly(2027, 1, 11), reachable ? 0.82 : 0.7, 4.5,
            [session], reachable ? TrainingPlanBinding.None : TrainingPlanBinding.Coverage, TrainingPlanStatus.Optimal, 6, Planned, 1);
        return new TrainingPlanView(Bpl, plan, new Dictionary<int, string> { [1] = "E1", [2] = "E2", [3] = "E3" },
            [new TrainingPlanWeek(new DateOnly(2026, 11, 30), 0, 0.7), new TrainingPlanWeek(new DateOnly(2026, 12, 7), 4.5, 0.82)], 0.8);
    }

    [Fact]
    public void A_reachable_plan_lists_its_sessions_and_turns_the_gate_green_in_the_week_after_them()
    {
        var result = Render<TrainingPlanResult>(p => p.Add(x => x.View, View(reachable: true)));

        Assert.Equal("true", result.Find("[data-testid=training-plan-summary]").GetAttribute("data-reachable"));
        Assert.Contains("21/12/2026", result.Find("[data-testid=training-plan-summary]").TextContent, StringComparison.Ordinal);
        var row = result.Find("[data-testid=training-plan-sessions] tbody tr");
        Assert.Equal("TRANSV-TECH", row.GetAttribute("data-course"));
        Assert.Contains("3 / 12", row.TextContent, StringComparison.Ordinal);
        Assert.Equal(["false", "true"], result.FindAll("[data-testid=training-plan-weeks] tbody tr").Select(r => r.GetAttribute("data-passes")));
    }

    [Fact]
    public void An_unreachable_plan_names_the_earliest_date_and_what_binds()
    {
        var result = Render<TrainingPlanResult>(p => p.Add(x => x.View, View(reachable: false)));

        var summary = result.Find("[data-testid=training-plan-summary]").TextContent;
        Assert.Contains("11/01/2027", summary, StringComparison.Ordinal);
        Assert.Contains("couverture", summary, StringComparison.Ordinal);
    }
}
