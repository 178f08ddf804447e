using Microsoft.Playwright;
using Portal.EndToEnd.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Portal.EndToEnd.Tests.Pages;

/// <summary>The layout around every signed-in page: top bar (language, user, logout) and navigation.</summary>
public class PortalShell(IPage page)
{
    protected IPage Page { get; } = page;

    /// <summary>The main container: its data-interactive marker turns "true" once the circuit is live.</summary>
    public ILocator Main => Page.Locator("[data-interactive]");

    public ILocator UserName => Page.GetByTestId("user-name");

    public ILocator NavigationEntries => Page.Locator("[data-area]");

    public ILocator NavigationEntry(string area) => Page.Locator($"[data-area='{area}']");

    public ILocator LanguageButton(Language language) => Page.GetByTestId($"culture-{language.Code}");

    public ILocator LogoutButton(Language language) => Page.GetByRole(AriaRole.Button, new() { Name = language.Logout, Exact = true });

    /// <summary>A prerendered page ignores clicks until its circuit is live.</summary>
    public async Task WaitUntilInteractiveAsync() => await Expect(Main).ToHaveAttributeAsync("data-interactive", "true");
}
