using Microsoft.Playwright;
using Portal.EndToEnd.Tests.Pages;

namespace Portal.EndToEnd.Tests.Training;

/// <summary>/training/sessions: a region's sessions as a list or a month calendar, and the planning form.</summary>
public sealed class SessionsPage(IPage page) : PortalShell(page)
{
    public ILocator Heading => Page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator PlanButton => Page.GetByRole(AriaRole.Button, new() { Name = "Planifier une session" });

    public ILocator PlanForm => Page.GetByTestId("session-plan");

    public ILocator Course => Page.GetByTestId("plan-course");

    public ILocator Site => Page.GetByTestId("plan-site");

    public ILocator Trainer => PlanForm.GetByLabel("Formateur");

    public ILocator DayToAdd => PlanForm.GetByLabel("Jour à ajouter");

    public ILocator AddDay => PlanForm.GetByRole(AriaRole.Button, new() { Name = "Ajouter le jour" });

    public ILocator Save => Page.GetByTestId("save-session");

    public ILocator CoverageWarning => Page.GetByTestId("coverage-warning");

    public ILocator ConfirmCoverage => Page.GetByRole(AriaRole.Button, new() { Name = "Confirmer malgré la couverture" });

    public ILocator Options => Page.GetByRole(AriaRole.Option);

    public ILocator SessionLinks => Page.GetByTestId("sessions-table").Locator("[data-session] a");

    public static async Task<SessionsPage> OpenAsync(IPage page, string query = "")
    {
        await page.GotoAsync("training/sessions" + query);
        var sessions = new SessionsPage(page);
        await sessions.WaitUntilInteractiveAsync();
        return sessions;
    }

    /// <summary>Adds one day through the browser's date field.</summary>
    public async Task AddDayAsync(DateOnly day)
    {
        await DayToAdd.FillAsync(day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await AddDay.ClickAsync();
        await Microsoft.Playwright.Assertions.Expect(PlanForm.Locator($"[data-day='{day:yyyy-MM-dd}']")).ToBeVisibleAsync();
    }
}
