using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.EndToEnd.Tests.Coverage;
using Portal.EndToEnd.Tests.Infrastructure;
using Portal.EndToEnd.Tests.Pages;
using Portal.Services.Data;
using static Microsoft.Playwright.Assertions;

namespace Portal.EndToEnd.Tests.Accessibility;

/// <summary>
/// Every page of the portal (the addresses of the specification's section 9 and every <c>@page</c>), as the role that
/// sees it, in French and in English, with no serious or critical axe-core violation. One browser context per role and
/// language, signed in once.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class EveryPageAccessibilityTests(PortalFixture portal, ITestOutputHelper output) : BrowserTest(portal)
{
    private const string Anonymous = "anonymous";

    public static TheoryData<string, string> RolesAndLanguages()
    {
        var data = new TheoryData<string, string>();
        foreach (var role in new[] { Anonymous, "national", "director", "hr", "advisor" })
        {
            foreach (var language in new[] { "fr", "en" })
            {
                data.Add(role, language);
            }
        }
        return data;
    }

    /// <summary>The pages each role is the one to check, with the demo's own ids for the pages that take one.</summary>
    private async Task<IReadOnlyList<string>> PagesOfAsync(string role)
    {
        await using var db = Portal.CreateDbContext();
        var bpl = await db.Regions.Where(r => r.Code == "BPL").Select(r => r.Id).SingleAsync();
        var advisor = await db.Advisors.Where(a => a.Site!.RegionId == bpl).OrderBy(a => a.EmployeeNumber).Select(a => a.EmployeeNumber).FirstAsync();
        var session = await db.TrainingSessions.Where(s => s.RegionId == bpl).OrderBy(s => s.Id).Select(s => s.Id).FirstAsync();
        var week = DemoWeeks.MondayOf(DemoWeeks.TodayInParis).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return role switch
        {
            Anonymous => ["Account/Login", "Account/Lockout", "Account/SetPassword?email=nobody%40portal.test&code=x", "not-found"],
            "national" =>
            [
                "", "rollout", "rollout/BPL", "advisors", $"advisors/{advisor}", "skills/matrix?region=BPL", "training/courses", "training/sessions",
                $"training/sessions/{session}", "coverage", $"coverage/BPL?week={week}&channel=Voice", "coverage/calculator", "subcontracting",
                "assignments", $"assignments/BPL?week={week}", "admin/users", "admin/audit", "admin/settings", "Account/Manage/TwoFactor",
            ],
            "director" => ["", "rollout/BPL", $"coverage/BPL?week={week}&channel=Chat", $"assignments/BPL?week={week}", "Error"],
            "hr" => ["", "training/completion", "Account/Manage/ChangePassword", "Account/Manage/TwoFactor"],
            _ => ["", "me"],
        };
    }

    private static Credentials? LoginOf(string role) => role switch
    {
        "national" => DemoLogins.National,
        "director" => DemoLogins.DirectorBpl,
        "hr" => DemoLogins.Hr,
        "advisor" => DemoLogins.AdvisorBpl,
        _ => null,
    };

    [Theory]
    [MemberData(nameof(RolesAndLanguages))]
    public async Task Every_page_of_the_role_has_no_serious_or_critical_violation(string role, string language)
    {
        var found = new List<string>();
        if (LoginOf(role) is { } login)
        {
            await (await LoginPage.OpenAsync(Page)).SignInAsync(login);
        }
        // The culture cookie the top bar's switch sets, without changing the demo login's own preference.
        await Page.Context.AddCookiesAsync([new Cookie
        {
            Name = ".AspNetCore.Culture", Value = Uri.EscapeDataString($"c={Culture(language)}|uic={Culture(language)}"), Url = Portal.BaseAddress.ToString(),
        }]);
        var pages = await PagesOfAsync(role);
        foreach (var path in pages)
        {
            await OpenAsync(Page, path, language, interactive: role != Anonymous);
            found.AddRange(await SeriousViolationsAsync(Page, $"/{path} ({language})"));
        }
        if (role == Anonymous)
        {
            // The second step of a sign-in with two-factor.
            await Page.GotoAsync(LoginPage.Path);
            var account = await TwoFactorLoginAsync();
            await new LoginPage(Page, language == "en" ? Language.English : Language.French).SubmitAsync(account);
            await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("LoginWith2fa"));
            await OpenAsync(Page, null, language, interactive: false);
            found.AddRange(await SeriousViolationsAsync(Page, $"/Account/LoginWith2fa ({language})"));
        }
        output.WriteLine($"{role}, {language}: {pages.Count + (role == Anonymous ? 1 : 0)} pages checked");
        Assert.Empty(found);
    }

    private static string Culture(string language) => language == "en" ? "en-GB" : "fr-FR";

    /// <summary>Opens a page (or stays on the current one) and waits until it is live and its lang is the one asked for.</summary>
    /// <param name="interactive">Whether the page starts a circuit: a visitor not signed in gets static pages only.</param>
    internal static async Task OpenAsync(IPage page, string? path, string language, bool interactive)
    {
        if (path is not null)
        {
            await page.GotoAsync(path);
        }
        await Expect(page.Locator("h1").First).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", new System.Text.RegularExpressions.Regex($"^{language}"));
        if (interactive)
        {
            await Expect(page.Locator("[data-interactive='False'], [data-interactive='false']")).ToHaveCountAsync(0, new() { Timeout = 60_000 });
        }
        // What a page loads once live (a grid's rows, a chart) comes in a render batch or two after the circuit starts.
        await page.WaitForTimeoutAsync(400);
        foreach (var close in await page.Locator(".mud-snackbar .mud-snackbar-close-button").AllAsync())
        {
            await close.ClickAsync();
        }
        await Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(0);
    }

    private async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page, string where)
    {
        var result = await page.RunAxe();
        var serious = new List<string>();
        foreach (var violation in result.Violations)
        {
            var line = $"{where} {violation.Impact}: {violation.Id} ({violation.Help}) at {string.Join(", ", violation.Nodes.Take(5).Select(n => n.Target.ToString()))}";
            output.WriteLine(line);
            if (violation.Impact is "serious" or "critical")
            {
                serious.Add(line);
            }
        }
        return serious;
    }

    private async Task<Credentials> TwoFactorLoginAsync()
    {
        var account = await Portal.CreateUserAsync("Dominique Double", "HR");
        await using var scope = Portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = (await users.FindByEmailAsync(account.Email))!;
        Assert.True((await users.SetAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey", "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")).Succeeded);
        Assert.True((await users.SetTwoFactorEnabledAsync(user, true)).Succeeded);
        return account;
    }
}
