using Microsoft.Playwright;
using Portal.EndToEnd.Tests.Infrastructure;
using Portal.EndToEnd.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Portal.EndToEnd.Tests.Accessibility;

/// <summary>
/// The main paths with the keyboard alone: Tab to move, Enter to act, typing into the focused field; no click. A path
/// that needs the mouse (a control that takes no focus, a link that answers only clicks) fails here.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class KeyboardPathTests(PortalFixture portal, ITestOutputHelper output) : BrowserTest(portal)
{
    private const int MaxTabs = 120;

    /// <summary>Presses Tab until the target (or something inside it) has the focus; answers how many presses it took.</summary>
    private async Task<int> TabToAsync(ILocator target, string what)
    {
        await Expect(target).ToBeVisibleAsync();
        for (var presses = 1; presses <= MaxTabs; presses++)
        {
            await Page.Keyboard.PressAsync("Tab");
            if (await target.EvaluateAsync<bool>("e => e === document.activeElement || e.contains(document.activeElement)"))
            {
                output.WriteLine($"{what}: {presses} × Tab");
                return presses;
            }
        }
        Assert.Fail($"{what} never took the focus in {MaxTabs} presses of Tab");
        return MaxTabs;
    }

    private async Task SignInWithTheKeyboardAsync(Credentials account)
    {
        await Page.GotoAsync(LoginPage.Path);
        var login = new LoginPage(Page, Language.French);
        await TabToAsync(login.Email, "e-mail field");
        await Page.Keyboard.TypeAsync(account.Email);
        await TabToAsync(login.Password, "password field");
        await Page.Keyboard.TypeAsync(account.Password);
        await Page.Keyboard.PressAsync("Enter");
        // A director's dashboard computes coverage gaps: on a busy machine its circuit can take longer than the default wait.
        await Expect(new DashboardPage(Page).Main.First).ToHaveAttributeAsync("data-interactive", "true", new() { Timeout = 60_000 });
    }

    [Fact]
    public async Task A_director_signs_in_opens_an_advisor_and_moves_the_planner_to_the_next_week_with_the_keyboard_only()
    {
        await SignInWithTheKeyboardAsync(DemoLogins.DirectorBpl);

        await TabToAsync(Page.Locator("[data-area='Advisors']"), "Advisors in the navigation");
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/advisors"));
        await Expect(Page.Locator("[data-interactive='false']")).ToHaveCountAsync(0, new() { Timeout = 60_000 });
        var firstAdvisor = Page.GetByTestId("employee-number").First.Locator("a");
        await Expect(firstAdvisor).ToBeVisibleAsync();
        var number = (await firstAdvisor.TextContentAsync())!.Trim();
        await TabToAsync(firstAdvisor, "first advisor of the grid");
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/advisors/{number}$"));
        await Expect(Page.GetByTestId("advisor-heading")).Not.ToBeEmptyAsync();

        await TabToAsync(Page.Locator("[data-area='Assignments']"), "Assignments in the navigation");
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/assignments/BPL"));
        await Expect(Page.Locator("[data-interactive='false']")).ToHaveCountAsync(0, new() { Timeout = 60_000 });
        var week = await Page.GetByTestId("week").TextContentAsync();
        await TabToAsync(Page.GetByTestId("next-week"), "next week");
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.GetByTestId("week")).Not.ToHaveTextAsync(week!);
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("week=\\d{4}-\\d{2}-\\d{2}"));
    }

    [Fact]
    public async Task The_demo_advisor_signs_in_and_reaches_the_own_assignments_with_the_keyboard_only()
    {
        await SignInWithTheKeyboardAsync(DemoLogins.AdvisorBpl);

        await TabToAsync(Page.Locator("[data-area='Me']"), "My assignments in the navigation");
        await Page.Keyboard.PressAsync("Enter");

        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/me$"));
        await Expect(Page.Locator("h1")).ToBeVisibleAsync();
    }
}
