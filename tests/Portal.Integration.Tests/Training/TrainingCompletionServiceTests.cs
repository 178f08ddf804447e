using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Access;
using Portal.Domain.Training;
using Portal.Services.Dashboard;
using Portal.Services.Files;
using Portal.Services.Training;

namespace Portal.Integration.Tests.Training;

/// <summary>The completion figures, list and file on the shared demo, checked against the dashboards and an independent reading of the file.</summary>
[Collection(PortalCollection.Name)]
public class TrainingCompletionServiceTests(PortalFixture fixture)
{
    private const int Nc = 1;
    private const int Bpl = 2;
    private static readonly Actor Hr = new("hr@portal.demo", PortalRole.HR);
    private static readonly Actor DirectorBpl = new("director.bpl@portal.demo", PortalRole.RegionalDirector, Bpl);
    private static readonly Actor DirectorNc = new("director.nc@portal.demo", PortalRole.RegionalDirector, Nc);
    private static readonly Actor Advisor = new("advisor.bpl@portal.demo", PortalRole.Advisor, AdvisorId: 1);

    private async Task<T> WithAsync<T>(Func<TrainingCompletionService, Task<T>> call)
    {
        using var scope = fixture.App.Services.CreateScope();
        return await call(scope.ServiceProvider.GetRequiredService<TrainingCompletionService>());
    }

    private async Task<HrDashboard> HrDashboardAsync()
    {
        using var scope = fixture.App.Services.CreateScope();
        return (HrDashboard)(await scope.ServiceProvider.GetRequiredService<DashboardService>().GetAsync(Hr, TestContext.Current.CancellationToken))!;
    }

    [Fact]
    public async Task Hr_sees_every_region_with_the_dashboard_figures()
    {
        var view = await WithAsync(s => s.GetAsync(Hr, TestContext.Current.CancellationToken));
        var dashboard = await HrDashboardAsync();

        Assert.NotNull(view);
        Assert.Equal(9, view.Regions.Count);
        Assert.Equal(dashboard.Regions.Select(r => (r.Code, r.ActiveInHouseAdvisors, r.CompletedRequiredTraining, r.PlannedRequiredTraining)),
            view.Regions.Select(r => (r.RegionCode, r.Advisors, r.Completed, r.Planned)));
        Assert.Equal(dashboard.Regions.Sum(r => r.ActiveInHouseAdvisors), view.Total.Advisors);
        Assert.InRange(view.Total.Rate, 0.01, 0.99);
    }

    [Fact]
    public async Task Course_and_site_figures_add_up_to_the_dashboard_and_region_figures()
    {
        var view = (await WithAsync(s => s.GetAsync(Hr, TestContext.Current.CancellationToken)))!;
        var dashboard = await HrDashboardAsync();

        Assert.Equal(["TRANSV-COM", "TRANSV-TECH"], view.Courses.Select(c => c.CourseCode));
        Assert.Equal(dashboard.Courses.GroupBy(c => c.CourseCode).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, g.Sum(c => c.Completed))),
            view.Courses.Select(c => (c.CourseCode!, c.Completed)));
        Assert.Equal(view.Regions.Select(r => (r.RegionCode, r.Advisors, r.Completed)),
            view.Regions.Select(r => (r.RegionCode, view.Sites.Where(s => s.RegionCode == r.RegionCode).Sum(s => s.Advisors),
                view.Sites.Where(s => s.RegionCode == r.RegionCode).Sum(s => s.Completed))));
    }

    [Fact]
    public async Task A_director_sees_the_own_region_only_and_an_advisor_nothing()
    {
        var ct = TestContext.Current.CancellationToken;

        var bpl = await WithAsync(s => s.GetAsync(DirectorBpl, ct));
        var advisor = await WithAsync(s => s.GetAsync(Advisor, ct));
        var hr = await WithAsync(s => s.GetAsync(Hr, ct));

        Assert.Equal(["BPL"], bpl!.Regions.Select(r => r.RegionCode));
        Assert.All(bpl.Sites, s => Assert.Equal("BPL", s.RegionCode));
        Assert.Equal(hr!.Regions.Single(r => r.RegionCode == "BPL"), bpl.Regions[0]);
        Assert.Null(advisor);
    }

    [Fact]
    public async Task The_weekly_curve_rises_to_today_figure_and_the_plan_goes_on_beyond()
    {
        var view = (await WithAsync(s => s.GetAsync(Hr, TestContext.Current.CancellationToken)))!;

        var past = view.Weeks.Where(w => !w.Ahead).ToList();
        Assert.Equal(TrainingCompletionService.Weeks, past.Count);
        Assert.Equal(view.Total.Completed, past[^1].Completed);
        Assert.Equal(view.Total.Completed + view.Total.Planned, view.Weeks[^1].CompletedOrPlanned);
        Assert.Contains(view.Weeks, w => w.Ahead);
        Assert.True(past[0].Completed < past[^1].Completed);
        Assert.All(view.Weeks.Zip(view.Weeks.Skip(1)), p => Assert.True(p.First.Completed <= p.Second.Completed && p.First.CompletedOrPlanned <= p.Second.CompletedOrPlanned));
        Assert.Equal(DayOfWeek.Monday, view.Weeks[0].Monday.DayOfWeek);
    }

    [Fact]
    public async Task The_missing_list_is_every_advisor_and_course_without_a_completion_filtered_and_paged()
    {
        var ct = TestContext.Current.CancellationToken;
        var view = (await WithAsync(s => s.GetAsync(Hr, ct)))!;

        var all = await WithAsync(s => s.MissingAsync(Hr, new MissingQuery(), ct));
        var bplCom = await WithAsync(s => s.MissingAsync(Hr, new MissingQuery(Region: "bpl", Course: "TRANSV-COM", PageSize: 100), ct));
        var second = await WithAsync(s => s.MissingAsync(Hr, new MissingQuery(Region: "BPL", Course: "TRANSV-COM", Page: 1, PageSize: 100), ct));
        var site = view.Sites.First(s => s.RegionCode == "BPL");
        var onSite = await WithAsync(s => s.MissingAsync(Hr, new MissingQuery(Site: site.SiteId), ct));
        var otherRegion = await WithAsync(s => s.MissingAsync(DirectorNc, new MissingQuery(Region: "BPL"), ct));

        Assert.Equal(view.Courses.Sum(c => c.Advisors - c.Completed), all.Total);
        Assert.Equal(25, all.Rows.Count);
        var bplAdvisors = view.Regions.Single(r => r.RegionCode == "BPL").Advisors;
        Assert.InRange(bplCom.Total, 101, bplAdvisors);
        Assert.All(bplCom.Rows.Concat(second.Rows), r => Assert.Equal(("BPL", "TRANSV-COM"), (r.RegionCode, r.CourseCode)));
        Assert.Empty(bplCom.Rows.Select(r => r.EmployeeNumber).Intersect(second.Rows.Select(r => r.EmployeeNumber)));
        Assert.All(onSite.Rows, r => Assert.Equal(site.Name, r.Site));
        Assert.Contains(bplCom.Rows.Concat(second.Rows), r => r.PlannedFrom is not null);
        Assert.Equal(0, otherRegion.Total);
    }

    [Fact]
    public async Task The_file_has_the_exact_header_and_one_row_per_advisor_and_required_course()
    {
        var ct = TestContext.Current.CancellationToken;
        var view = (await WithAsync(s => s.GetAsync(Hr, ct)))!;
        using var output = new MemoryStream();

        var count = await WithAsync(s => s.ExportAsync(Hr, output, ct));

        var bytes = output.ToArray();
        Assert.True(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble));
        var lines = Encoding.UTF8.GetString(bytes[Encoding.UTF8.Preamble.Length..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("region;site;employeeNumber;lastName;firstName;course;status;completedOn", lines[0]);
        Assert.Equal(view.Total.Advisors * 2, count);
        Assert.Equal(count + 1, lines.Length);
        Assert.All(lines.Skip(1), l => Assert.Matches("^[A-Z]+;[^;]+;[A-Z0-9]+;.*;TRANSV-(COM|TECH);(Completed;\\d{4}-\\d{2}-\\d{2}|(Planned|Failed|NoShow|Cancelled|None);)$", l));
    }

    [Fact]
    public async Task A_completed_row_names_the_last_day_of_the_session_and_the_statuses_follow_the_enrolments()
    {
        var ct = TestContext.Current.CancellationToken;
        var rows = await WithAsync(s => s.FileRowsAsync(Hr, ct));
        await using var db = fixture.App.CreateDbContext();
        var completed = await db.Enrolments.Where(e => e.Status == EnrolmentStatus.Completed && e.Session!.Course!.Code == "TRANSV-TECH")
            .Join(db.Advisors, e => e.AdvisorId, a => a.Id, (e, a) => new { a.EmployeeNumber, a.Active, Kind = a.Site!.Kind, LastDay = e.Session!.Days.Max(d => d.Date) })
            .Where(x => x.Active && x.Kind == Domain.Sites.SiteKind.InHouse)
            .OrderBy(x => x.EmployeeNumber).FirstAsync(ct);
        var noneAtAll = await db.Advisors.Where(Domain.Advisors.Advisor.ActiveInHouse).Where(a => !db.Enrolments.Any(e => e.AdvisorId == a.Id))
            .Select(a => a.EmployeeNumber).FirstAsync(ct);

        var row = rows.Single(r => r.EmployeeNumber == completed.EmployeeNumber && r.Course == "TRANSV-TECH");
        Assert.Equal((CompletionStatus.Completed, completed.LastDay), (row.Status, row.CompletedOn));
        Assert.All(rows.Where(r => r.EmployeeNumber == noneAtAll), r => Assert.Equal((CompletionStatus.None, (DateOnly?)null), (r.Status, r.CompletedOn)));
        Assert.Contains(rows, r => r.Status == CompletionStatus.Planned);
        var keys = rows.Select(r => string.Join('\u0001', r.Region, r.Site, r.EmployeeNumber, r.Course)).ToList();
        Assert.Equal(keys.Order(StringComparer.Ordinal), keys);
    }

    [Fact]
    public async Task The_completed_rows_of_the_file_give_the_dashboard_completion_figures()
    {
        var ct = TestContext.Current.CancellationToken;
        using var output = new MemoryStream();
        await WithAsync(s => s.ExportAsync(Hr, output, ct));
        var dashboard = await HrDashboardAsync();

        // An independent reading: the file's own text, counted with plain LINQ.
        var cells = Encoding.UTF8.GetString(output.ToArray()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(l => l.Split(';')).Select(c => new { Region = c[0], Advisor = c[2], Course = c[5], Status = c[6] }).ToList();
        var courses = cells.Select(c => c.Course).Distinct().Count();
        var completedByRegion = cells.GroupBy(c => c.Region).ToDictionary(g => g.Key,
            g => g.GroupBy(c => c.Advisor).Count(a => a.Count(c => c.Status == "Completed") == courses));
        var advisorsByRegion = cells.GroupBy(c => c.Region).ToDictionary(g => g.Key, g => g.Select(c => c.Advisor).Distinct().Count());
        var completedByRegionAndCourse = cells.Where(c => c.Status == "Completed").GroupBy(c => (c.Region, c.Course)).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(dashboard.Regions.ToDictionary(r => r.Code, r => r.CompletedRequiredTraining), completedByRegion);
        Assert.Equal(dashboard.Regions.ToDictionary(r => r.Code, r => r.ActiveInHouseAdvisors), advisorsByRegion);
        Assert.All(dashboard.Courses, c => Assert.Equal(c.Completed, completedByRegionAndCourse.GetValueOrDefault((c.RegionCode, c.CourseCode))));
    }

    [Fact]
    public async Task The_page_figures_file_holds_the_total_each_region_site_and_course()
    {
        var view = (await WithAsync(s => s.GetAsync(DirectorBpl, TestContext.Current.CancellationToken)))!;
        using var output = new MemoryStream();

        await CsvTable.WriteAsync(output, TrainingCompletionFile.Figures(view), TestContext.Current.CancellationToken);

        var lines = Encoding.UTF8.GetString(output.ToArray()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("level;region;site;course;name;advisors;completed;planned;rate", lines[0]);
        Assert.Equal(1 + 1 + 1 + view.Sites.Count + view.Courses.Count, lines.Length);
        var region = view.Regions[0];
        Assert.Contains($"region;BPL;;;{region.Name};{region.Advisors};{region.Completed};{region.Planned};", lines[2], StringComparison.Ordinal);
    }
}
