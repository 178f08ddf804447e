using Microsoft.EntityFrameworkCore;
using Portal.Domain.Training;
using Portal.Services.Data;

namespace Portal.Integration.Tests.Data;

/// <summary>
/// A second enrolment of one advisor in one session, as two planners saving at once produce it, is recognised as a
/// unique-index refusal (reported as a conflict by the enrolment service), and another refusal is not. Nothing is saved.
/// </summary>
[Collection(PortalCollection.Name)]
public class UniqueViolationTests(PortalFixture fixture)
{
    [Fact]
    public async Task A_duplicate_enrolment_is_a_unique_violation_and_a_missing_session_is_not()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var read = fixture.App.CreateDbContext();
        var existing = await read.Enrolments.AsNoTracking().OrderBy(e => e.Id).Select(e => new { e.SessionId, e.AdvisorId }).FirstAsync(ct);
        var count = await read.Enrolments.CountAsync(ct);

        await using var duplicate = fixture.App.CreateDbContext();
        duplicate.Enrolments.Add(new Enrolment { SessionId = existing.SessionId, AdvisorId = existing.AdvisorId, Status = EnrolmentStatus.Planned });
        var twice = await Assert.ThrowsAsync<DbUpdateException>(() => duplicate.SaveChangesAsync(ct));

        await using var orphan = fixture.App.CreateDbContext();
        orphan.Enrolments.Add(new Enrolment { SessionId = int.MaxValue, AdvisorId = existing.AdvisorId, Status = EnrolmentStatus.Planned });
        var missing = await Assert.ThrowsAsync<DbUpdateException>(() => orphan.SaveChangesAsync(ct));

        Assert.True(UniqueViolation.Is(twice));
        Assert.False(UniqueViolation.Is(missing));
        await using var after = fixture.App.CreateDbContext();
        Assert.Equal(count, await after.Enrolments.CountAsync(ct));
    }
}
