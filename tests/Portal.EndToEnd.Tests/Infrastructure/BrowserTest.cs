using Microsoft.Playwright;

namespace Portal.EndToEnd.Tests.Infrastructure;

/// <summary>A test with its own browser context (no cookies shared with other tests), closed when the test ends.</summary>
public abstract class BrowserTest(PortalFixture portal) : IAsyncLifetime
{
    private readonly List<IBrowserContext> contexts = [];

    protected PortalFixture Portal { get; } = portal;

    protected IPage Page { get; private set; } = default!;

    /// <summary>A page in another fresh context, as if the user opened another browser.</summary>
    protected async Task<IPage> NewPageAsync()
    {
        var page = await Portal.NewPageAsync();
        contexts.Add(page.Context);
        return page;
    }

    public async ValueTask InitializeAsync() => Page = await NewPageAsync();

    public async ValueTask DisposeAsync()
    {
        foreach (var context in contexts)
        {
            await context.CloseAsync();
        }
    }
}
