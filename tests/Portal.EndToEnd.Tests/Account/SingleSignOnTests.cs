using Microsoft.Playwright;
using Portal.EndToEnd.Tests.Infrastructure;
using Portal.EndToEnd.Tests.Pages;
using Portal.Testing;
using static Microsoft.Playwright.Assertions;

namespace Portal.EndToEnd.Tests.Account;

/// <summary>A portal with single sign-on on, against a local OpenID Connect provider, and a headless Chromium.</summary>
public sealed class SingleSignOnBrowserFixture : IAsyncLifetime
{
    public static readonly OidcTestAccount Director = new("director", "director.bpl@portal.demo", EmailVerified: true);

    private IPlaywright? playwright;

    public OidcTestProvider Provider { get; } = new([Director]);

    public PortalAppFactory App { get; private set; } = default!;

    public IBrowser Browser { get; private set; } = default!;

    public async ValueTask InitializeAsync()
    {
        Assertions.SetDefaultExpectTimeout(15_000);
        await Provider.StartAsync();
        App = new PortalAppFactory(settings: new Dictionary<string, string?>
        {
            ["Authentication:Oidc:Authority"] = Provider.Authority.ToString(),
            ["Authentication:Oidc:ClientId"] = OidcTestProvider.ClientId,
            ["Authentication:Oidc:ClientSecret"] = OidcTestProvider.ClientSecret,
            ["Authentication:Oidc:DisplayName"] = "Operator ID",
            ["Authentication:Oidc:RequireHttpsMetadata"] = "false",
        });
        App.Start();
        await Provider.RegisterClientAsync(new Uri(App.BaseAddress, "signin-oidc"));
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync"],
        });
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.CloseAsync();
        playwright?.Dispose();
        await App.DisposeAsync();
        await Provider.DisposeAsync();
    }
}

/// <summary>The login page's single sign-on button, in a real browser: it must reach the provider under the portal's CSP and come back signed in.</summary>
public sealed class SingleSignOnTests(SingleSignOnBrowserFixture fixture) : IClassFixture<SingleSignOnBrowserFixture>
{
    [Fact]
    public async Task The_button_takes_the_director_through_the_provider_and_back_signed_in_without_a_policy_violation()
    {
        await using var context = await fixture.Browser.NewContextAsync(new() { BaseURL = fixture.App.BaseAddress.ToString() });
        var page = await context.NewPageAsync();
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                violations.Add($"{page.Url}: {message.Text}");
            }
        };

        await LoginPage.OpenAsync(page);
        var button = page.GetByRole(AriaRole.Button, new() { Name = "Se connecter avec Operator ID", Exact = true });
        await Expect(button).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Screenshots.PathOf("login-single-sign-on"), FullPage = true });
        await button.ClickAsync();

        await page.WaitForURLAsync(url => url.StartsWith(fixture.Provider.Authority.ToString(), StringComparison.Ordinal) && url.Contains(OidcTestProvider.LoginPath, StringComparison.Ordinal));
        await page.GetByLabel("Login").FillAsync(SingleSignOnBrowserFixture.Director.Login);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        var dashboard = new DashboardPage(page);
        await dashboard.WaitUntilInteractiveAsync();
        Assert.Equal("/", new Uri(page.Url).AbsolutePath);
        Assert.StartsWith(fixture.App.BaseAddress.ToString(), page.Url, StringComparison.Ordinal);
        await Expect(dashboard.RegionName).ToHaveTextAsync("BPL · Bretagne-Pays de la Loire");
        await page.ScreenshotAsync(new() { Path = Screenshots.PathOf("single-sign-on-director-dashboard"), FullPage = true });
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Se connecter avec Operator ID" })).Not.ToBeVisibleAsync();
        Assert.Empty(violations);
    }
}
