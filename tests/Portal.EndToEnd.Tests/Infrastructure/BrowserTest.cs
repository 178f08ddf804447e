using Microsoft.Playwright;

namespace Portal.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A test with its own browser context (no cookies shared with other tests), closed when the test ends. Every page
/// reports what the Content-Security-Policy blocked: a test whose pages met a violation fails, so a policy that
/// breaks Blazor or MudBlazor shows in the browser tests.
/// </summary>
public abstract class BrowserTest(PortalFixture portal) : IAsyncLifetime
{
    private const string ViolationPrefix = "CSP violation: ";

    // Runs before the page's own scripts, outside the page's policy (Playwright injects it).
    private const string ReportViolations =
        "document.addEventListener('securitypolicyviolation', e => console.error('" + ViolationPrefix + "' + e.violatedDirective + ' ' + e.blockedURI));";

    private readonly List<IBrowserContext> contexts = [];
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> violations = new();

    /// <summary>What the policy blocked on this test's pages so far.</summary>
    protected IReadOnlyCollection<string> CspViolations => violations;

    /// <summary>For a test that provokes a violation on purpose, once it has seen it reported.</summary>
    protected void ForgetCspViolations() => violations.Clear();

    protected PortalFixture Portal { get; } = portal;

    protected IPage Page { get; private set; } = default!;

    /// <summary>A page in another fresh context, as if the user opened another browser.</summary>
    protected async Task<IPage> NewPageAsync()
    {
        var page = await Portal.NewPageAsync();
        contexts.Add(page.Context);
        await page.Context.AddInitScriptAsync(ReportViolations);
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && (message.Text.StartsWith(ViolationPrefix, StringComparison.Ordinal)
                || message.Text.Contains("Content Security Policy", StringComparison.Ordinal)))
            {
                violations.Enqueue($"{page.Url}: {message.Text}");
            }
        };
        return page;
    }

    public async ValueTask InitializeAsync() => Page = await NewPageAsync();

    public async ValueTask DisposeAsync()
    {
        foreach (var context in contexts)
        {
            await context.CloseAsync();
        }
        Assert.Empty(violations);
    }
}
