using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Access;
using Portal.Services.Dashboard;
using Portal.Services.Regions;
using Portal.Services.Stats;

namespace Portal.Integration.Tests.Access;

/// <summary>The services answer by role and region whatever page calls them.</summary>
[Collection(PortalCollection.Name)]
public class ServiceAccessTests(PortalFixture fixture)
{
    private const int Nc = 1;
    private const int Bpl = 2;

    private T Service<T>() where T : notnull => fixture.App.Services.CreateScope().ServiceProvider.GetRequiredService<T>();

    public static TheoryData<PortalRole, int?, string, Area, bool> RegionLookups => new()
    {
        { PortalRole.NationalAdmin, null, "NC", Area.Coverage, true },
        { PortalRole.RegionalDirector, Bpl, "BPL", Area.Coverage, true },
        { PortalRole.RegionalDirector, Bpl, "NC", Area.Coverage, false },
        { PortalRole.RegionalDirector, Bpl, "NC", Area.Rollout, false },
        { PortalRole.RegionalDirector, Nc, "NC", Area.Assignments, true },
        { PortalRole.HR, null, "BPL", Area.Coverage, false },
        { PortalRole.HR, null, "BPL", Area.Training, true },
        { PortalRole.Advisor, null, "BPL", Area.Coverage, false },
        { PortalRole.NationalAdmin, null, "ZZZ", Area.Coverage, false },
    };

    [Theory]
    [MemberData(nameof(RegionLookups))]
    public async Task A_region_is_found_only_by_who_may_read_it(PortalRole role, int? region, string code, Area area, bool found)
    {
        var actor = new Actor("test", role, region, role == PortalRole.Advisor ? 1 : null);

        var result = await Service<RegionDirectory>().FindAsync(actor, code, area, TestContext.Current.CancellationToken);

        Assert.Equal(found, result is not null);
    }

    [Fact]
    public async Task A_director_dashboard_holds_only_the_own_region()
    {
        var view = await Service<DashboardService>().GetAsync(new Actor("d", PortalRole.RegionalDirector, Bpl), TestContext.Current.CancellationToken);

        var director = Assert.IsType<DirectorDashboard>(view);
        Assert.Equal("BPL", director.Region.Code);
        Assert.Equal(16, director.Region.Sites.Total);
        Assert.InRange(director.Region.ActiveInHouseAdvisors, 1_500, 1_600);
    }

    [Fact]
    public async Task A_director_bound_to_no_region_gets_no_dashboard()
    {
        var view = await Service<DashboardService>().GetAsync(new Actor("d", PortalRole.RegionalDirector), TestContext.Current.CancellationToken);

        Assert.Null(view);
    }

    [Fact]
    public async Task The_national_dashboard_counts_every_region_and_site()
    {
        var view = await Service<DashboardService>().GetAsync(new Actor("n", PortalRole.NationalAdmin), TestContext.Current.CancellationToken);

        var national = Assert.IsType<NationalDashboard>(view);
        Assert.Equal(9, national.Regions.Count);
        Assert.Equal(new SiteCounts(98, 34, 11), national.Sites);
        Assert.InRange(national.ActiveAdvisors, 14_500, 16_000);
        Assert.True(national.Regions.Single(r => r.Code == "NC").CompletionRate > 0.8);
        Assert.True(national.Regions.Single(r => r.Code == "BPL").CompletionRate < 0.8);
    }

    [Fact]
    public async Task The_HR_dashboard_tracks_each_required_course_in_each_region()
    {
        var view = await Service<DashboardService>().GetAsync(new Actor("h", PortalRole.HR), TestContext.Current.CancellationToken);

        var hr = Assert.IsType<HrDashboard>(view);
        Assert.Equal(9 * 2, hr.Courses.Count);
        Assert.All(hr.Courses, c => Assert.InRange(c.Completed, 0, c.ActiveInHouseAdvisors));
    }

    [Fact]
    public async Task An_advisor_sees_only_the_own_next_assignments()
    {
        await using var db = fixture.App.CreateDbContext();
        var advisorId = db.Users.Single(u => u.Email == Portal.Services.Demo.DemoAccounts.AdvisorBpl).AdvisorId!.Value;
        var employeeNumber = db.Advisors.Single(a => a.Id == advisorId).EmployeeNumber;

        var view = await Service<DashboardService>().GetAsync(new Actor("a", PortalRole.Advisor, AdvisorId: advisorId), TestContext.Current.CancellationToken);

        var advisor = Assert.IsType<AdvisorDashboard>(view);
        Assert.Equal(employeeNumber, advisor.EmployeeNumber);
        Assert.Contains(advisor.Next, i => i.Kind == UpcomingKind.Training);
        Assert.Contains(advisor.Next, i => i.Kind == UpcomingKind.Shift);
        Assert.Equal(advisor.Next.OrderBy(i => i.Date).ThenBy(i => i.Kind).ThenBy(i => i.Start), advisor.Next);
        var trainingDays = advisor.Next.Where(i => i.Kind == UpcomingKind.Training).Select(i => i.Date).ToHashSet();
        Assert.DoesNotContain(advisor.Next, i => i.Kind == UpcomingKind.Shift && trainingDays.Contains(i.Date));
    }

    [Fact]
    public async Task An_advisor_account_without_a_record_gets_no_dashboard()
    {
        var view = await Service<DashboardService>().GetAsync(new Actor("a", PortalRole.Advisor), TestContext.Current.CancellationToken);

        Assert.Null(view);
    }

    [Fact]
    public async Task The_rollout_timeline_lets_a_director_open_only_the_own_region()
    {
        var timeline = await Service<RegionDirectory>().TimelineAsync(new Actor("d", PortalRole.RegionalDirector, Bpl), TestContext.Current.CancellationToken);

        Assert.Equal(9, timeline.Count);
        Assert.Equal(["BPL"], timeline.Where(t => t.Readable).Select(t => t.Region.Code));
    }

    [Fact]
    public async Task HR_reads_the_rollout_timeline_but_opens_no_region()
    {
        var timeline = await Service<RegionDirectory>().TimelineAsync(new Actor("h", PortalRole.HR), TestContext.Current.CancellationToken);

        Assert.Equal(9, timeline.Count);
        Assert.DoesNotContain(timeline, t => t.Readable);
    }

    [Theory]
    [InlineData(PortalRole.HR, null)]
    [InlineData(PortalRole.Advisor, null)]
    [InlineData(PortalRole.RegionalDirector, null)]
    public async Task Who_may_change_no_capacity_is_refused_before_the_form_is_checked(PortalRole role, int? region)
    {
        var actor = new Actor("x", role, region, role == PortalRole.Advisor ? 1 : null);
        var service = Service<Portal.Services.Subcontracting.SubcontractingService>();

        var saved = await service.SaveAsync(actor, new Portal.Services.Subcontracting.CapacityForm { SiteId = 0, Agents = 0 }, TestContext.Current.CancellationToken);
        var deleted = await service.DeleteAsync(actor, 1, -1, TestContext.Current.CancellationToken);

        Assert.Equal(Portal.Services.SaveOutcome.NotFound, saved.Outcome);
        Assert.Empty(saved.Errors);
        Assert.Equal(Portal.Services.SaveOutcome.NotFound, deleted.Outcome);
    }

    [Theory]
    [InlineData(PortalRole.RegionalDirector)]
    [InlineData(PortalRole.HR)]
    [InlineData(PortalRole.Advisor)]
    public async Task National_statistics_are_refused_to_any_other_role(PortalRole role) =>
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() =>
            Service<StatsService>().GetAsync(new Actor("x", role, Bpl), TestContext.Current.CancellationToken));
}
