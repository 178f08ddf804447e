using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Access;
using Portal.Services;
using Portal.Services.Audit;
using Portal.Services.Data;
using Portal.Services.Users;
using Portal.Testing;

namespace Portal.Integration.Tests.Users;

public partial class TwoFactorTests
{
    private static readonly Actor National = new("national@portal.demo", PortalRole.NationalAdmin);

    [Fact]
    public async Task A_national_administrator_whose_two_factor_is_reset_loses_key_and_codes_and_must_enrol_again()
    {
        var ct = TestContext.Current.CancellationToken;
        var email = await NewUserAsync("NationalAdmin", NewKey());
        using (var scope = fixture.App.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            Assert.Equal(10, (await users.GenerateNewTwoFactorRecoveryCodesAsync((await users.FindByEmailAsync(email))!, 10))!.Count());
        }

        SaveResult result;
        using (var scope = fixture.App.Services.CreateScope())
        {
            result = await scope.ServiceProvider.GetRequiredService<UsersService>().ResetTwoFactorAsync(National, email, ct);
        }

        Assert.Equal(SaveOutcome.Saved, result.Outcome);
        using (var scope = fixture.App.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            Assert.False(user.TwoFactorEnabled);
            Assert.Null(await users.GetAuthenticatorKeyAsync(user));
            Assert.Equal(0, await users.CountRecoveryCodesAsync(user));
            await using var db = fixture.App.CreateDbContext();
            var entry = await db.AuditEntries.SingleAsync(a => a.Entity == AuditEntities.User && a.EntityKey == user.Id && a.Action == UserActions.TwoFactorReset, ct);
            Assert.Equal(National.UserName, entry.UserName);
            Assert.Contains("\"TwoFactor\":true", entry.Before, StringComparison.Ordinal);
            Assert.Contains("\"TwoFactor\":false", entry.After, StringComparison.Ordinal);
        }
        // The password alone now signs in, to the enrolment page and nowhere else.
        using var client = new PortalBrowserClient(fixture.App.BaseAddress);
        using var login = await client.LoginAsync(email, Password);
        foreach (var path in new[] { "/", "/admin/users", "/admin/settings" })
        {
            using var refused = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.Equal(Enrolment, refused.Headers.Location!.OriginalString);
        }
    }

    [Fact]
    public async Task Only_a_national_administrator_resets_a_second_factor()
    {
        var ct = TestContext.Current.CancellationToken;
        var email = await NewUserAsync("HR", NewKey());
        using var scope = fixture.App.Services.CreateScope();
        var service = scope.ServiceProvider.GetRequiredService<UsersService>();

        var refused = await service.ResetTwoFactorAsync(new Actor("director.bpl@portal.demo", PortalRole.RegionalDirector, 2), email, ct);

        Assert.Equal(SaveOutcome.NotFound, refused.Outcome);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        Assert.True((await users.FindByEmailAsync(email))!.TwoFactorEnabled);
    }
}
