using Microsoft.Playwright;

namespace Portal.EndToEnd.Tests.Pages;

/// <summary>A page of one region: /coverage/{code}, /assignments/{code}, /rollout/{code}.</summary>
public sealed class RegionPage(IPage page) : PortalShell(page)
{
    public ILocator Heading => Page.GetByTestId("region-page");
}
