using Microsoft.Playwright;
using Portal.EndToEnd.Tests.Infrastructure;

namespace Portal.EndToEnd.Tests.Pages;

/// <summary>/Account/Login: a static page with a plain form (no circuit).</summary>
public sealed class LoginPage(IPage page, Language language)
{
    public const string Path = "Account/Login";

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = language.LoginTitle, Level = 1 });

    public ILocator Email => page.GetByLabel(language.EmailLabel, new() { Exact = true });

    public ILocator Password => page.GetByLabel(language.PasswordLabel, new() { Exact = true });

    public ILocator Submit => page.GetByRole(AriaRole.Button, new() { Name = language.LoginSubmit, Exact = true });

    public ILocator Error => page.GetByRole(AriaRole.Alert);

    /// <summary>Opens the page in a browser without a language cookie: French, the portal's default.</summary>
    public static async Task<LoginPage> OpenAsync(IPage page)
    {
        await page.GotoAsync(Path);
        return new LoginPage(page, Language.French);
    }

    /// <summary>Submits the form and waits for the dashboard's circuit to be live.</summary>
    public async Task<DashboardPage> SignInAsync(Credentials account)
    {
        await SubmitAsync(account);
        var dashboard = new DashboardPage(page);
        await dashboard.WaitUntilInteractiveAsync();
        return dashboard;
    }

    public async Task SubmitAsync(Credentials account) => await SubmitAsync(account.Email, account.Password);

    public async Task SubmitAsync(string email, string password)
    {
        await Email.FillAsync(email);
        await Password.FillAsync(password);
        await Submit.ClickAsync();
    }
}
