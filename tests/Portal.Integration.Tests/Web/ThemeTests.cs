using System.Net;
using Portal.Services.Demo;
using Portal.Testing;

namespace Portal.Integration.Tests.Web;

[Collection(PortalCollection.Name)]
public class ThemeTests(PortalFixture fixture)
{
    private async Task<string> HomeAsync(PortalBrowserClient client)
    {
        using var home = await client.GetAsync("/");
        return await home.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task The_dark_theme_changes_the_page_palette_and_light_brings_it_back()
    {
        using var client = new PortalBrowserClient(fixture.App.BaseAddress);
        await client.LoginAsync(DemoAccounts.Hr, DemoAccounts.Password);
        var light = await HomeAsync(client);

        using var toDark = await client.PostFormAsync("/preferences/theme", new Dictionary<string, string> { ["dark"] = "true", ["returnUrl"] = "/" }, tokenFrom: "/");
        var dark = await HomeAsync(client);
        using var toLight = await client.PostFormAsync("/preferences/theme", new Dictionary<string, string> { ["dark"] = "false", ["returnUrl"] = "/" }, tokenFrom: "/");
        var lightAgain = await HomeAsync(client);

        Assert.Equal(HttpStatusCode.Redirect, toDark.StatusCode);
        Assert.Contains("--mud-palette-background: rgba(255,255,255,1);", light, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("--mud-palette-background: rgba(255,255,255,1);", dark, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("--mud-palette-background: rgba(255,255,255,1);", lightAgain, StringComparison.OrdinalIgnoreCase);
    }
}
