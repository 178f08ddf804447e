using Microsoft.Playwright;
using Portal.EndToEnd.Tests.Pages;

namespace Portal.EndToEnd.Tests.Rollout;

/// <summary>/rollout/{region}: the gates, the switch and its justified override or rollback, the outlook strip.</summary>
public sealed class ReadinessPage(IPage page) : PortalShell(page)
{
    public ILocator Gate(string code) => Page.Locator($"[data-testid=gates] [data-gate={code}]");

    public ILocator FailingGates => Page.Locator("[data-testid=gates] [data-passes=false]");

    public ILocator PassingGates => Page.Locator("[data-testid=gates] [data-passes=true]");

    public ILocator Switch => Page.GetByTestId("switch");

    public ILocator SwitchBlocked => Page.GetByTestId("switch-blocked");

    public ILocator Override => Page.GetByTestId("override");

    public ILocator Rollback => Page.GetByTestId("rollback");

    public ILocator Dialog => Page.GetByRole(AriaRole.Dialog);

    public ILocator Justification => Dialog.GetByRole(AriaRole.Textbox);

    public ILocator Confirm => Dialog.GetByTestId("confirm");

    public ILocator OutlookStrip => Page.GetByTestId("outlook-strip");

    public ILocator OutlookSentence => Page.GetByTestId("outlook-sentence");

    /// <summary>The outlook strip's cell of a gate at the planned switch date (its first column).</summary>
    public ILocator OutlookAtPlannedDate(string gate) => OutlookStrip.Locator($"tbody tr[data-gate={gate}] td").First;

    public ILocator PlanTraining => Page.GetByTestId("training-plan-open");

    public ILocator TrainingPlanSummary => Page.GetByTestId("training-plan-summary");

    /// <summary>The proposal's own outlook: a row (G2, or Ready for every gate) at the planned switch date.</summary>
    public ILocator ProposalOutlookAtPlannedDate(string row) => Page.Locator($"[data-testid=training-plan-outlook] tr[data-gate={row}] td[data-planned=true]");

    public ILocator AcceptTrainingPlan => Page.GetByTestId("training-plan-accept");

    public static async Task<ReadinessPage> OpenAsync(IPage page, string region)
    {
        await page.GotoAsync($"rollout/{region}");
        var readiness = new ReadinessPage(page);
        await readiness.WaitUntilInteractiveAsync();
        return readiness;
    }
}
