using Microsoft.Playwright;
using Portal.EndToEnd.Tests.Pages;

namespace Portal.EndToEnd.Tests.AdvisorFlows;

/// <summary>/advisors/{number}: the advisor's skills and, for who may change them, the skill editor.</summary>
public sealed class AdvisorProfilePage(IPage page) : PortalShell(page)
{
    public ILocator Heading => Page.GetByTestId("advisor-heading");

    public ILocator Editor => Page.GetByTestId("skill-editor");

    public ILocator SkillChoice => Page.GetByTestId("skill-choice");

    public ILocator Level => Page.GetByTestId("skill-level");

    public ILocator CertifiedOn => Editor.GetByLabel("Certifié le");

    public ILocator Save => Page.GetByTestId("save-skill");

    /// <summary>The choices of the select that is open.</summary>
    public ILocator Options => Page.GetByRole(AriaRole.Option);

    /// <summary>The level cell of a skill held, carrying the level's number.</summary>
    public ILocator LevelOf(string code) => Page.Locator($"[data-skill='{code}']");

    public async Task SetSkillAsync(string skillName, string levelLabel, DateOnly certifiedOn)
    {
        await SkillChoice.ClickAsync();
        await Options.GetByText(skillName, new() { Exact = true }).ClickAsync();
        await Level.ClickAsync();
        await Options.GetByText(levelLabel, new() { Exact = true }).ClickAsync();
        await CertifiedOn.FillAsync($"{certifiedOn:yyyy-MM-dd}");
        await Save.ClickAsync();
    }
}
