using Microsoft.Playwright;

namespace Portal.EndToEnd.Tests.Pages;

/// <summary>/Account/Lockout: shown instead of signing in while an account is locked.</summary>
public sealed class LockoutPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Compte verrouillé", Level = 1 });
}
