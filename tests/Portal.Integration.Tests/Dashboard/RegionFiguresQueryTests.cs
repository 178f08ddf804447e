using Microsoft.EntityFrameworkCore;
using Portal.Domain.Advisors;
using Portal.Domain.Regions;
using Portal.Domain.Sites;
using Portal.Domain.Training;
using Portal.Services.Dashboard;
using Portal.Services.Data;

namespace Portal.Integration.Tests.Dashboard;

/// <summary>Required-training completion on a small database written by hand, one advisor per case.</summary>
public sealed class RegionFiguresQueryTests : IAsyncLifetime
{
    private static readonly DateOnly Today = new(2026, 11, 26);
    private readonly string file = Path.Combine(Path.GetTempPath(), "portal-tests", $"{Guid.NewGuid():N}.db");
    private PortalDbContext db = default!;
    private int nextId = 1;

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        DatabaseSetup.Configure(options, DatabaseProvider.Sqlite, $"Data Source={file}");
        db = new PortalDbContext(options.Options);
        await DatabaseSetup.MigrateAsync(db);

        db.Regions.Add(new Region { Id = 1, Code = "BPL", Name = "Bretagne-Pays de la Loire", Wave = 2, PlannedSwitchDate = Today.AddDays(18) });
        db.Sites.AddRange(
            new Site { Id = 1, Name = "Plateau Rennes", City = "Rennes", RegionId = 1, Kind = SiteKind.InHouse },
            new Site { Id = 2, Name = "Prestataire Niort", City = "Niort", RegionId = 1, Kind = SiteKind.Subcontracted });
        db.Courses.AddRange(
            new Course { Id = 1, Code = "TRANSV-COM", Title = "Commercial", Days = 1, RequiredForRegionalisation = true },
            new Course { Id = 2, Code = "TRANSV-TECH", Title = "Technique", Days = 1, RequiredForRegionalisation = true },
            new Course { Id = 3, Code = "ECRIT", Title = "Écrit", Days = 1 });
        await db.SaveChangesAsync();

        Advisor("complete", both: true);
        Advisor("planned", completed: [1], plannedAhead: [2]);
        Advisor("stale plan", completed: [1], plannedInThePast: [2]);
        Advisor("inactive", both: true, active: false);
        Advisor("subcontractor", both: true, site: 2);
        Advisor("completes later", completed: [2], completedAfterToday: [1]);
        Advisor("optional only", completed: [3]);
        Advisor("failed", completed: [1], failed: [2]);
        await db.SaveChangesAsync();
    }

    private void Advisor(string name, bool both = false, int[]? completed = null, int[]? plannedAhead = null, int[]? plannedInThePast = null,
        int[]? completedAfterToday = null, int[]? failed = null, bool active = true, int site = 1)
    {
        var advisor = new Advisor { Id = nextId++, EmployeeNumber = $"E{nextId}", FirstName = name, LastName = "Test", SiteId = site, Active = active };
        db.Advisors.Add(advisor);
        foreach (var course in both ? [1, 2] : completed ?? [])
        {
            Enrol(advisor, course, EnrolmentStatus.Completed, Today.AddDays(-20), Today.AddDays(-20));
        }
        foreach (var course in completedAfterToday ?? [])
        {
            Enrol(advisor, course, EnrolmentStatus.Completed, Today.AddDays(3), Today.AddDays(3));
        }
        foreach (var course in plannedAhead ?? [])
        {
            Enrol(advisor, course, EnrolmentStatus.Planned, Today.AddDays(7), null);
        }
        foreach (var course in plannedInThePast ?? [])
        {
            Enrol(advisor, course, EnrolmentStatus.Planned, Today.AddDays(-7), null);
        }
        foreach (var course in failed ?? [])
        {
            Enrol(advisor, course, EnrolmentStatus.Failed, Today.AddDays(-14), null);
        }
    }

    private void Enrol(Advisor advisor, int course, EnrolmentStatus status, DateOnly day, DateOnly? completedOn)
    {
        var session = new TrainingSession { CourseId = course, RegionId = 1, SiteId = 1, Trainer = "Formateur", Days = [new SessionDay { Date = day }] };
        session.Enrolments.Add(new Enrolment { AdvisorId = advisor.Id, Status = status, CompletedOn = completedOn });
        db.TrainingSessions.Add(session);
    }

    [Fact]
    public async Task Only_active_in_house_advisors_count_and_only_completions_dated_by_today()
    {
        var region = Assert.Single(await RegionFiguresQuery.LoadAsync(db, null, Today, TestContext.Current.CancellationToken));

        // Counted: complete, planned, stale plan, completes later, optional only, failed. Not: inactive, subcontractor.
        Assert.Equal(6, region.ActiveInHouseAdvisors);
        Assert.Equal(1, region.CompletedRequiredTraining);
        Assert.Equal(1, region.PlannedRequiredTraining);
        Assert.Equal(1 / 6.0, region.CompletionRate, 9);
        Assert.Equal(new SiteCounts(1, 1, 0), region.Sites);
    }

    [Fact]
    public async Task A_completion_dated_later_counts_from_its_date_on()
    {
        var region = Assert.Single(await RegionFiguresQuery.LoadAsync(db, null, Today.AddDays(3), TestContext.Current.CancellationToken));

        Assert.Equal(2, region.CompletedRequiredTraining);
    }

    [Fact]
    public async Task With_no_required_course_every_advisor_has_completed_them()
    {
        await db.Courses.ExecuteUpdateAsync(c => c.SetProperty(x => x.RequiredForRegionalisation, false), TestContext.Current.CancellationToken);

        var region = Assert.Single(await RegionFiguresQuery.LoadAsync(db, null, Today, TestContext.Current.CancellationToken));

        Assert.Equal(region.ActiveInHouseAdvisors, region.CompletedRequiredTraining);
        Assert.Equal(1.0, region.CompletionRate);
    }

    [Fact]
    public async Task A_region_outside_the_readable_set_is_not_loaded()
    {
        var regions = await RegionFiguresQuery.LoadAsync(db, new HashSet<int> { 2 }, Today, TestContext.Current.CancellationToken);

        Assert.Empty(regions);
    }

    public async ValueTask DisposeAsync()
    {
        await db.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(file);
    }
}
