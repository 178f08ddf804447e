using MudBlazor;

namespace Portal.Web.Components.Layout;

public static class PortalTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#ff7900",
            PrimaryContrastText = "#000000",
            AppbarBackground = "#000000",
            AppbarText = "#ffffff",
            Secondary = "#4bb4e6",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#ff7900",
            PrimaryContrastText = "#000000",
            Secondary = "#4bb4e6",
        },
    };
}
