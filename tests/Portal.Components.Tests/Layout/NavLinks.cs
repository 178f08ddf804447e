using AngleSharp.Dom;
using Bunit;
using Portal.Web.Components.Layout;

namespace Portal.Components.Tests.Layout;

/// <summary>A navigation entry as the user sees it: its area, its label, and the chip beside it if any.</summary>
public sealed record NavLink(string Area, string Label, string? Chip);

public static class NavLinks
{
    public static IReadOnlyList<NavLink> Of(IRenderedComponent<NavMenu> menu) =>
        menu.FindAll("a[data-area]").Select(Read).ToList();

    private static NavLink Read(IElement link)
    {
        var text = link.QuerySelector(".mud-nav-link-text")!;
        var label = string.Concat(text.ChildNodes.Where(n => n.NodeType == NodeType.Text).Select(n => n.TextContent)).Trim();
        return new NavLink(link.GetAttribute("data-area")!, label, link.QuerySelector(".mud-chip")?.TextContent.Trim());
    }
}
