using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Access;
using Portal.Services;
using Portal.Services.Audit;
using Portal.Services.Data;
using Portal.Services.Users;

namespace Portal.Integration.Tests.Users;

[Collection(PortalCollection.Name)]
public class UsersServiceTests(PortalFixture fixture)
{
    private static readonly Actor National = new("national@portal.demo", PortalRole.NationalAdmin);

    private UsersService Service => fixture.App.Services.CreateScope().ServiceProvider.GetRequiredService<UsersService>();

    private static string NewEmail() => $"{Guid.NewGuid():N}@portal.test";

    private async Task<PortalUser> UserAsync(string email)
    {
        await using var db = fixture.App.CreateDbContext();
        return await db.Users.AsNoTracking().SingleAsync(u => u.Email == email, TestContext.Current.CancellationToken);
    }

    private async Task<List<Domain.Audit.AuditEntry>> AuditAsync(PortalUser user)
    {
        await using var db = fixture.App.CreateDbContext();
        return await db.AuditEntries.AsNoTracking().Where(a => a.Entity == AuditEntities.User && a.EntityKey == user.Id).OrderBy(a => a.Id)
            .ToListAsync(TestContext.Current.CancellationToken);
    }

    private async Task<(string Email, PasswordLink Link)> CreatedAsync(PortalRole role = PortalRole.RegionalDirector, string? region = "BPL")
    {
        var email = NewEmail();
        var result = await Service.CreateAsync(National, new UserForm { Email = email, DisplayName = "Camille Test", Role = role, Region = region },
            TestContext.Current.CancellationToken);
        Assert.Equal(SaveOutcome.Saved, result.Outcome);
        return (email, result.Link!);
    }

    private static (string Email, string Code) Parts(PasswordLink link)
    {
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(new Uri("http://portal/"), link.Path).Query);
        return (query["email"]!, query["code"]!);
    }

    private async Task<bool> SignsInAsync(string email, string password)
    {
        using var scope = fixture.App.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<PortalUser>>();
        var user = await users.FindByEmailAsync(email);
        return user is not null && (await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: false)).Succeeded;
    }

    [Fact]
    public async Task A_created_director_gets_a_one_time_link_valid_for_a_day_and_no_password_until_it_is_used()
    {
        var before = DateTime.UtcNow;

        var (email, link) = await CreatedAsync();

        var user = await UserAsync(email);
        Assert.Null(user.PasswordHash);
        Assert.Equal(2, user.RegionId);
        Assert.StartsWith("Account/SetPassword?email=", link.Path, StringComparison.Ordinal);
        Assert.InRange(link.ExpiresUtc - before, TimeSpan.FromHours(23.9), TimeSpan.FromHours(24.1));
        var audit = Assert.Single(await AuditAsync(user));
        Assert.Equal(UserActions.Create, audit.Action);
        Assert.Equal(National.UserName, audit.UserName);
        Assert.Contains("\"Role\":\"RegionalDirector\"", audit.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_link_sets_the_password_once_and_a_second_use_is_refused()
    {
        var (email, link) = await CreatedAsync();
        var (linkEmail, code) = Parts(link);

        var first = await Service.SetPasswordAsync(linkEmail, code, "a long new passphrase", TestContext.Current.CancellationToken);
        var second = await Service.SetPasswordAsync(linkEmail, code, "another long passphrase", TestContext.Current.CancellationToken);

        Assert.Empty(first);
        Assert.Equal(["SetPassword_LinkInvalid"], second);
        Assert.True(await SignsInAsync(email, "a long new passphrase"));
        Assert.False(await SignsInAsync(email, "another long passphrase"));
    }

    [Fact]
    public async Task A_reset_replaces_the_earlier_link()
    {
        var (email, first) = await CreatedAsync();

        var reset = await Service.ResetPasswordAsync(National, email, TestContext.Current.CancellationToken);

        Assert.Equal(SaveOutcome.Saved, reset.Outcome);
        var (_, oldCode) = Parts(first);
        var (_, newCode) = Parts(reset.Link!);
        Assert.Equal(["SetPassword_LinkInvalid"], await Service.SetPasswordAsync(email, oldCode, "a long new passphrase", TestContext.Current.CancellationToken));
        Assert.Empty(await Service.SetPasswordAsync(email, newCode, "a long new passphrase", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_disabled_login_cannot_sign_in_nor_use_a_link_and_enabling_it_gives_access_back()
    {
        var (email, link) = await CreatedAsync();
        var (_, code) = Parts(link);
        var stamp = (await UserAsync(email)).SecurityStamp;

        var disabled = await Service.SetDisabledAsync(National, email, true, TestContext.Current.CancellationToken);

        Assert.Equal(SaveOutcome.Saved, disabled.Outcome);
        var user = await UserAsync(email);
        Assert.True(user.Disabled);
        Assert.NotEqual(stamp, user.SecurityStamp);
        Assert.Equal(["SetPassword_LinkInvalid"], await Service.SetPasswordAsync(email, code, "a long new passphrase", TestContext.Current.CancellationToken));

        Assert.Equal(SaveOutcome.Saved, (await Service.SetDisabledAsync(National, email, false, TestContext.Current.CancellationToken)).Outcome);
        var reset = await Service.ResetPasswordAsync(National, email, TestContext.Current.CancellationToken);
        Assert.Empty(await Service.SetPasswordAsync(email, Parts(reset.Link!).Code, "a long new passphrase", TestContext.Current.CancellationToken));
        Assert.True(await SignsInAsync(email, "a long new passphrase"));
        Assert.Equal([UserActions.Create, UserActions.Disable, UserActions.Enable, UserActions.ResetPassword, UserActions.SetPassword],
            (await AuditAsync(await UserAsync(email))).Select(a => a.Action));
    }

    [Fact]
    public async Task A_disabled_login_is_refused_at_sign_in_even_with_the_right_password()
    {
        var (email, link) = await CreatedAsync();
        var (_, code) = Parts(link);
        Assert.Empty(await Service.SetPasswordAsync(email, code, "a long new passphrase", TestContext.Current.CancellationToken));

        await Service.SetDisabledAsync(National, email, true, TestContext.Current.CancellationToken);

        using var scope = fixture.App.Services.CreateScope();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<PortalUser>>();
        var result = await signIn.PasswordSignInAsync(email, "a long new passphrase", false, lockoutOnFailure: true);
        Assert.True(result.IsNotAllowed);
    }

    [Fact]
    public async Task Changing_the_role_rebinds_the_login_and_renews_its_stamp()
    {
        var (email, _) = await CreatedAsync();
        var stamp = (await UserAsync(email)).SecurityStamp;

        var changed = await Service.ChangeRoleAsync(National, new UserForm { Email = email, Role = PortalRole.HR }, TestContext.Current.CancellationToken);

        Assert.Equal(SaveOutcome.Saved, changed.Outcome);
        var user = await UserAsync(email);
        Assert.Null(user.RegionId);
        Assert.NotEqual(stamp, user.SecurityStamp);
        var row = Assert.Single((await Service.SearchAsync(National, new UserQuery(email), TestContext.Current.CancellationToken)).Rows);
        Assert.Equal(PortalRole.HR, row.Role);
        var audit = (await AuditAsync(user)).Last();
        Assert.Equal(UserActions.ChangeRole, audit.Action);
        Assert.Contains("\"RegionId\":2", audit.Before, StringComparison.Ordinal);
        Assert.Contains("\"Role\":\"HR\"", audit.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_out_everywhere_renews_the_stamp_and_unlock_clears_a_lockout()
    {
        var (email, _) = await CreatedAsync();
        await using (var db = fixture.App.CreateDbContext())
        {
            var locked = await db.Users.SingleAsync(u => u.Email == email, TestContext.Current.CancellationToken);
            locked.LockoutEnd = DateTimeOffset.UtcNow.AddMinutes(5);
            locked.AccessFailedCount = 3;
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
        Assert.True(Assert.Single((await Service.SearchAsync(National, new UserQuery(email), TestContext.Current.CancellationToken)).Rows).LockedOut);
        var stamp = (await UserAsync(email)).SecurityStamp;

        await Service.SignOutEverywhereAsync(National, email, TestContext.Current.CancellationToken);
        await Service.UnlockAsync(National, email, TestContext.Current.CancellationToken);

        var user = await UserAsync(email);
        Assert.NotEqual(stamp, user.SecurityStamp);
        Assert.Null(user.LockoutEnd);
        Assert.Equal(0, user.AccessFailedCount);
        Assert.False(Assert.Single((await Service.SearchAsync(National, new UserQuery(email), TestContext.Current.CancellationToken)).Rows).LockedOut);
    }

    public static TheoryData<PortalRole, string?, string?, string, string> InvalidForms => new()
    {
        { PortalRole.RegionalDirector, null, null, nameof(UserForm.Region), "Users_RegionRequired" },
        { PortalRole.RegionalDirector, "XYZ", null, nameof(UserForm.Region), "Users_RegionUnknown" },
        { PortalRole.HR, "BPL", null, nameof(UserForm.Region), "Users_RegionForDirectorsOnly" },
        { PortalRole.Advisor, null, null, nameof(UserForm.Advisor), "Users_AdvisorRequired" },
        { PortalRole.Advisor, null, "E999999", nameof(UserForm.Advisor), "Users_AdvisorUnknown" },
    };

    [Theory]
    [MemberData(nameof(InvalidForms))]
    public async Task A_binding_that_does_not_fit_the_role_is_refused_and_nothing_is_created(PortalRole role, string? region, string? advisor, string field, string key)
    {
        var email = NewEmail();

        var result = await Service.CreateAsync(National, new UserForm { Email = email, Role = role, Region = region, Advisor = advisor }, TestContext.Current.CancellationToken);

        Assert.Equal(SaveOutcome.Invalid, result.Outcome);
        Assert.Equal(key, result.Result.Errors[field]);
        Assert.Null(result.Link);
        await using var db = fixture.App.CreateDbContext();
        Assert.False(await db.Users.AnyAsync(u => u.Email == email, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task An_e_mail_already_taken_is_refused()
    {
        var result = await Service.CreateAsync(National, new UserForm { Email = "hr@portal.demo", Role = PortalRole.HR }, TestContext.Current.CancellationToken);

        Assert.Equal("Users_EmailTaken", result.Result.Errors[nameof(UserForm.Email)]);
    }

    [Fact]
    public async Task An_administrator_cannot_disable_the_own_login()
    {
        var result = await Service.SetDisabledAsync(National, National.UserName, true, TestContext.Current.CancellationToken);

        Assert.Equal(SaveOutcome.Invalid, result.Outcome);
        Assert.False((await UserAsync(National.UserName)).Disabled);
    }

    [Theory]
    [InlineData(PortalRole.RegionalDirector, 2)]
    [InlineData(PortalRole.HR, null)]
    [InlineData(PortalRole.Advisor, null)]
    public async Task Only_a_national_administrator_administers_users(PortalRole role, int? region)
    {
        var actor = new Actor("someone@portal.test", role, region);
        var email = NewEmail();

        var list = await Service.SearchAsync(actor, new UserQuery(), TestContext.Current.CancellationToken);
        var created = await Service.CreateAsync(actor, new UserForm { Email = email, Role = PortalRole.HR }, TestContext.Current.CancellationToken);
        var disabled = await Service.SetDisabledAsync(actor, "hr@portal.demo", true, TestContext.Current.CancellationToken);

        Assert.Equal(0, list.Total);
        Assert.Equal(SaveOutcome.NotFound, created.Outcome);
        Assert.Equal(SaveOutcome.NotFound, disabled.Outcome);
        Assert.False((await UserAsync("hr@portal.demo")).Disabled);
    }

    [Fact]
    public async Task The_list_is_searched_by_e_mail_or_name_and_paged()
    {
        var all = await Service.SearchAsync(National, new UserQuery(PageSize: 2), TestContext.Current.CancellationToken);
        var directors = await Service.SearchAsync(National, new UserQuery("director."), TestContext.Current.CancellationToken);

        Assert.Equal(2, all.Rows.Count);
        Assert.True(all.Total >= 5);
        Assert.Equal(["director.bpl@portal.demo", "director.nc@portal.demo"], directors.Rows.Select(r => r.Email));
        Assert.Equal(["BPL", "NC"], directors.Rows.Select(r => r.Region));
    }
}
