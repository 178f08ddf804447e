using Microsoft.Playwright;
using Portal.EndToEnd.Tests.Pages;

namespace Portal.EndToEnd.Tests.Assignments;

/// <summary>The directors' week planner: the toolbar, the coverage beside the grid, the rows and the shift editor.</summary>
public sealed class PlannerPage(IPage page) : PortalShell(page)
{
    public static async Task<PlannerPage> OpenAsync(IPage page, string region, DateOnly week)
    {
        await page.GotoAsync($"assignments/{region}?week={week:yyyy-MM-dd}");
        var planner = new PlannerPage(page);
        await planner.WaitUntilInteractiveAsync();
        return planner;
    }

    public ILocator Coverage => Page.GetByTestId("planner-coverage");

    public ILocator Search => Input("planner-search");

    public ILocator Row(string employeeNumber) => Page.Locator($"[data-testid=planner-row][data-employee='{employeeNumber}']");

    public ILocator Cell(string employeeNumber, DateOnly day) => Row(employeeNumber).Locator($"[data-testid=planner-cell][data-date='{day:yyyy-MM-dd}']");

    public ILocator Editor => Page.GetByTestId("shift-editor");

    public ILocator Save => Page.GetByTestId("shift-save");

    public ILocator Refusals => Page.GetByTestId("shift-refusals");

    public ILocator Publish => Page.GetByTestId("planner-publish");

    public ILocator Published => Page.GetByTestId("planner-published");

    public ILocator TeamFilter => Page.GetByTestId("planner-team");

    public ILocator Options => Page.GetByRole(AriaRole.Option);

    public ILocator PatternButton => Page.GetByTestId("planner-pattern");

    public ILocator PatternDialog => Page.GetByTestId("pattern-dialog");

    public ILocator PatternApply => Page.GetByTestId("pattern-apply");

    public ILocator PatternRefusals => Page.GetByTestId("pattern-refusals");

    public ILocator PatternMember(string employeeNumber) => Page.Locator($"[data-member='{employeeNumber}']").GetByRole(AriaRole.Checkbox);

    public ILocator PatternDay(DayOfWeek day) => Page.Locator($"[data-day='{day}']").GetByRole(AriaRole.Checkbox).Or(Page.Locator($"input[data-day='{day}']"));

    /// <summary>The share of the week's required staff-hours covered, as the coverage panel states it (0 to 1).</summary>
    public async Task<double> CoveredAsync() =>
        double.Parse((await Coverage.GetAttributeAsync("data-covered"))!, System.Globalization.CultureInfo.InvariantCulture);

    public async Task TypeTimeAsync(string testId, string value) => await Input(testId).FillAsync(value);

    /// <summary>A MudTextField's input: the test id lands on the input itself.</summary>
    private ILocator Input(string testId) => Page.Locator($"input[data-testid={testId}], [data-testid={testId}] input").First;
}
