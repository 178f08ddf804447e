using Portal.EndToEnd.Tests.Infrastructure;
using Portal.EndToEnd.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Portal.EndToEnd.Tests.Account;

/// <summary>The portal works under its Content-Security-Policy: live circuits, MudBlazor components, no violation.</summary>
[Collection(PortalCollection.Name)]
public sealed class ContentSecurityPolicyTests(PortalFixture portal) : BrowserTest(portal)
{
    [Fact]
    public async Task A_director_s_pages_work_under_the_policy_without_a_violation()
    {
        await (await LoginPage.OpenAsync(Page)).SignInAsync(DemoLogins.DirectorBpl);

        foreach (var path in new[] { "/advisors", "/coverage/BPL", "/training/courses", "/subcontracting", "/admin/audit" })
        {
            await Page.GotoAsync(path);
            await new PortalShell(Page).WaitUntilInteractiveAsync();
        }

        Assert.Empty(CspViolations);
    }

    [Fact]
    public async Task A_script_the_portal_did_not_write_is_blocked_and_reported()
    {
        await LoginPage.OpenAsync(Page);

        await Page.EvaluateAsync("() => { const s = document.createElement('script'); s.textContent = 'window.injected = true'; document.body.appendChild(s); }");

        await Expect(Page.Locator("body")).ToBeVisibleAsync();
        Assert.False(await Page.EvaluateAsync<bool>("() => window.injected === true"));
        Assert.Contains(CspViolations, v => v.Contains("script-src", StringComparison.Ordinal));
        ForgetCspViolations();
    }
}
