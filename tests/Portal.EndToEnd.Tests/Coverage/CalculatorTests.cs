using Portal.EndToEnd.Tests.Infrastructure;
using Portal.EndToEnd.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Portal.EndToEnd.Tests.Coverage;

[Collection(PortalCollection.Name)]
public sealed class CalculatorTests(PortalFixture portal) : BrowserTest(portal)
{
    private async Task<CalculatorPage> OpenAsync()
    {
        await (await LoginPage.OpenAsync(Page)).SignInAsync(DemoLogins.DirectorBpl);
        return await CalculatorPage.OpenAsync(Page);
    }

    [Fact]
    public async Task The_calculator_computes_the_worked_example_of_the_specification()
    {
        var calculator = await OpenAsync();
        await Expect(calculator.Heading).ToBeVisibleAsync();
        await Expect(calculator.Contacts).ToHaveValueAsync("100");

        await calculator.Compute.ClickAsync();

        await Expect(calculator.Agents).ToHaveTextAsync("14");
        await Expect(calculator.ServiceLevel).ToHaveTextAsync("88,8 %");
        await Expect(calculator.AverageSpeedOfAnswer).ToHaveTextAsync("7,8 s");
        await Expect(calculator.Scheduled).ToHaveTextAsync("14");
        await Expect(calculator.Error).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_calculator_explains_in_French_that_a_100_percent_target_cannot_be_reached()
    {
        var calculator = await OpenAsync();

        await calculator.Target.FillAsync("100");
        await calculator.Compute.ClickAsync();

        await Expect(calculator.Error).ToHaveTextAsync(
            "Le niveau de service visé est supérieur à 0\u00a0% et inférieur à 100\u00a0%\u00a0: une file d'attente ne répond jamais à 100 % dans le délai.");
        await Expect(calculator.Result).ToHaveCountAsync(0);
    }
}
