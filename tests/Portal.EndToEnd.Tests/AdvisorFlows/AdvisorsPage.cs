using Microsoft.Playwright;
using Portal.EndToEnd.Tests.Pages;

namespace Portal.EndToEnd.Tests.AdvisorFlows;

/// <summary>/advisors: the advisors grid with its search, and the import panel of directors and national roles.</summary>
public sealed class AdvisorsPage(IPage page) : PortalShell(page)
{
    public ILocator Search => Page.GetByLabel("Nom ou matricule");

    public ILocator EmployeeNumbers => Page.GetByTestId("employee-number");

    public ILocator NoAdvisor => Page.GetByText("Aucun conseiller ne correspond.");

    public ILocator ImportPanel => Page.GetByText("Importer des conseillers");

    public ILocator ImportFile => Page.GetByTestId("advisor-file");

    public ILocator ImportErrors => Page.GetByTestId("advisor-import-errors");

    public ILocator ImportDone => Page.GetByTestId("advisor-import-done");

    /// <summary>Opens the grid (with <paramref name="query"/> in the address, if any) and waits for its circuit.</summary>
    public static async Task<AdvisorsPage> OpenAsync(IPage page, string query = "")
    {
        await page.GotoAsync("advisors" + query);
        var advisors = new AdvisorsPage(page);
        await advisors.WaitUntilInteractiveAsync();
        return advisors;
    }
}
