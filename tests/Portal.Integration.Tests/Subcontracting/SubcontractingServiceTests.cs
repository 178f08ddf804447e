using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Access;
using Portal.Domain.Sites;
using Portal.Domain.Subcontracting;
using Portal.Services;
using Portal.Services.Subcontracting;

namespace Portal.Integration.Tests.Subcontracting;

[Collection(PortalCollection.Name)]
public class SubcontractingServiceTests(PortalFixture fixture)
{
    private const int Nc = 1;
    private const int Bpl = 2;
    private static readonly Actor DirectorBpl = new("director.bpl@portal.demo", PortalRole.RegionalDirector, Bpl);

    private SubcontractingService Service => fixture.App.Services.CreateScope().ServiceProvider.GetRequiredService<SubcontractingService>();

    private async Task<int> SiteAsync(int region, SiteKind kind)
    {
        await using var db = fixture.App.CreateDbContext();
        return await db.Sites.Where(s => s.RegionId == region && s.Kind == kind).Select(s => s.Id).FirstAsync(TestContext.Current.CancellationToken);
    }

    private async Task<int> CountAsync()
    {
        await using var db = fixture.App.CreateDbContext();
        return await db.SubcontractorCapacities.CountAsync(TestContext.Current.CancellationToken);
    }

    private async Task<CapacityForm> ValidFormAsync() => new()
    {
        SiteId = await SiteAsync(Bpl, SiteKind.Subcontracted), ChannelId = 1, Days = Weekdays.MondayToFriday,
        From = new TimeOnly(20, 0), To = new TimeOnly(22, 0), Agents = 12,
    };

    [Theory]
    [InlineData(PortalRole.RegionalDirector, Bpl, new[] { "BPL" })]
    [InlineData(PortalRole.RegionalDirector, Nc, new[] { "NC" })]
    [InlineData(PortalRole.HR, null, new string[0])]
    [InlineData(PortalRole.Advisor, null, new string[0])]
    public async Task Each_role_lists_only_the_capacity_of_the_regions_it_may_read(PortalRole role, int? region, string[] regions)
    {
        var rows = await Service.ListAsync(new Actor("x", role, region, 1), TestContext.Current.CancellationToken);

        Assert.Equal(regions, rows.Select(r => r.RegionCode).Distinct());
    }

    [Fact]
    public async Task A_national_administrator_lists_every_region()
    {
        var rows = await Service.ListAsync(new Actor("n", PortalRole.NationalAdmin), TestContext.Current.CancellationToken);

        Assert.Equal(9, rows.Select(r => r.RegionCode).Distinct().Count());
    }

    [Fact]
    public async Task A_director_adds_capacity_to_the_own_region_and_the_change_is_audited()
    {
        var before = await CountAsync();

        var result = await Service.SaveAsync(DirectorBpl, await ValidFormAsync(), TestContext.Current.CancellationToken);

        Assert.Equal(SaveOutcome.Saved, result.Outcome);
        Assert.Equal(before + 1, await CountAsync());
        await using var db = fixture.App.CreateDbContext();
        var audit = await db.AuditEntries.OrderByDescending(a => a.Id).FirstAsync(TestContext.Current.CancellationToken);
        Assert.Equal("SubcontractorCapacity", audit.Entity);
        Assert.Equal("Create", audit.Action);
        Assert.Equal(DirectorBpl.UserName, audit.UserName);
        Assert.Equal(Bpl, audit.RegionId);
        Assert.Contains("\"Agents\":12", audit.After, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> InvalidForms => new()
    {
        { "agents 0", nameof(CapacityForm.Agents), "Capacity_AgentsPositive" },
        { "no day", nameof(CapacityForm.Days), "Capacity_DaysRequired" },
        { "end before start", "To", "Capacity_TimeRange" },
        { "same start and end", "To", "Capacity_TimeRange" },
        { "quarter hour", "From", "Capacity_HalfHours" },
        { "in-house site", nameof(CapacityForm.SiteId), "Capacity_SiteKind" },
        { "unknown channel", nameof(CapacityForm.ChannelId), "Capacity_ChannelRequired" },
    };

    [Theory]
    [MemberData(nameof(InvalidForms))]
    public async Task Bad_input_is_refused_with_its_field_and_message_and_nothing_is_written(string change, string field, string message)
    {
        var form = await ValidFormAsync();
        switch (change)
        {
            case "agents 0": form.Agents = 0; break;
            case "no day": form.Days = Weekdays.None; break;
            case "end before start": (form.From, form.To) = (new TimeOnly(22, 0), new TimeOnly(20, 0)); break;
            case "same start and end": (form.From, form.To) = (new TimeOnly(20, 0), new TimeOnly(20, 0)); break;
            case "quarter hour": form.From = new TimeOnly(20, 15); break;
            case "in-house site": form.SiteId = await SiteAsync(Bpl, SiteKind.InHouse); break;
            case "unknown channel": form.ChannelId = 99; break;
        }
        var before = await CountAsync();

        var result = await Service.SaveAsync(DirectorBpl, form, TestContext.Current.CancellationToken);

        Assert.Equal(SaveOutcome.Invalid, result.Outcome);
        Assert.Equal(message, result.Errors[field]);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task A_range_ending_at_midnight_is_accepted()
    {
        var form = await ValidFormAsync();
        (form.From, form.To) = (new TimeOnly(22, 0), TimeOnly.MinValue);

        var result = await Service.SaveAsync(DirectorBpl, form, TestContext.Current.CancellationToken);

        Assert.Equal(SaveOutcome.Saved, result.Outcome);
    }

    [Fact]
    public async Task A_director_cannot_add_capacity_to_another_region_site_nor_change_its_lines()
    {
        var form = await ValidFormAsync();
        form.SiteId = await SiteAsync(Nc, SiteKind.Subcontracted);
        var ncLine = (await Service.ListAsync(new Actor("d", PortalRole.RegionalDirector, Nc), TestContext.Current.CancellationToken))[0];
        var before = await CountAsync();

        var added = await Service.SaveAsync(DirectorBpl, form, TestContext.Current.CancellationToken);
        var deleted = await Service.DeleteAsync(DirectorBpl, ncLine.Id, ncLine.Version, TestContext.Current.CancellationToken);

        Assert.Equal(SaveOutcome.NotFound, added.Outcome);
        Assert.Equal(SaveOutcome.NotFound, deleted.Outcome);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task HR_cannot_change_capacity()
    {
        var result = await Service.SaveAsync(new Actor("h", PortalRole.HR), await ValidFormAsync(), TestContext.Current.CancellationToken);

        Assert.Equal(SaveOutcome.NotFound, result.Outcome);
    }

    [Fact]
    public async Task The_second_of_two_concurrent_edits_gets_a_conflict_and_the_first_is_kept()
    {
        await Service.SaveAsync(DirectorBpl, await ValidFormAsync(), TestContext.Current.CancellationToken);
        var line = (await Service.ListAsync(DirectorBpl, TestContext.Current.CancellationToken)).OrderByDescending(r => r.Id).First();
        CapacityForm Edit(int agents) => new()
        {
            Id = line.Id, Version = line.Version, SiteId = line.SiteId, ChannelId = line.ChannelId, Days = line.Days, From = line.From, To = line.To, Agents = agents,
        };

        var first = await Service.SaveAsync(DirectorBpl, Edit(30), TestContext.Current.CancellationToken);
        var second = await Service.SaveAsync(DirectorBpl, Edit(40), TestContext.Current.CancellationToken);

        Assert.Equal(SaveOutcome.Saved, first.Outcome);
        Assert.Equal(SaveOutcome.Conflict, second.Outcome);
        var stored = (await Service.ListAsync(DirectorBpl, TestContext.Current.CancellationToken)).Single(r => r.Id == line.Id);
        Assert.Equal(30, stored.Agents);
    }

    [Fact]
    public async Task A_delete_from_a_stale_list_is_refused_and_a_fresh_one_is_audited()
    {
        await Service.SaveAsync(DirectorBpl, await ValidFormAsync(), TestContext.Current.CancellationToken);
        var line = (await Service.ListAsync(DirectorBpl, TestContext.Current.CancellationToken)).OrderByDescending(r => r.Id).First();

        var stale = await Service.DeleteAsync(DirectorBpl, line.Id, line.Version + 1, TestContext.Current.CancellationToken);
        var fresh = await Service.DeleteAsync(DirectorBpl, line.Id, line.Version, TestContext.Current.CancellationToken);

        Assert.Equal(SaveOutcome.Conflict, stale.Outcome);
        Assert.Equal(SaveOutcome.Saved, fresh.Outcome);
        await using var db = fixture.App.CreateDbContext();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Entity == "SubcontractorCapacity" && a.Action == "Delete" && a.EntityKey == line.Id.ToString(), TestContext.Current.CancellationToken));
    }
}
