using Bunit;
using Portal.Domain.Skills;
using Portal.Services.Advisors;
using Portal.Web.Components.Pages.Advisors.Components;

namespace Portal.Components.Tests.Advisors;

public class AdvisorFilterBarTests : PortalComponentTest
{
    private static readonly Option Bpl = new(2, "BPL", "Bretagne-Pays de la Loire");
    private static readonly Option Nc = new(3, "NC", "Nord-Champagne");

    private static readonly IReadOnlyList<Option> Sites = [new(10, "BPL", "Plateau Rennes"), new(11, "BPL", "Plateau Nantes")];

    private static readonly IReadOnlyList<Option> Skills = [new(1, "MOB-VENTE", "Vente mobile"), new(6, "FIDEL", "Fidélisation")];

    private IRenderedComponent<AdvisorFilterBar> RenderBar(IReadOnlyList<Option> regions, AdvisorQuery query, List<AdvisorQuery> raised) =>
        Render<AdvisorFilterBar>(p => p
            .Add(x => x.Filters, new AdvisorFilters(regions, Sites, Skills))
            .Add(x => x.Query, query)
            .Add(x => x.OnChange, (AdvisorQuery changed) => raised.Add(changed)));

    private static string[] Labels(IRenderedComponent<AdvisorFilterBar> bar) =>
        [.. bar.FindAll("label").Select(l => l.TextContent.Trim())];

    [Fact]
    public void Typing_in_the_search_raises_the_query_with_that_search_and_the_other_filters_kept()
    {
        var raised = new List<AdvisorQuery>();
        var query = new AdvisorQuery(Region: "BPL", SiteId: 10, SkillId: 6, MinimumLevel: ProficiencyLevel.Confirmed, Active: true);
        var bar = RenderBar([Bpl], query, raised);

        bar.Find("input[data-testid=advisor-search]").Input("E101255");

        bar.WaitForAssertion(() => Assert.Single(raised));
        Assert.Equal(query with { Search = "E101255" }, raised[0]);
    }

    [Fact]
    public void The_search_field_is_labelled_in_French_and_shows_the_search_of_the_address()
    {
        var bar = RenderBar([Bpl], new AdvisorQuery(Search: "Le Goff"), []);

        Assert.Contains("Nom ou matricule", Labels(bar));
        Assert.Equal("Le Goff", bar.Find("input[data-testid=advisor-search]").GetAttribute("value"));
    }

    [Fact]
    public void A_user_who_reads_a_single_region_is_not_offered_a_region_select()
    {
        var bar = RenderBar([Bpl], new AdvisorQuery(), []);

        Assert.DoesNotContain("Région", Labels(bar));
        Assert.Equal(["Nom ou matricule", "Site", "Compétence", "Niveau minimal", "Statut"], Labels(bar));
    }

    [Fact]
    public void A_user_who_reads_several_regions_is_offered_a_region_select()
    {
        var bar = RenderBar([Bpl, Nc], new AdvisorQuery(), []);

        Assert.Equal(["Nom ou matricule", "Région", "Site", "Compétence", "Niveau minimal", "Statut"], Labels(bar));
    }

    [Fact]
    public void The_minimum_level_can_be_chosen_only_once_a_skill_is_chosen()
    {
        var withoutSkill = RenderBar([Bpl], new AdvisorQuery(), []);
        var withSkill = RenderBar([Bpl], new AdvisorQuery(SkillId: 6), []);

        Assert.True(MinimumLevel(withoutSkill).HasAttribute("disabled"));
        Assert.False(MinimumLevel(withSkill).HasAttribute("disabled"));
    }

    private static AngleSharp.Dom.IElement MinimumLevel(IRenderedComponent<AdvisorFilterBar> bar) =>
        bar.Find("input[role=combobox][aria-label='Niveau minimal']");
}
