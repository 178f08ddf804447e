using System.Net;
using Portal.Testing;

namespace Portal.Integration.Tests.Web;

/// <summary>The portal's own assets (wwwroot-assets/) and MudBlazor's reach the browser whole.</summary>
[Collection(PortalCollection.Name)]
public class StaticAssetsTests(PortalFixture fixture)
{
    [Theory]
    [InlineData("portal.css")]
    [InlineData("logo.svg")]
    [InlineData("favicon.png")]
    public async Task Each_asset_of_the_portal_is_served_as_it_is_in_the_repository(string file)
    {
        using var client = new PortalBrowserClient(fixture.App.BaseAddress);

        using var response = await client.GetAsync($"/assets/{file}");
        var served = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(await File.ReadAllBytesAsync(RepositoryPaths.Of("wwwroot-assets", file), TestContext.Current.CancellationToken), served);
    }

    [Fact]
    public async Task The_component_library_styles_are_served()
    {
        using var client = new PortalBrowserClient(fixture.App.BaseAddress);

        using var response = await client.GetAsync("/_content/MudBlazor/MudBlazor.min.css");
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(body.Length > 10_000);
    }
}
