using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Access;
using Portal.Domain.Sites;
using Portal.Domain.Training;
using Portal.Services.Dashboard;
using Portal.Services.Data;

namespace Portal.Integration.Tests.Dashboard;

/// <summary>
/// The national and HR dashboards over the full demo (about 15,500 advisors) stay quick to open, and the completion
/// figures read through the domain's rule are those of the query that wrote the rule out by hand, in about its time.
/// </summary>
[Collection(PortalCollection.Name)]
public class DashboardTimingTests(PortalFixture fixture, ITestOutputHelper output)
{
    private const int Runs = 5;

    [Theory]
    [InlineData(PortalRole.NationalAdmin)]
    [InlineData(PortalRole.HR)]
    public async Task A_national_dashboard_opens_within_two_seconds(PortalRole role)
    {
        var service = fixture.App.Services.CreateScope().ServiceProvider.GetRequiredService<DashboardService>();
        var actor = new Actor("timing", role);
        await service.GetAsync(actor, TestContext.Current.CancellationToken);

        var watch = Stopwatch.StartNew();
        for (var i = 0; i < Runs; i++)
        {
            await service.GetAsync(actor, TestContext.Current.CancellationToken);
        }
        var each = watch.Elapsed / Runs;

        output.WriteLine($"{role}: {each.TotalMilliseconds:F0} ms per dashboard");
        Assert.True(each < TimeSpan.FromSeconds(2), $"{role}: {each.TotalMilliseconds:F0} ms");
    }

    [Fact]
    public async Task Completion_through_the_domain_rule_matches_the_hand_written_query_in_about_its_time()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = fixture.App.CreateDbContext();
        var today = fixture.Today;
        var byRule = await RegionFiguresQuery.LoadAsync(db, null, today, ct);
        var byHand = await HandWrittenAsync(db, today, ct);

        Assert.Equal(byHand, byRule.ToDictionary(r => r.Code, r => (r.ActiveInHouseAdvisors, r.CompletedRequiredTraining, r.PlannedRequiredTraining)));

        TimeSpan rule = default, hand = default;
        for (var i = 0; i < Runs; i++)
        {
            var watch = Stopwatch.StartNew();
            await RegionFiguresQuery.LoadAsync(db, null, today, ct);
            rule += watch.Elapsed;
            watch.Restart();
            await HandWrittenAsync(db, today, ct);
            hand += watch.Elapsed;
        }
        output.WriteLine($"region figures, 9 regions: {rule.TotalMilliseconds / Runs:F0} ms through the rule, {hand.TotalMilliseconds / Runs:F0} ms hand-written");
        Assert.True(rule < hand * 3, $"{rule.TotalMilliseconds / Runs:F0} ms against {hand.TotalMilliseconds / Runs:F0} ms");
    }

    /// <summary>The query as it was before the rule moved to the domain, kept here as the reference it must match.</summary>
    private static async Task<Dictionary<string, (int, int, int)>> HandWrittenAsync(PortalDbContext db, DateOnly asOf, CancellationToken ct)
    {
        var required = await db.Courses.Where(c => c.RequiredForRegionalisation).Select(c => c.Id).ToListAsync(ct);
        var requiredCount = required.Count;
        var rows = await db.Advisors
            .Where(a => a.Active && a.Site!.Kind == SiteKind.InHouse)
            .Select(a => new
            {
                a.Site!.RegionId,
                Completed = db.Enrolments
                    .Where(e => e.AdvisorId == a.Id && required.Contains(e.Session!.CourseId)
                                && e.Status == EnrolmentStatus.Completed && e.CompletedOn <= asOf)
                    .Select(e => e.Session!.CourseId).Distinct().Count(),
                CompletedOrPlanned = db.Enrolments
                    .Where(e => e.AdvisorId == a.Id && required.Contains(e.Session!.CourseId)
                                && ((e.Status == EnrolmentStatus.Completed && e.CompletedOn <= asOf)
                                    || (e.Status == EnrolmentStatus.Planned && e.Session.Days.Any(d => d.Date >= asOf))))
                    .Select(e => e.Session!.CourseId).Distinct().Count(),
            })
            .GroupBy(a => a.RegionId)
            .Select(g => new
            {
                RegionId = g.Key,
                Active = g.Count(),
                Completed = g.Count(a => a.Completed == requiredCount),
                CompletedOrPlanned = g.Count(a => a.CompletedOrPlanned == requiredCount),
            })
            .ToListAsync(ct);
        var codes = await db.Regions.ToDictionaryAsync(r => r.Id, r => r.Code, ct);
        return rows.ToDictionary(r => codes[r.RegionId], r => (r.Active, r.Completed, r.CompletedOrPlanned - r.Completed));
    }
}
