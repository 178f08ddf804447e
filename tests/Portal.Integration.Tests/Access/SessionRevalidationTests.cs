using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Services.Data;
using Portal.Web.Components.Account;

namespace Portal.Integration.Tests.Access;

/// <summary>An open session ends when the login's role, region or advisor no longer matches what it was issued with.</summary>
[Collection(PortalCollection.Name)]
public class SessionRevalidationTests(PortalFixture fixture)
{
    private async Task<bool> StillValidAfterAsync(Func<PortalUser, UserManager<PortalUser>, Task> change)
    {
        using var scope = fixture.App.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<PortalUser>>();
        var email = $"{Guid.NewGuid():N}@portal.test";
        var user = new PortalUser { UserName = email, Email = email, RegionId = 2 };
        Assert.True((await users.CreateAsync(user, "correct horse battery")).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, "RegionalDirector")).Succeeded);
        var session = await signIn.CreateUserPrincipalAsync(user);

        await change(user, users);

        var options = scope.ServiceProvider.GetRequiredService<IOptions<IdentityOptions>>().Value;
        return await IdentityRevalidatingAuthenticationStateProvider.IsStillValidAsync(users, session, options);
    }

    [Fact]
    public async Task A_session_stays_valid_while_nothing_changes() =>
        Assert.True(await StillValidAfterAsync((_, _) => Task.CompletedTask));

    [Fact]
    public async Task Moving_a_director_to_another_region_ends_the_open_sessions() =>
        Assert.False(await StillValidAfterAsync(async (user, users) =>
        {
            user.RegionId = 1;
            await users.UpdateAsync(user);
        }));

    [Fact]
    public async Task Changing_the_role_ends_the_open_sessions() =>
        Assert.False(await StillValidAfterAsync(async (user, users) =>
        {
            await users.RemoveFromRoleAsync(user, "RegionalDirector");
            await users.AddToRoleAsync(user, "HR");
        }));

    [Fact]
    public async Task A_new_password_ends_the_open_sessions() =>
        Assert.False(await StillValidAfterAsync(async (user, users) =>
            await users.ChangePasswordAsync(user, "correct horse battery", "another long passphrase")));
}
