using Portal.EndToEnd.Tests.Infrastructure;
using Portal.EndToEnd.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Portal.EndToEnd.Tests.Advisors;

[Collection(PortalCollection.Name)]
public sealed class AdvisorPagingTests(PortalFixture portal) : BrowserTest(portal)
{
    [Fact]
    public async Task A_search_typed_on_a_later_page_shows_its_results_from_the_first_page()
    {
        await (await LoginPage.OpenAsync(Page)).SignInAsync(DemoLogins.DirectorBpl);
        await Page.GotoAsync("advisors");
        await Expect(Page.Locator("[data-interactive='true']")).ToBeVisibleAsync();
        var numbers = Page.GetByTestId("employee-number");
        await Expect(numbers).ToHaveCountAsync(25);
        var wanted = (await numbers.Nth(0).InnerTextAsync()).Trim();
        await Page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Next page" }).Or(Page.Locator("button[aria-label='Next page'], button[aria-label='Page suivante']")).First.ClickAsync();
        await Expect(numbers.First).Not.ToHaveTextAsync(wanted);

        await Page.GetByLabel("Nom ou matricule").FillAsync(wanted);

        await Expect(numbers).ToHaveCountAsync(1);
        await Expect(numbers).ToHaveTextAsync(wanted);
    }
}
