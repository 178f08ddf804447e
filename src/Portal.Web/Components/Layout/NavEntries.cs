using System.Security.Claims;
using Portal.Domain.Access;
using Portal.Services.Access;

namespace Portal.Web.Components.Layout;

/// <summary>An entry of the navigation: where it goes, its icon, its label's resource key, and whether it is built yet.</summary>
public sealed record NavEntry(Area Area, string Href, string Icon, string LabelKey, bool Coming);

/// <summary>The navigation of a user: the areas the access rules let the role use, and nothing else.</summary>
public static class NavEntries
{
    private static readonly NavEntry[] All =
    [
        new(Area.Dashboard, "", MudBlazor.Icons.Material.Filled.Dashboard, "Nav_Dashboard", false),
        new(Area.Rollout, "rollout", MudBlazor.Icons.Material.Filled.Timeline, "Nav_Rollout", false),
        new(Area.Advisors, "advisors", MudBlazor.Icons.Material.Filled.People, "Nav_Advisors", false),
        new(Area.Skills, "skills/matrix", MudBlazor.Icons.Material.Filled.GridOn, "Nav_Skills", false),
        new(Area.Training, "training/sessions", MudBlazor.Icons.Material.Filled.School, "Nav_Training", false),
        new(Area.Coverage, "coverage", MudBlazor.Icons.Material.Filled.StackedLineChart, "Nav_Coverage", false),
        new(Area.Subcontracting, "subcontracting", MudBlazor.Icons.Material.Filled.Handshake, "Nav_Subcontracting", false),
        new(Area.Assignments, "assignments", MudBlazor.Icons.Material.Filled.CalendarMonth, "Nav_Assignments", false),
        new(Area.Me, "me", MudBlazor.Icons.Material.Filled.Person, "Nav_Me", false),
        new(Area.Audit, "admin/audit", MudBlazor.Icons.Material.Filled.History, "Nav_Audit", false),
        new(Area.Administration, "admin/users", MudBlazor.Icons.Material.Filled.AdminPanelSettings, "Nav_Administration", false),
    ];

    public static IReadOnlyList<NavEntry> For(ClaimsPrincipal user) =>
        user.ToActor() is { } actor ? All.Where(e => AccessRules.CanUse(actor, e.Area)).ToList() : [];
}
