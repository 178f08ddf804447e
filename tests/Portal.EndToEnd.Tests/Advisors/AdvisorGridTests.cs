using System.Text.RegularExpressions;
using Portal.EndToEnd.Tests.Infrastructure;
using Portal.EndToEnd.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Portal.EndToEnd.Tests.Advisors;

[Collection(PortalCollection.Name)]
public sealed partial class AdvisorGridTests(PortalFixture portal) : BrowserTest(portal)
{
    [Fact]
    public async Task BPL_director_finds_an_advisor_by_employee_number_and_the_search_stays_in_the_address()
    {
        await (await LoginPage.OpenAsync(Page)).SignInAsync(DemoLogins.DirectorBpl);
        await Page.GotoAsync("advisors");
        await Expect(Page.Locator("[data-interactive='true']")).ToBeVisibleAsync();
        var numbers = Page.GetByTestId("employee-number");
        await Expect(numbers).ToHaveCountAsync(25);
        var wanted = (await numbers.Nth(3).InnerTextAsync()).Trim();

        await Page.GetByLabel("Nom ou matricule").FillAsync(wanted);

        await Expect(numbers).ToHaveCountAsync(1);
        await Expect(numbers).ToHaveTextAsync(wanted);
        await Expect(Page).ToHaveURLAsync(SearchInAddress());
        await Page.ReloadAsync();
        await Expect(Page.GetByLabel("Nom ou matricule")).ToHaveValueAsync(wanted);
        await Expect(numbers).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task A_director_typing_another_region_in_the_address_sees_no_advisor()
    {
        await (await LoginPage.OpenAsync(Page)).SignInAsync(DemoLogins.DirectorBpl);

        await Page.GotoAsync("advisors?region=NC");

        await Expect(Page.Locator("[data-interactive='true']")).ToBeVisibleAsync();
        await Expect(Page.GetByText("Aucun conseiller ne correspond.")).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("employee-number")).ToHaveCountAsync(0);
    }

    [GeneratedRegex(@"[?&]q=E\d+")]
    private static partial Regex SearchInAddress();
}
