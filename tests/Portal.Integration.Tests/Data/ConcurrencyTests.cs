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

        mine.WorkingTimePercent = 80;
        await first.SaveChangesAsync(ct);
        theirs.WorkingTimePercent = 50;

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync(ct));
        await using var check = fixture.App.CreateDbContext();
        var stored = await check.Advisors.SingleAsync(a => a.Id == mine.Id, ct);
        Assert.Equal(80, stored.WorkingTimePercent);
        Assert.Equal(versionBefore + 1, stored.Version);
    }

    [Fact]
    public async Task An_edit_made_from_a_stale_form_is_refused()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = fixture.App.CreateDbContext();
        var region = await db.Regions.SingleAsync(r => r.Code == "SUD", ct);
        var staleVersion = region.Version;
        region.Customers += 1;
        await db.SaveChangesAsync(ct);

        await using var form = fixture.App.CreateDbContext();
        var edited = await form.Regions.SingleAsync(r => r.Code == "SUD", ct);
        form.Entry(edited).Property(r => r.Version).OriginalValue = staleVersion;
        edited.Customers += 1;

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => form.SaveChangesAsync(ct));
    }
}
