using System.Globalization;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Portal.Components.Tests;

/// <summary>A bunit context set up as the portal runs: MudBlazor, the portal's strings, an interactive server renderer, French by default.</summary>
public abstract class PortalComponentTest : BunitContext
{
    private readonly CultureInfo culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo uiCulture = CultureInfo.CurrentUICulture;

    /// <param name="services">Replaces services of the context before anything is handed out (a logger that records).</param>
    protected PortalComponentTest(Action<IServiceCollection>? services = null)
    {
        services?.Invoke(Services);
        Services.AddMudServices();
        Services.AddLocalization(o => o.ResourcesPath = "Resources");
        JSInterop.Mode = JSRuntimeMode.Loose;
        User = AddAuthorization();
        SetRendererInfo(new RendererInfo("Server", true));
        UseCulture("fr-FR");
    }

    /// <summary>The signed-in user; anonymous until a test says otherwise.</summary>
    protected BunitAuthorizationContext User { get; }

    protected static void UseCulture(string name)
    {
        var wanted = CultureInfo.GetCultureInfo(name);
        CultureInfo.CurrentCulture = wanted;
        CultureInfo.CurrentUICulture = wanted;
    }

    protected override void Dispose(bool disposing)
    {
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = uiCulture;
        base.Dispose(disposing);
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = uiCulture;
        await base.DisposeAsyncCore();
    }
}
