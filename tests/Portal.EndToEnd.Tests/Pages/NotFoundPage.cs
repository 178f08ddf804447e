using Microsoft.Playwright;

namespace Portal.EndToEnd.Tests.Pages;

/// <summary>What an address the user may not see shows: the same page as an address that does not exist.</summary>
public sealed class NotFoundPage(IPage page) : PortalShell(page)
{
    public ILocator Heading => Page.GetByRole(AriaRole.Heading, new() { Name = "Page introuvable", Level = 1 });
}
