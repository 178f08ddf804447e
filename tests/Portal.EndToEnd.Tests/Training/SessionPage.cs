using Microsoft.Playwright;
using Portal.EndToEnd.Tests.Pages;

namespace Portal.EndToEnd.Tests.Training;

/// <summary>/training/sessions/{id}: enrolment, the "still needs this course" list, attendance and the attendance sheet.</summary>
public sealed class SessionPage(IPage page) : PortalShell(page)
{
    public ILocator Summary => Page.GetByTestId("session-summary");

    public ILocator StillNeedsTab => Page.GetByRole(AriaRole.Tab, new() { Name = "Encore à former" });

    public ILocator NeedsSite => Page.GetByTestId("needs-site");

    public ILocator StillNeeds => Page.GetByTestId("still-needs");

    public ILocator EnrolNeeds => Page.GetByTestId("enrol-needs");

    public ILocator Refusals => Page.GetByTestId("enrolment-refusals");

    public ILocator CoverageWarning => Page.GetByTestId("coverage-warning");

    public ILocator ConfirmCoverage => Page.GetByRole(AriaRole.Button, new() { Name = "Confirmer malgré la couverture" });

    public ILocator Attendance => Page.GetByTestId("attendance");

    public ILocator Options => Page.GetByRole(AriaRole.Option);

    public ILocator Enrolment(string employeeNumber) => Page.Locator($"tr[data-enrolment='{employeeNumber}']");

    /// <summary>The advisors of the still-needs list who can be ticked (no reason shown).</summary>
    public ILocator Eligible => StillNeeds.Locator("[data-candidate]:not(:has([data-testid=reason]))");

    public static async Task<SessionPage> OpenAsync(IPage page, int id)
    {
        await page.GotoAsync($"training/sessions/{id}");
        var session = new SessionPage(page);
        await session.WaitUntilInteractiveAsync();
        return session;
    }

    public async Task TickAsync(ILocator candidate) => await candidate.GetByRole(AriaRole.Checkbox).CheckAsync();
}
