using Bunit;
using Portal.Services.Skills;
using Portal.Web.Components.Pages.Skills.Components;

namespace Portal.Components.Tests.Skills;

public class SkillsHeatmapTests : PortalComponentTest
{
    private static readonly SkillsMatrix Matrix = new(
        new MatrixRegion(2, "BPL", "Bretagne-Pays de la Loire"),
        null,
        [new MatrixRegion(2, "BPL", "Bretagne-Pays de la Loire")],
        [new MatrixSite(10, "Rennes Nord", "Rennes")],
        [
            new MatrixSkill(1, "MOB-VENTE", "Vente mobile", Certified: 1, []),
            new MatrixSkill(2, "BOX-TECH", "Technique box", Certified: 2, ["Voice"]),
            new MatrixSkill(3, "ECRIT", "Canaux écrits", Certified: 1, ["Chat", "Email"]),
        ],
        [
            new MatrixRow("E001", "Abiven", "Anne", "Rennes Nord", [1, 4, 0]),
            new MatrixRow("E002", "Le Goff", "Yann", "Rennes Nord", [2, 3, 2]),
        ]);

    private IRenderedComponent<SkillsHeatmap> RenderMatrix() => Render<SkillsHeatmap>(p => p.Add(x => x.Matrix, Matrix));

    private static string[] Cells(AngleSharp.Dom.IElement row) => [.. row.QuerySelectorAll("td").Skip(1).Select(td => td.TextContent.Trim())];

    [Fact]
    public void Each_advisor_gets_a_row_with_the_level_held_per_skill_and_an_empty_cell_for_none()
    {
        var rows = RenderMatrix().FindAll("tbody tr");

        Assert.Equal(2, rows.Count);
        Assert.StartsWith("Abiven Anne", rows[0].QuerySelector("th")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal(["1", "4", ""], Cells(rows[0]));
        Assert.Equal(["2", "3", "2"], Cells(rows[1]));
    }

    [Fact]
    public void Each_level_gets_its_own_shade_and_a_skill_not_held_none()
    {
        var cells = RenderMatrix().FindAll("tbody tr")[0].QuerySelectorAll("td.portal-level");

        Assert.Contains("portal-level-1", cells[0].ClassList);
        Assert.Contains("portal-level-4", cells[1].ClassList);
        Assert.DoesNotContain(cells[2].ClassList, c => c.StartsWith("portal-level-", StringComparison.Ordinal));
    }

    [Fact]
    public void The_totals_row_counts_the_certified_and_the_next_names_the_channels_served()
    {
        var heatmap = RenderMatrix();

        var certified = heatmap.Find("[data-testid=matrix-certified]");
        var channels = heatmap.Find("[data-testid=matrix-channels]");

        Assert.Equal("Certifiés", certified.QuerySelector("th")!.TextContent.Trim());
        Assert.Equal(["1", "2", "1"], certified.QuerySelectorAll("td").Select(td => td.TextContent.Trim()));
        Assert.Equal(["—", "Téléphone", "Chat, Courriel"], channels.QuerySelectorAll("td").Select(td => td.TextContent.Trim()));
    }

    [Fact]
    public void The_header_lists_the_skill_codes_and_the_table_is_a_labelled_region()
    {
        var heatmap = RenderMatrix();

        var headers = heatmap.FindAll("thead th").Select(th => th.TextContent.Trim()).ToArray();
        var region = heatmap.Find("[role=region]");

        Assert.Equal(["Conseiller", "Site", "MOB-VENTE", "BOX-TECH", "ECRIT"], headers);
        Assert.Equal("Matrice des compétences, Bretagne-Pays de la Loire", region.GetAttribute("aria-label"));
    }
}
