using MudBlazor;

namespace Portal.Web.Components.Layout;

public static class PortalTheme
{
    public static MudTheme Theme { get; } = new()
    {
        // Text colours on white reach a contrast of at least 4.5:1 (WCAG AA); the brand orange stays on the dark bar.
        PaletteLight = new PaletteLight
        {
            Primary = "#b34700",
            PrimaryContrastText = "#ffffff",
            AppbarBackground = "#000000",
            AppbarText = "#ffffff",
            Secondary = "#0b6bb8",
            Info = "#0b6bb8",
            Success = "#1b7f3b",
            Warning = "#8c5200",
            Error = "#b00020",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#ff7900",
            PrimaryContrastText = "#000000",
            Secondary = "#4bb4e6",
        },
    };
}
