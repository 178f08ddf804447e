using Bunit;
using Portal.Domain.Skills;
using Portal.Services.Advisors;
using Portal.Web.Components.Pages.Advisors.Components;

namespace Portal.Components.Tests.Advisors;

public class HeldSkillsTableTests : PortalComponentTest
{
    private static readonly DateOnly March12 = new(2026, 3, 12);

    private static HeldSkill Held(string code, string name, ProficiencyLevel level, CertificationSource source, string? course = null, string? setBy = null) =>
        new(1, code, name, level, March12, source, course, setBy);

    private IRenderedComponent<HeldSkillsTable> RenderTable(params HeldSkill[] skills) =>
        Render<HeldSkillsTable>(p => p.Add(x => x.Skills, skills));

    private static string[][] Rows(IRenderedComponent<HeldSkillsTable> table) =>
        [.. table.FindAll("tbody tr").Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray())];

    [Fact]
    public void The_columns_are_headed_in_French()
    {
        var table = RenderTable(Held("FIDEL", "Fidélisation", ProficiencyLevel.Certified, CertificationSource.Initial));

        Assert.Equal(["Compétence", "Niveau", "Certifié le", "Origine"], table.FindAll("thead th").Select(th => th.TextContent.Trim()));
    }

    [Theory]
    [InlineData(ProficiencyLevel.Trainee, "1", "1 · débutant")]
    [InlineData(ProficiencyLevel.Certified, "2", "2 · certifié")]
    [InlineData(ProficiencyLevel.Confirmed, "3", "3 · confirmé")]
    [InlineData(ProficiencyLevel.Expert, "4", "4 · expert")]
    public void Each_level_is_shown_with_its_French_label_and_marked_with_the_skill_and_its_number(ProficiencyLevel level, string number, string label)
    {
        var table = RenderTable(Held("FIDEL", "Fidélisation", level, CertificationSource.Initial));

        var cell = table.Find("td[data-skill='FIDEL']");

        Assert.Equal(number, cell.GetAttribute("data-level"));
        Assert.Equal(label, cell.TextContent.Trim());
    }

    [Fact]
    public void Each_source_is_told_as_a_French_sentence_beside_the_French_date()
    {
        var table = RenderTable(
            Held("MOB-VENTE", "Vente mobile", ProficiencyLevel.Certified, CertificationSource.Course, course: "Vente mobile — fondamentaux"),
            Held("FIDEL", "Fidélisation", ProficiencyLevel.Expert, CertificationSource.Manual, setBy: "director.bpl@portal.demo"),
            Held("BOX-TECH", "Technique box", ProficiencyLevel.Confirmed, CertificationSource.Import, setBy: "national@portal.demo"),
            Held("ECRIT", "Canaux écrits", ProficiencyLevel.Trainee, CertificationSource.Initial));

        Assert.Equal(
            [
                ["Vente mobile", "2 · certifié", "12/03/2026", "Formation «\u00a0Vente mobile — fondamentaux\u00a0»"],
                ["Fidélisation", "4 · expert", "12/03/2026", "Fixé par director.bpl@portal.demo"],
                ["Technique box", "3 · confirmé", "12/03/2026", "Import par national@portal.demo"],
                ["Canaux écrits", "1 · débutant", "12/03/2026", "Reprise initiale"],
            ],
            Rows(table));
    }

    [Fact]
    public void An_advisor_without_any_skill_is_told_so_in_French()
    {
        var table = RenderTable();

        Assert.Empty(table.FindAll("td[data-skill]"));
        Assert.Contains("Aucune compétence.", table.Markup, StringComparison.Ordinal);
    }
}
