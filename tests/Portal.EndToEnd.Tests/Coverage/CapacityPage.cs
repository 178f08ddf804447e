using Microsoft.Playwright;
using Portal.EndToEnd.Tests.Pages;

namespace Portal.EndToEnd.Tests.Coverage;

/// <summary>/subcontracting: the capacity lines the user may see, and the editor that adds or changes one.</summary>
public sealed class CapacityPage(IPage page) : PortalShell(page)
{
    public const string Path = "subcontracting";

    public ILocator Rows => Page.GetByRole(AriaRole.Region, new() { Name = "Sous-traitance", Exact = true }).Locator("tbody tr");

    public ILocator Add => Page.GetByTestId("add-capacity");

    public ILocator Editor => Page.GetByTestId("capacity-editor");

    public ILocator Site => Editor.GetByRole(AriaRole.Combobox, new() { Name = "Site", Exact = true });

    public ILocator Channel => Editor.GetByRole(AriaRole.Combobox, new() { Name = "Canal", Exact = true });

    public ILocator Day(string label) => Editor.GetByRole(AriaRole.Checkbox, new() { Name = label, Exact = true });

    public ILocator Agents => Editor.GetByTestId("agents");

    public ILocator Save => Editor.GetByTestId("save-capacity");

    /// <summary>The choices of the select that is open.</summary>
    public ILocator Options => Page.GetByRole(AriaRole.Option);

    public static async Task<CapacityPage> OpenAsync(IPage page)
    {
        await page.GotoAsync(Path);
        var capacity = new CapacityPage(page);
        await capacity.WaitUntilInteractiveAsync();
        return capacity;
    }
}
