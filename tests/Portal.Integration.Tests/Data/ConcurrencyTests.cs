using Microsoft.EntityFrameworkCore;

namespace Portal.Integration.Tests.Data;

/// <summary>Two people editing the same record: the second save is refused, never silently applied.</summary>
[Collection(PortalCollection.Name)]
public class ConcurrencyTests(PortalFixture fixture)
{
    [Fact]
    public async Task The_second_of_two_concurrent_edits_is_refused_and_the_first_kept()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var first = fixture.App.CreateDbContext();
        await using var second = fixture.App.CreateDbContext();
        var mine = await first.Advisors.OrderBy(a => a.Id).LastAsync(ct);
        var theirs = await second.Advisors.SingleAsync(a => a.Id == mine.Id, ct);
        var versionBefore = mine.Version;

        var ratioBefore = mine.WorkingTimePercent;
        mine.WorkingTimePercent = ratioBefore == 80 ? 50 : 80;
        await first.SaveChangesAsync(ct);
        theirs.WorkingTimePercent = ratioBefore == 100 ? 60 : 100;

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync(ct));
        await using var check = fixture.App.CreateDbContext();
        var stored = await check.Advisors.SingleAsync(a => a.Id == mine.Id, ct);
        Assert.Equal(mine.WorkingTimePercent, stored.WorkingTimePercent);
        Assert.Equal(versionBefore + 1, stored.Version);
        stored.WorkingTimePercent = ratioBefore;
        await check.SaveChangesAsync(ct);
    }

    [Fact]
    public async Task An_edit_made_from_a_stale_form_is_refused()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = fixture.App.CreateDbContext();
        var region = await db.Regions.SingleAsync(r => r.Code == "SUD", ct);
        var customersBefore = region.Customers;
        var versionSeenByTheForm = region.Version;
        region.Customers += 1;
        await db.SaveChangesAsync(ct);

        // The form carries the version the user saw; a service copies it onto the freshly loaded entity.
        await using var form = fixture.App.CreateDbContext();
        var edited = await form.Regions.SingleAsync(r => r.Code == "SUD", ct);
        edited.Version = versionSeenByTheForm;
        edited.Customers += 1;

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => form.SaveChangesAsync(ct));
        region.Customers = customersBefore;
        await db.SaveChangesAsync(ct);
    }

    [Fact]
    public async Task An_edit_made_from_an_up_to_date_form_is_saved_and_bumps_the_version()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = fixture.App.CreateDbContext();
        var region = await db.Regions.AsNoTracking().SingleAsync(r => r.Code == "SO", ct);

        await using var form = fixture.App.CreateDbContext();
        var edited = await form.Regions.SingleAsync(r => r.Code == "SO", ct);
        edited.Version = region.Version;
        edited.Customers += 1;
        await form.SaveChangesAsync(ct);

        await using var check = fixture.App.CreateDbContext();
        var stored = await check.Regions.SingleAsync(r => r.Code == "SO", ct);
        Assert.Equal(region.Version + 1, stored.Version);
        stored.Customers = region.Customers;
        await check.SaveChangesAsync(ct);
    }
}
