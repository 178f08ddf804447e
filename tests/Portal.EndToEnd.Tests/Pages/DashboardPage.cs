using Microsoft.Playwright;

namespace Portal.EndToEnd.Tests.Pages;

/// <summary>"/": the dashboard of the signed-in role.</summary>
public sealed class DashboardPage(IPage page) : PortalShell(page)
{
    public ILocator Heading => Page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator RegionName => Page.GetByTestId("region-name");

    public ILocator AdvisorName => Page.GetByTestId("advisor-name");

    public ILocator Figure(string testId) => Page.GetByTestId(testId);

    public ILocator Section(string title) => Page.GetByRole(AriaRole.Heading, new() { Name = title, Exact = true });

    /// <summary>The table that follows a section's heading.</summary>
    public ILocator TableUnder(string title) => Section(title).Locator("xpath=following::table[1]");
}
