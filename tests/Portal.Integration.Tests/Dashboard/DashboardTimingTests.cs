using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Access;
using Portal.Services.Dashboard;

namespace Portal.Integration.Tests.Dashboard;

/// <summary>The national and HR dashboards over the full demo (about 15,500 advisors) stay quick to open.</summary>
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
        var first = await service.GetAsync(actor, TestContext.Current.CancellationToken);

        var watch = Stopwatch.StartNew();
        for (var i = 0; i < Runs; i++)
        {
            await service.GetAsync(actor, TestContext.Current.CancellationToken);
        }
        var each = watch.Elapsed / Runs;

        var regions = first switch
        {
            NationalDashboard n => n.Regions,
            HrDashboard h => h.Regions,
            _ => throw new InvalidOperationException("no national dashboard"),
        };
        output.WriteLine($"{role}: {each.TotalMilliseconds:F0} ms per dashboard; "
            + string.Join(", ", regions.Select(r => $"{r.Code} {r.ActiveInHouseAdvisors}/{r.CompletedRequiredTraining}/{r.PlannedRequiredTraining}")));
        if (first is HrDashboard hr)
        {
            output.WriteLine(string.Join(", ", hr.Courses.Select(c => $"{c.RegionCode}:{c.CourseCode} {c.Completed}/{c.Planned}")));
        }
        Assert.True(each < TimeSpan.FromSeconds(2), $"{role}: {each.TotalMilliseconds:F0} ms");
    }
}
