using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Services.Audit;
using Portal.Services.Data;
using Portal.Services.Users;
using Portal.Testing;

namespace Portal.Integration.Tests.Users;

/// <summary>Sign-in and password events land in the audit log with the address they came from, never with what was typed.</summary>
[Collection(PortalCollection.Name)]
public class SecurityEventsTests(PortalFixture fixture)
{
    private const string Password = "correct horse battery";

    private async Task<string> NewUserAsync()
    {
        var email = $"{Guid.NewGuid():N}@portal.test";
        using var scope = fixture.App.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        Assert.True((await users.CreateAsync(new PortalUser { UserName = email, Email = email, DisplayName = "Test" }, Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync((await users.FindByEmailAsync(email))!, "HR")).Succeeded);
        return email;
    }

    private async Task<List<Portal.Domain.Audit.AuditEntry>> EventsAsync(string email)
    {
        await using var db = fixture.App.CreateDbContext();
        return await db.AuditEntries.AsNoTracking().Where(a => a.Entity == AuditEntities.Session && a.EntityKey == email).OrderBy(a => a.Id)
            .ToListAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Failed_and_successful_sign_ins_are_audited_with_the_address_and_never_the_password()
    {
        var email = await NewUserAsync();
        using var client = new PortalBrowserClient(fixture.App.BaseAddress);

        using var wrong = await client.LoginAsync(email, "a wrong guess 12345");
        using var right = await client.LoginAsync(email, Password);

        var events = await EventsAsync(email);
        Assert.Equal([UserActions.SignInFailed, UserActions.SignIn], events.Select(e => e.Action));
        Assert.All(events, e => Assert.Equal("127.0.0.1", e.IpAddress));
        Assert.All(events, e => Assert.DoesNotContain("wrong guess", $"{e.Before}{e.After}{e.Justification}{e.UserName}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_national_administrator_finds_the_security_events_by_entity_and_login_with_their_address_and_a_director_does_not()
    {
        var email = await NewUserAsync();
        using (var client = new PortalBrowserClient(fixture.App.BaseAddress))
        {
            using var _ = await client.LoginAsync(email, "a wrong guess 12345");
        }
        var audit = fixture.App.Services.CreateScope().ServiceProvider.GetRequiredService<AuditService>();

        var national = await audit.SearchAsync(new Portal.Domain.Access.Actor("n", Portal.Domain.Access.PortalRole.NationalAdmin),
            new AuditQuery(Entity: AuditEntities.Session, Key: email), TestContext.Current.CancellationToken);
        var director = await audit.SearchAsync(new Portal.Domain.Access.Actor("d", Portal.Domain.Access.PortalRole.RegionalDirector, 2),
            new AuditQuery(Entity: AuditEntities.Session, Key: email), TestContext.Current.CancellationToken);

        var line = Assert.Single(national.Lines);
        Assert.Equal((UserActions.SignInFailed, "127.0.0.1"), (line.Action, line.IpAddress));
        Assert.Contains(AuditEntities.Session, national.Entities);
        Assert.Equal(0, director.Total);
    }

    [Fact]
    public async Task A_wrong_current_password_on_the_change_password_page_counts_towards_the_lockout()
    {
        var email = await NewUserAsync();
        using var client = new PortalBrowserClient(fixture.App.BaseAddress);
        await client.LoginAsync(email, Password);

        HttpResponseMessage? last = null;
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            last?.Dispose();
            last = await client.PostFormAsync("/Account/Manage/ChangePassword", new Dictionary<string, string>
            {
                ["_handler"] = "change-password",
                ["Input.OldPassword"] = "not the password at all",
                ["Input.NewPassword"] = "a brand new passphrase",
                ["Input.ConfirmPassword"] = "a brand new passphrase",
            }, tokenFrom: "/Account/Manage/ChangePassword");
        }

        Assert.Equal(HttpStatusCode.Redirect, last!.StatusCode);
        Assert.EndsWith("/Account/Lockout", last.Headers.Location!.ToString(), StringComparison.Ordinal);
        last.Dispose();
        await using var db = fixture.App.CreateDbContext();
        Assert.NotNull((await db.Users.SingleAsync(u => u.Email == email, TestContext.Current.CancellationToken)).LockoutEnd);
        var actions = (await EventsAsync(email)).Select(e => e.Action).ToList();
        Assert.Equal(4, actions.Count(a => a == UserActions.PasswordChangeFailed));
        Assert.Equal(UserActions.LockedOut, actions[^1]);
    }
}
