using Bunit;
using Portal.Domain.Regions;
using Portal.Domain.Rollout;
using Portal.Services.Regions;
using Portal.Services.Rollout;
using Portal.Web.Components.Pages.Rollout.Components;

namespace Portal.Components.Tests.Rollout;

/// <summary>The readiness page's gates panel and outlook strip, from read models built here.</summary>
public class RolloutComponentTests : PortalComponentTest
{
    private static readonly DateOnly Planned = new(2026, 12, 21);
    private static readonly RegionSummary Bpl = new(2, "BPL", "Bretagne-Pays de la Loire", 2, RegionStatus.Preparing, Planned, null);

    private static ReadinessView Week(DateOnly date, bool training, bool coverage = true) => new(Bpl, 3, date, training && coverage,
    [
        new GateView(GateCode.G1, true, 1, 1, "Toutes les régions des vagues précédentes ont basculé (1 sur 1).", []),
        new GateView(GateCode.G2, training, training ? 0.86 : 0.66, 0.8, training ? "86 % formés" : "66 % formés : 529 n'ont pas suivi « Transversalité technique »", []),
        new GateView(GateCode.G3, true, 2, 1, "Assez de certifiés", [new ChannelGate("Voice", true, 1167, 586)]),
        new GateView(GateCode.G4, coverage, coverage ? 0.95 : 0.5, 0.9, "Couverture",
            [new ChannelGate("Voice", true, 0.95, 0.9, 0.84, 0.7), new ChannelGate("Chat", coverage, coverage ? 0.96 : 0.5, 0.9, 0.2, 0.7, 3)]),
    ]);

    [Fact]
    public void The_strip_shows_the_planned_date_first_and_each_gate_passing_or_failing_per_week()
    {
        var weeks = new[] { Week(Planned, true), Week(Planned.AddDays(-14), false), Week(Planned.AddDays(-7), false), Week(Planned, true) };
        var outlook = new OutlookView(Bpl, Planned, weeks, Planned, null, "Toutes les portes passent à partir du 21/12/2026 avec le plan actuel.");

        var strip = Render<OutlookStrip>(p => p.Add(x => x.Outlook, outlook));

        Assert.Equal(["Porte", "21/12", "07/12", "14/12", "21/12"], strip.FindAll("thead th").Select(th => th.TextContent.Trim()));
        var training = strip.Find("tr[data-gate=G2]").QuerySelectorAll("td").Select(td => td.GetAttribute("data-passes")).ToList();
        Assert.Equal(["true", "false", "false", "true"], training);
        Assert.All(strip.Find("tr[data-gate=G1]").QuerySelectorAll("td"), td => Assert.Equal("✓", td.TextContent.Trim()));
        Assert.Contains("21/12/2026", strip.Find("[data-testid=outlook-sentence]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failing_gate_links_to_what_makes_it_fail_and_a_passing_one_to_nothing()
    {
        var panel = Render<GatesPanel>(p => p.Add(x => x.View, Week(Planned, training: false, coverage: false)));

        Assert.Equal("false", panel.Find("[data-gate=G2]").GetAttribute("data-passes"));
        Assert.Equal(["training/completion?region=BPL"], panel.Find("[data-gate=G2]").QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        // Only the channel that fails is linked, to its coverage in the week of the date.
        Assert.Equal(["coverage/BPL?week=2026-12-21&channel=Chat"], panel.Find("[data-gate=G4]").QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        Assert.Empty(panel.Find("[data-gate=G3]").QuerySelectorAll("a"));
        Assert.Contains("529 n'ont pas suivi", panel.Find("[data-gate=G2]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Échoue", panel.Find("[data-gate=G2]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_training_gate_links_to_who_still_needs_the_course_it_names()
    {
        var week = Week(Planned, training: false);
        var gates = week.Gates.Select(g => g.Code == GateCode.G2 ? g with { MissingCourse = "TRANSV TECH" } : g).ToList();

        var panel = Render<GatesPanel>(p => p.Add(x => x.View, week with { Gates = gates }));

        Assert.Equal(["training/completion?region=BPL&course=TRANSV%20TECH"], panel.Find("[data-gate=G2]").QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
    }
}
