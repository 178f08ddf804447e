using Microsoft.Playwright;
using Portal.EndToEnd.Tests.Pages;

namespace Portal.EndToEnd.Tests.Coverage;

/// <summary>/coverage/calculator: one interval's requirement from its inputs, prefilled with the specification's worked example.</summary>
public sealed class CalculatorPage(IPage page) : PortalShell(page)
{
    public const string Path = "coverage/calculator";

    public ILocator Heading => Page.GetByRole(AriaRole.Heading, new() { Name = "Calculateur d'effectif", Level = 1 });

    public ILocator Contacts => Page.GetByTestId("contacts");

    public ILocator Target => Page.GetByLabel("Niveau de service visé (%)", new() { Exact = true });

    public ILocator Compute => Page.GetByTestId("compute");

    public ILocator Result => Page.GetByTestId("calculator-result");

    public ILocator Agents => Result.GetByTestId("agents");

    public ILocator ServiceLevel => Result.GetByTestId("service-level");

    public ILocator AverageSpeedOfAnswer => Result.GetByTestId("asa");

    public ILocator Scheduled => Result.GetByTestId("scheduled");

    public ILocator Error => Page.GetByTestId("calculator-error");

    public static async Task<CalculatorPage> OpenAsync(IPage page)
    {
        await page.GotoAsync(Path);
        var calculator = new CalculatorPage(page);
        await calculator.WaitUntilInteractiveAsync();
        return calculator;
    }
}
