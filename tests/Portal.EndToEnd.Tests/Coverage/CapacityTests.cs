using Portal.EndToEnd.Tests.Infrastructure;
using Portal.EndToEnd.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Portal.EndToEnd.Tests.Coverage;

[Collection(PortalCollection.Name)]
public sealed class CapacityTests(PortalFixture portal) : BrowserTest(portal)
{
    [Fact]
    public async Task Adding_a_capacity_line_with_no_agents_is_refused_in_French_and_adds_no_line()
    {
        await (await LoginPage.OpenAsync(Page)).SignInAsync(DemoLogins.DirectorBpl);
        var capacity = await CapacityPage.OpenAsync(Page);
        await Expect(capacity.Rows.First).ToBeVisibleAsync();
        var before = await capacity.Rows.CountAsync();

        await capacity.Add.ClickAsync();
        await Expect(capacity.Editor).ToBeVisibleAsync();
        await capacity.Site.ClickAsync();
        await capacity.Options.First.ClickAsync();
        await capacity.Channel.ClickAsync();
        await capacity.Options.GetByText("Téléphone", new() { Exact = true }).ClickAsync();
        await capacity.Day("Sam").CheckAsync();
        await capacity.Agents.FillAsync("0");
        await capacity.Save.ClickAsync();

        await Expect(capacity.Editor.GetByText("Le nombre d'agents doit être supérieur à 0.", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(capacity.Agents).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(capacity.Editor.GetByText("Choisissez un site.")).ToHaveCountAsync(0);
        await Expect(capacity.Editor.GetByText("Choisissez un canal.")).ToHaveCountAsync(0);
        await Expect(capacity.Editor.GetByText("Choisissez au moins un jour.")).ToHaveCountAsync(0);
        await Expect(capacity.Rows).ToHaveCountAsync(before);
        await Expect(Page.GetByText("Capacité enregistrée.")).ToHaveCountAsync(0);
    }
}
