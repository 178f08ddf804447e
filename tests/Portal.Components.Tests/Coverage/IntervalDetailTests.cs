using Bunit;
using Portal.Domain.Channels;
using Portal.Domain.Coverage;
using Portal.Domain.Staffing;
using Portal.Domain.Time;
using Portal.Services.Coverage;
using Portal.Web.Components.Pages.Coverage.Components;
using static Portal.Components.Tests.Coverage.CoverageWeek;

namespace Portal.Components.Tests.Coverage;

public class IntervalDetailTests : PortalComponentTest
{
    private static readonly ChannelSettings Voice = new("Voice", ChannelKind.Voice, ServiceLevelTarget: 0.8, TargetAnswerSeconds: 20,
        Concurrency: 1, Shrinkage: 0.3, MaxOccupancy: 0.9);

    /// <summary>The worked example of the specification (100 calls, 180 s, 80 % in 20 s) on a Monday at 10:00, with 30 % shrinkage.</summary>
    private static readonly CoverageCell MondayAtTen = new(
        LocalCalendar.Paris.IntervalsOf(PlainMonday).Single(i => i.LocalTime == new TimeOnly(10, 0)),
        SlotClass.Core,
        Contacts: 100,
        AverageHandlingSeconds: 180,
        new StaffingResult(10, 14, 0.8884, 7.84, 0.714, 20),
        InHouse: 12,
        Subcontracted: 3,
        Losses: default);

    private IRenderedComponent<IntervalDetail> RenderDetail(CoverageCell cell, Action? onClose = null) =>
        Render<IntervalDetail>(p => p
            .Add(x => x.Cell, cell)
            .Add(x => x.Channel, Voice)
            .Add(x => x.OnClose, () => onClose?.Invoke()));

    /// <summary>Each term of the detail's definition list with the value beside it, in the order shown.</summary>
    private static KeyValuePair<string, string>[] Terms(IRenderedComponent<IntervalDetail> detail) =>
        [.. detail.FindAll("dl dt").Select(dt => KeyValuePair.Create(dt.TextContent.Trim(), dt.NextElementSibling!.TextContent.Trim()))];

    [Fact]
    public void The_detail_is_headed_with_the_French_day_and_the_time_of_the_half_hour()
    {
        var detail = RenderDetail(MondayAtTen);

        Assert.Equal("lundi 8 juin, 10:00", detail.Find("h2").TextContent.Trim());
    }

    [Fact]
    public void The_detail_names_the_slot_and_the_status_in_French()
    {
        var detail = RenderDetail(MondayAtTen);

        Assert.Contains("Créneau cœur · Sous-effectif", detail.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void The_detail_shows_the_inputs_and_the_requirement_with_French_numbers()
    {
        var detail = RenderDetail(MondayAtTen);

        Assert.Equal(
            [
                "Contacts attendus: 100,0",
                "Durée moyenne de traitement: 180 s",
                "Objectif: 80 % en 20 s",
                "Taux d'indisponibilité: 30 %",
                "Occupation maximale: 90 %",
                "Trafic (Erlangs): 10,00",
                "Agents en ligne (N): 14",
                "Niveau de service atteint: 88,8 %",
                "Occupation: 71,4 %",
                "Délai moyen de réponse: 7,8 s",
                "Effectif requis: 20",
                "Conseillers internes: 12",
                "Sous-traitance et offshore: 3",
                "Manque: 5 (25 %)",
            ],
            Terms(detail).Select(t => $"{t.Key}: {t.Value}"));
    }

    [Fact]
    public void With_nothing_lost_no_list_of_causes_is_shown()
    {
        var detail = RenderDetail(MondayAtTen);

        Assert.Empty(detail.FindAll("[data-testid=causes]"));
        Assert.DoesNotContain("Effectif retiré", detail.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_cause_of_lost_supply_is_listed_as_a_French_sentence()
    {
        var detail = RenderDetail(MondayAtTen with { Losses = new SupplyLosses(Training: 2, Absence: 1, NotCertified: 3, SubcontractorsAfterSwitch: 4) });

        Assert.Contains("Effectif retiré", detail.Markup, StringComparison.Ordinal);
        Assert.Equal(
            [
                "2 en formation ce jour",
                "1 absent(s) ce jour",
                "3 en vacation sans les compétences du canal (niveau 2)",
                "4 agent(s) de sous-traitance non comptés\u00a0: créneau cœur après la bascule",
            ],
            detail.FindAll("[data-testid=causes] li").Select(li => li.TextContent.Trim()));
    }

    [Theory]
    [InlineData(1, 0, 0, 0, "1 en formation ce jour")]
    [InlineData(0, 2, 0, 0, "2 absent(s) ce jour")]
    [InlineData(0, 0, 3, 0, "3 en vacation sans les compétences du canal (niveau 2)")]
    [InlineData(0, 0, 0, 4, "4 agent(s) de sous-traitance non comptés\u00a0: créneau cœur après la bascule")]
    public void Only_the_causes_that_removed_someone_are_listed(int training, int absence, int notCertified, int subcontractors, string sentence)
    {
        var detail = RenderDetail(MondayAtTen with { Losses = new SupplyLosses(training, absence, notCertified, subcontractors) });

        var cause = Assert.Single(detail.FindAll("[data-testid=causes] li"));
        Assert.Equal(sentence, cause.TextContent.Trim());
    }

    [Fact]
    public void A_covered_half_hour_has_no_gap()
    {
        var terms = Terms(RenderDetail(MondayAtTen with { InHouse = 18, Subcontracted = 4 }));

        Assert.Equal("0", terms.Single(t => t.Key == "Manque").Value);
    }

    [Fact]
    public void The_close_button_asks_the_page_to_close_the_detail()
    {
        var closed = false;
        var detail = RenderDetail(MondayAtTen, () => closed = true);

        detail.Find("button[aria-label=Fermer]").Click();

        Assert.True(closed);
    }

    [Fact]
    public void An_interval_that_cannot_be_staffed_says_so_and_why()
    {
        var detail = RenderDetail(MondayAtTen with { Contacts = 1e12, Requirement = StaffingResult.CannotBeStaffed(1e12 * 180 / 1800) });

        Assert.Contains("Créneau cœur · Non dimensionnable", detail.Markup, StringComparison.Ordinal);
        Assert.Contains("aucun effectif ne peut être calculé", detail.Find("[data-testid=unstaffable]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Advisors_on_break_are_counted_in_the_detail()
    {
        var detail = RenderDetail(MondayAtTen with { Losses = new SupplyLosses(0, 0, 0, 0, OnBreak: 4) });

        Assert.Contains(KeyValuePair.Create("Conseillers en pause", "4"), Terms(detail));
        Assert.Empty(detail.FindAll("[data-testid=causes]"));
    }
}
