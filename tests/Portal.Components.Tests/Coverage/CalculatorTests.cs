using Bunit;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Portal.Components.Tests.Forms;
using Portal.Services.Coverage;
using Portal.Web.Components.Pages.Coverage;

namespace Portal.Components.Tests.Coverage;

/// <summary>The staffing calculator with the validator the coverage service uses: nothing is computed from bad inputs.</summary>
public sealed class CalculatorTests : PortalComponentTest
{
    private const string Target = "Niveau de service visé (%)";
    private const string TargetMessage = "Le niveau de service visé est supérieur à 0\u00a0% et inférieur à 100\u00a0%\u00a0: une file d'attente ne répond jamais à 100 % dans le délai.";

    public CalculatorTests() =>
        Services.AddFallbackServiceProvider(new ServiceCollection()
            .AddValidatorsFromAssemblyContaining<StaffingInputValidator>(ServiceLifetime.Singleton).BuildServiceProvider());

    [Fact]
    public void A_target_of_100_percent_is_explained_in_French_as_it_is_typed_and_nothing_is_computed()
    {
        var page = Render<Calculator>();

        page.Type(Target, "100");

        page.WaitForAssertion(() => Assert.Equal(TargetMessage, page.MessageOf(Target)));
        page.Find("[data-testid=compute]").Click();
        page.WaitForAssertion(() => Assert.Equal(TargetMessage, page.Find("[data-testid=calculator-error]").TextContent.Trim()));
        Assert.Empty(page.FindAll("[data-testid=calculator-result]"));
    }

    [Fact]
    public void An_interval_of_0_minutes_is_named_under_the_interval_though_the_validator_speaks_of_seconds()
    {
        var page = Render<Calculator>();

        page.Type("Durée de l'intervalle (min)", "0");

        page.WaitForAssertion(() => Assert.Equal("L'intervalle dure au moins 1 minute.", page.MessageOf("Durée de l'intervalle (min)")));
    }

    [Fact]
    public void The_worked_example_is_computed()
    {
        var page = Render<Calculator>();

        page.Find("[data-testid=compute]").Click();

        page.WaitForAssertion(() => Assert.Equal("14", page.Find("[data-testid=calculator-result] [data-testid=agents]").TextContent.Trim()));
        Assert.Empty(page.FindAll("[data-testid=calculator-error]"));
    }
}
