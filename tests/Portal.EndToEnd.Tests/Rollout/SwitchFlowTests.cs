using Microsoft.Playwright;
using Portal.EndToEnd.Tests.Infrastructure;
using Portal.EndToEnd.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Portal.EndToEnd.Tests.Rollout;

/// <summary>
/// BPL's switch in a real browser, on a portal of its own (not the shared one): the switch changes the data every other
/// browser test reads.
/// </summary>
public sealed class SwitchFlowTests(PortalFixture portal) : BrowserTest(portal), IClassFixture<PortalFixture>
{
    private const string Justification = "Le comité de pilotage a validé la bascule le 1er décembre";

    [Fact]
    public async Task The_director_sees_a_failing_gate_and_cannot_switch_then_the_national_administrator_switches_with_a_justification_and_the_audit_shows_it()
    {
        await (await LoginPage.OpenAsync(Page)).SignInAsync(DemoLogins.DirectorBpl);
        var director = await ReadinessPage.OpenAsync(Page, "BPL");

        await Expect(director.FailingGates.First).ToBeVisibleAsync();
        await Expect(director.PassingGates.First).ToBeVisibleAsync();
        await Expect(director.Gate("G2")).ToHaveAttributeAsync("data-passes", "false");
        await Expect(director.Switch).ToBeDisabledAsync();
        await Expect(director.SwitchBlocked).ToBeVisibleAsync();
        await Expect(director.Override).ToHaveCountAsync(0);
        await Expect(director.OutlookStrip.Locator("tbody tr")).ToHaveCountAsync(4);
        await Page.ScreenshotAsync(new() { Path = Screenshots.PathOf("rollout-readiness-director-bpl"), FullPage = true });

        var national = await NewPageAsync();
        await (await LoginPage.OpenAsync(national)).SignInAsync(DemoLogins.National);
        var admin = await ReadinessPage.OpenAsync(national, "BPL");
        await admin.Override.ClickAsync();
        await admin.Justification.FillAsync("trop court");
        await Expect(admin.Confirm).ToBeDisabledAsync();
        await admin.Justification.FillAsync(Justification);
        await national.ScreenshotAsync(new() { Path = Screenshots.PathOf("rollout-override-dialog"), FullPage = true });
        await admin.Confirm.ClickAsync();

        await Expect(national.GetByText("Région basculée.")).ToBeVisibleAsync();
        await Expect(admin.Rollback).ToBeVisibleAsync();
        await national.ScreenshotAsync(new() { Path = Screenshots.PathOf("rollout-switched-bpl"), FullPage = true });

        await national.GotoAsync("admin/audit");
        var shell = new PortalShell(national);
        await shell.WaitUntilInteractiveAsync();
        var row = national.Locator("tr", new() { HasText = "Region · BPL" }).First;
        await Expect(row).ToContainTextAsync("SwitchOverride");
        await Expect(row).ToContainTextAsync(Justification);
        await Expect(row).ToContainTextAsync("\"Code\":\"G2\",\"Passes\":false");
        await national.ScreenshotAsync(new() { Path = Screenshots.PathOf("rollout-audit-switch"), FullPage = true });
    }
}
