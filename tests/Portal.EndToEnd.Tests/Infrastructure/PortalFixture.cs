using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Services.Data;
using Portal.Testing;

namespace Portal.EndToEnd.Tests.Infrastructure;

/// <summary>One portal (demo data included) and one headless Chromium; each test opens its own browser context.</summary>
public class PortalFixture : IAsyncLifetime
{
    private readonly PortalAppFactory factory;
    private IPlaywright? playwright;
    private IBrowser? browser;
    private System.Net.Cookie? rememberedDevice;

    public PortalFixture()
        : this(null)
    {
    }

    /// <summary>A portal with these configuration settings on top of the usual ones, for a class that needs its own.</summary>
    protected PortalFixture(IReadOnlyDictionary<string, string?>? settings) => factory = new PortalAppFactory(settings: settings);

    public Uri BaseAddress => factory.BaseAddress;

    public async ValueTask InitializeAsync()
    {
        // The first page of a freshly started portal on two cores can take longer than Playwright's default of 5 s.
        Assertions.SetDefaultExpectTimeout(15_000);
        factory.Start();
        // The national demo login has two-factor: one sign-in through the test client remembers a device, and every
        // browser context gets that device's cookie, as a person's own browser would keep it.
        using (var client = new PortalBrowserClient(factory.BaseAddress))
        {
            using var _ = await client.LoginAsync(DemoLogins.National.Email, DemoLogins.National.Password);
        }
        rememberedDevice = PortalBrowserClient.RememberedDevice(factory.BaseAddress, DemoLogins.National.Email);
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A fresh browser context (no cookies) and a page in it, addressed relative to the portal.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await browser!.NewContextAsync(new() { BaseURL = BaseAddress.ToString() });
        if (rememberedDevice is { } device)
        {
            await context.AddCookiesAsync([new Cookie { Name = device.Name, Value = device.Value, Url = BaseAddress.ToString() }]);
        }
        return await context.NewPageAsync();
    }

    /// <summary>The portal's database, for a test that prepares what its scenario needs (and nothing another test reads).</summary>
    public PortalDbContext CreateDbContext() => factory.CreateDbContext();
    /// <summary>A fresh browser context and a page in it at a phone's size (390 × 844, touch), as an advisor's phone shows the portal.</summary>
    public async Task<IPage> NewPhonePageAsync()
    {
        var context = await browser!.NewContextAsync(new()
        {
            BaseURL = BaseAddress.ToString(), ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true, AcceptDownloads = true,
        });
        return await context.NewPageAsync();
    }

    /// <summary>The portal's services, for a test that prepares data and puts it back as it was.</summary>
    public IServiceProvider Services => factory.Services;

    /// <summary>Creates a login through the portal's own Identity, so that no demo account is changed by a test.</summary>
    public async Task<Credentials> CreateUserAsync(string displayName, string role)
    {
        var account = new Credentials($"e2e-{Guid.NewGuid():N}@portal.test", "a-long-enough-password-1");
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser { UserName = account.Email, Email = account.Email, EmailConfirmed = true, DisplayName = displayName };
        var result = await users.CreateAsync(user, account.Password);
        if (result.Succeeded)
        {
            result = await users.AddToRoleAsync(user, role);
        }
        return result.Succeeded
            ? account
            : throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }

    public async ValueTask DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }
        playwright?.Dispose();
        await factory.DisposeAsync();
    }
}
