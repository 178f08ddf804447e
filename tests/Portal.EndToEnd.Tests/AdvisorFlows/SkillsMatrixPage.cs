using Microsoft.Playwright;
using Portal.EndToEnd.Tests.Pages;

namespace Portal.EndToEnd.Tests.AdvisorFlows;

/// <summary>
/// /skills/matrix?region=: one row per active in-house advisor (name, site, then one cell per skill), and a footer
/// row counting, per skill, the advisors certified (level 2 or more).
/// </summary>
public sealed class SkillsMatrixPage(IPage page) : PortalShell(page)
{
    public ILocator Matrix => Page.GetByTestId("skills-matrix");

    public ILocator SkillHeaders => Matrix.Locator("thead th abbr");

    public ILocator Row(string employeeNumber) =>
        Matrix.Locator("tbody tr").Filter(new() { Has = Page.Locator("th", new() { HasText = $"· {employeeNumber}" }) });

    /// <summary>The position of a skill among the matrix's skill columns.</summary>
    public async Task<int> ColumnOfAsync(string code)
    {
        var codes = (await SkillHeaders.AllInnerTextsAsync()).Select(c => c.Trim()).ToList();
        var index = codes.IndexOf(code);
        return index >= 0 ? index : throw new InvalidOperationException($"No column {code} among {string.Join(", ", codes)}.");
    }

    /// <summary>The advisor's cell of the skill in column <paramref name="column"/>; the first cell of a row is the site.</summary>
    public ILocator Cell(string employeeNumber, int column) => Row(employeeNumber).Locator("td").Nth(column + 1);

    public ILocator CertifiedTotal(int column) => Page.GetByTestId("matrix-certified").Locator("td").Nth(column);

    public static async Task<SkillsMatrixPage> OpenAsync(IPage page, string region)
    {
        await page.GotoAsync($"skills/matrix?region={region}");
        var matrix = new SkillsMatrixPage(page);
        await matrix.WaitUntilInteractiveAsync();
        return matrix;
    }
}
