using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Access;
using Portal.Domain.Audit;
using Portal.Domain.Sites;
using Portal.Domain.Skills;
using Portal.Services;
using Portal.Services.Advisors;
using Portal.Services.Subcontracting;
using Portal.Testing;

namespace Portal.Integration.Tests.Advisors;

/// <summary>A portal of its own for the tests that create advisors: they change counts other tests check.</summary>
public sealed class SeparatePortalFixture : IAsyncLifetime
{
    public PortalAppFactory App { get; } = new();

    public ValueTask InitializeAsync()
    {
        App.Start();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}

/// <summary>Creating and deactivating advisors.</summary>
public sealed class AdvisorLifecycleTests(SeparatePortalFixture fixture) : IClassFixture<SeparatePortalFixture>
{
    private const int Nc = 1;
    private const int Bpl = 2;
    private static readonly Actor DirectorBpl = new("director.bpl@portal.demo", PortalRole.RegionalDirector, Bpl);
    private readonly PortalAppFactory app = fixture.App;

    private AdvisorProfileService Service => app.Services.CreateScope().ServiceProvider.GetRequiredService<AdvisorProfileService>();

    private async Task<int> SiteAsync(int region, SiteKind kind)
    {
        await using var db = app.CreateDbContext();
        return await db.Sites.Where(s => s.RegionId == region && s.Kind == kind).Select(s => s.Id).FirstAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_director_creates_an_advisor_in_the_own_region_and_it_is_audited()
    {
        var result = await Service.CreateAsync(DirectorBpl, new NewAdvisor("n900001", "Le Floch", "Maëlys", await SiteAsync(Bpl, SiteKind.InHouse), 80), TestContext.Current.CancellationToken);

        Assert.Equal(SaveOutcome.Saved, result.Outcome);
        var profile = await Service.GetAsync(DirectorBpl, "N900001", TestContext.Current.CancellationToken);
        Assert.Equal("Maëlys", profile!.FirstName);
        Assert.True(profile.Active);
        Assert.Equal(80, profile.WorkingTimePercent);
        await using var db = app.CreateDbContext();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Entity == "Advisor" && a.EntityKey == "N900001" && a.Action == "Create" && a.RegionId == Bpl, TestContext.Current.CancellationToken));
    }

    public static TheoryData<string, string, string, int, string> InvalidForms => new()
    {
        { "", "Nom", "Prénom", 100, "EmployeeNumber" },
        { "AB-12", "Nom", "Prénom", 100, "EmployeeNumber" },
        { "N900002", "", "Prénom", 100, "LastName" },
        { "N900003", "Nom", " ", 100, "FirstName" },
        { "N900004", "Nom", "Prénom", 0, "WorkingTimePercent" },
        { "N900005", "Nom", "Prénom", 120, "WorkingTimePercent" },
    };

    [Theory]
    [MemberData(nameof(InvalidForms))]
    public async Task Bad_input_is_refused_field_by_field_and_nothing_is_written(string number, string last, string first, int ratio, string field)
    {
        await using var db = app.CreateDbContext();
        var before = await db.Advisors.CountAsync(TestContext.Current.CancellationToken);

        var result = await Service.CreateAsync(DirectorBpl, new NewAdvisor(number, last, first, await SiteAsync(Bpl, SiteKind.InHouse), ratio), TestContext.Current.CancellationToken);

        Assert.Equal(SaveOutcome.Invalid, result.Outcome);
        Assert.True(result.Errors.ContainsKey(field));
        Assert.Equal(before, await db.Advisors.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task An_employee_number_already_taken_is_refused()
    {
        var result = await Service.CreateAsync(DirectorBpl, new NewAdvisor("E101300", "Nom", "Prénom", await SiteAsync(Bpl, SiteKind.InHouse), 100), TestContext.Current.CancellationToken);

        Assert.Equal("Advisor_EmployeeNumberUnavailable", result.Errors["EmployeeNumber"]);
    }

    [Fact]
    public async Task A_number_taken_in_another_region_is_refused_in_the_same_words_as_one_taken_in_the_own()
    {
        await using var db = app.CreateDbContext();
        var own = await db.Advisors.Where(a => a.Site!.RegionId == Bpl).Select(a => a.EmployeeNumber).FirstAsync(TestContext.Current.CancellationToken);
        var other = await db.Advisors.Where(a => a.Site!.RegionId == Nc).Select(a => a.EmployeeNumber).FirstAsync(TestContext.Current.CancellationToken);
        var site = await SiteAsync(Bpl, SiteKind.InHouse);

        var takenHere = await Service.CreateAsync(DirectorBpl, new NewAdvisor(own, "Nom", "Prénom", site, 100), TestContext.Current.CancellationToken);
        var takenThere = await Service.CreateAsync(DirectorBpl, new NewAdvisor(other, "Nom", "Prénom", site, 100), TestContext.Current.CancellationToken);

        Assert.Equal(SaveOutcome.Invalid, takenThere.Outcome);
        Assert.Equal(takenHere.Outcome, takenThere.Outcome);
        Assert.Equal(takenHere.Errors, takenThere.Errors);
        Assert.Equal(AdvisorProfileService.EmployeeNumberUnavailable, takenThere.Errors["EmployeeNumber"]);
    }

    [Theory]
    [InlineData(PortalRole.HR, null)]
    [InlineData(PortalRole.Advisor, null)]
    [InlineData(PortalRole.RegionalDirector, null)]
    public async Task Who_may_change_no_advisor_is_refused_before_the_form_is_checked(PortalRole role, int? region)
    {
        var actor = new Actor("x", role, region, role == PortalRole.Advisor ? 1 : null);
        var site = await SiteAsync(Bpl, SiteKind.InHouse);

        var created = await Service.CreateAsync(actor, new NewAdvisor("", "", "", site, 0), TestContext.Current.CancellationToken);
        var updated = await Service.UpdateAsync(actor, new AdvisorDetails("E101300", 0, "", "", site, 0), TestContext.Current.CancellationToken);
        var skill = await Service.SetSkillAsync(actor, new SkillChange("E101300", 0, 999, (ProficiencyLevel)9, new DateOnly(2999, 1, 1), null), TestContext.Current.CancellationToken);

        Assert.Equal(SaveOutcome.NotFound, created.Outcome);
        Assert.Empty(created.Errors);
        Assert.Equal(SaveOutcome.NotFound, updated.Outcome);
        Assert.Empty(updated.Errors);
        Assert.Equal(SaveOutcome.NotFound, skill.Outcome);
    }

    [Fact]
    public async Task A_conflict_names_the_change_of_this_advisor_in_its_region_never_another_entry_with_a_like_key()
    {
        var profile = await Service.GetAsync(DirectorBpl, "E101800", TestContext.Current.CancellationToken);
        var first = await Service.UpdateAsync(new Actor("national@portal.demo", PortalRole.NationalAdmin),
            new AdvisorDetails("E101800", profile!.Version, "Premier", "Prénom", profile.SiteId, 100), TestContext.Current.CancellationToken);
        await using (var db = app.CreateDbContext())
        {
            // Later entries whose key looks like the advisor's: another region's, and another entity's in the same region.
            db.AuditEntries.AddRange(
                new AuditEntry { AtUtc = DateTime.UtcNow, UserName = "director.nc@portal.demo", Entity = "AdvisorSkill", EntityKey = "E101800/SECRET", RegionId = Nc, Action = "SetLevel", After = "Normandie" },
                new AuditEntry { AtUtc = DateTime.UtcNow, UserName = "someone@portal.demo", Entity = "Shift", EntityKey = "E101800", RegionId = Bpl, Action = "Create", After = "vacation" });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var second = await Service.UpdateAsync(DirectorBpl, new AdvisorDetails("E101800", profile.Version, "Second", "Prénom", profile.SiteId, 100), TestContext.Current.CancellationToken);

        Assert.Equal(SaveOutcome.Saved, first.Outcome);
        Assert.Equal(SaveOutcome.Conflict, second.Outcome);
        Assert.Equal("national@portal.demo", second.Conflict!.UserName);
        Assert.Contains("Premier", second.Conflict.What, StringComparison.Ordinal);
        Assert.DoesNotContain("Normandie", second.Conflict.What, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Nc, SiteKind.InHouse)]
    [InlineData(Bpl, SiteKind.Subcontracted)]
    public async Task A_director_cannot_create_an_advisor_at_another_region_or_outside_an_in_house_site(int region, SiteKind kind)
    {
        var result = await Service.CreateAsync(DirectorBpl, new NewAdvisor("N900010", "Nom", "Prénom", await SiteAsync(region, kind), 100), TestContext.Current.CancellationToken);

        Assert.Equal(SaveOutcome.Invalid, result.Outcome);
        Assert.Equal("Capacity_SiteRequired", result.Errors["SiteId"]);
    }

    [Fact]
    public async Task Deactivating_keeps_the_advisor_and_the_history_and_a_stale_page_gets_a_conflict()
    {
        var profile = await Service.GetAsync(DirectorBpl, "E101400", TestContext.Current.CancellationToken);

        var deactivated = await Service.SetActiveAsync(DirectorBpl, "E101400", profile!.Version, active: false, TestContext.Current.CancellationToken);
        var stale = await Service.SetActiveAsync(DirectorBpl, "E101400", profile.Version, active: true, TestContext.Current.CancellationToken);

        Assert.Equal(SaveOutcome.Saved, deactivated.Outcome);
        Assert.Equal(SaveOutcome.Conflict, stale.Outcome);
        var after = await Service.GetAsync(DirectorBpl, "E101400", TestContext.Current.CancellationToken);
        Assert.False(after!.Active);
        Assert.Equal(profile.Trainings.Count, after.Trainings.Count);
        await using var db = app.CreateDbContext();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityKey == "E101400" && a.Action == "Deactivate", TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData(PortalRole.HR, null)]
    [InlineData(PortalRole.RegionalDirector, Nc)]
    public async Task Who_may_not_change_the_region_cannot_deactivate(PortalRole role, int? region)
    {
        var result = await Service.SetActiveAsync(new Actor("x", role, region), "E101500", 0, active: false, TestContext.Current.CancellationToken);

        Assert.Equal(SaveOutcome.NotFound, result.Outcome);
    }

    [Fact]
    public async Task A_director_changes_an_advisor_details_within_the_own_region_and_it_is_audited()
    {
        var profile = await Service.GetAsync(DirectorBpl, "E101600", TestContext.Current.CancellationToken);
        var otherSite = profile!.Sites.First(s => s.Id != profile.SiteId);

        var result = await Service.UpdateAsync(DirectorBpl, new AdvisorDetails("E101600", profile.Version, "Kerjean", "Nolwenn", otherSite.Id, 80), TestContext.Current.CancellationToken);

        Assert.Equal(SaveOutcome.Saved, result.Outcome);
        var after = await Service.GetAsync(DirectorBpl, "E101600", TestContext.Current.CancellationToken);
        Assert.Equal(("Kerjean", "Nolwenn", otherSite.Id, 80), (after!.LastName, after.FirstName, after.SiteId, after.WorkingTimePercent));
        Assert.Equal(profile.Version + 1, after.Version);
        Assert.Equal(10, profile.Sites.Count);
        await using var db = app.CreateDbContext();
        var audit = await db.AuditEntries.Where(a => a.EntityKey == "E101600" && a.Action == "Update").SingleAsync(TestContext.Current.CancellationToken);
        Assert.Contains("\"WorkingTimePercent\":80", audit.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Details_changes_are_refused_when_invalid_outside_the_region_or_stale()
    {
        var profile = await Service.GetAsync(DirectorBpl, "E101700", TestContext.Current.CancellationToken);
        var ncSite = await SiteAsync(Nc, SiteKind.InHouse);

        var invalid = await Service.UpdateAsync(DirectorBpl, new AdvisorDetails("E101700", profile!.Version, "", "Nolwenn", profile.SiteId, 100), TestContext.Current.CancellationToken);
        var moved = await Service.UpdateAsync(DirectorBpl, new AdvisorDetails("E101700", profile.Version, "Nom", "Prénom", ncSite, 100), TestContext.Current.CancellationToken);
        var byHr = await Service.UpdateAsync(new Actor("hr", PortalRole.HR), new AdvisorDetails("E101700", profile.Version, "Nom", "Prénom", profile.SiteId, 100), TestContext.Current.CancellationToken);
        var first = await Service.UpdateAsync(new Actor("national@portal.demo", PortalRole.NationalAdmin), new AdvisorDetails("E101700", profile.Version, "Premier", "Prénom", profile.SiteId, 100), TestContext.Current.CancellationToken);
        var second = await Service.UpdateAsync(DirectorBpl, new AdvisorDetails("E101700", profile.Version, "Second", "Prénom", profile.SiteId, 100), TestContext.Current.CancellationToken);

        Assert.Equal("Advisor_NameRequired", invalid.Errors["LastName"]);
        Assert.Equal("Capacity_SiteRequired", moved.Errors["SiteId"]);
        Assert.Equal(SaveOutcome.NotFound, byHr.Outcome);
        Assert.Equal(SaveOutcome.Saved, first.Outcome);
        Assert.Equal(SaveOutcome.Conflict, second.Outcome);
        Assert.Equal("national@portal.demo", second.Conflict!.UserName);
        Assert.Contains("Premier", second.Conflict.What, StringComparison.Ordinal);
        Assert.Equal("Premier", (await Service.GetAsync(DirectorBpl, "E101700", TestContext.Current.CancellationToken))!.LastName);
    }
}
