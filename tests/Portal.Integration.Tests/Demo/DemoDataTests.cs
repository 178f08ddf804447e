using Microsoft.EntityFrameworkCore;
using Portal.Domain.Forecast;
using Portal.Domain.Regions;
using Portal.Domain.Sites;
using Portal.Domain.Time;
using Portal.Domain.Training;
using Portal.Services.Demo;

namespace Portal.Integration.Tests.Demo;

/// <summary>The demo follows the specification's section 8, read back from the real database the app created.</summary>
[Collection(PortalCollection.Name)]
public class DemoDataTests(PortalFixture fixture)
{
    private DateOnly Today => fixture.Today;

    [Fact]
    public async Task Nine_regions_in_wave_order_with_the_codes_of_the_addresses()
    {
        await using var db = fixture.App.CreateDbContext();
        var regions = await db.Regions.OrderBy(r => r.Wave).ToListAsync(TestContext.Current.CancellationToken);

        Assert.Equal(["NC", "BPL", "IDF", "NDF", "EST", "CE", "MED", "SO", "SUD"], regions.Select(r => r.Code));
        Assert.Equal(Enumerable.Range(1, 9), regions.Select(r => r.Wave));
        Assert.Equal("Normandie-Centre", regions[0].Name);
        Assert.Equal("Bretagne-Pays de la Loire", regions[1].Name);
    }

    [Fact]
    public async Task NC_switched_eight_weeks_ago_and_BPL_prepares_its_switch_on_the_monday_three_weeks_ahead()
    {
        await using var db = fixture.App.CreateDbContext();
        var regions = await db.Regions.OrderBy(r => r.Wave).ToListAsync(TestContext.Current.CancellationToken);
        var nc = regions[0];
        var bpl = regions[1];

        Assert.Equal(RegionStatus.Switched, nc.Status);
        Assert.Equal(Today.AddDays(-56), nc.ActualSwitchDate);
        Assert.Equal(RegionStatus.Preparing, bpl.Status);
        Assert.Equal(LocalCalendar.MondayOf(Today).AddDays(21), bpl.PlannedSwitchDate);
        Assert.Equal(DayOfWeek.Monday, bpl.PlannedSwitchDate.DayOfWeek);
        Assert.All(regions.Skip(2), r => Assert.Equal(RegionStatus.Planned, r.Status));
        Assert.All(regions.Skip(1).Zip(regions.Skip(2)), pair =>
            Assert.InRange(pair.Second.PlannedSwitchDate.DayNumber - pair.First.PlannedSwitchDate.DayNumber, 42, 56));
    }

    [Fact]
    public async Task Customers_follow_the_source_figures()
    {
        await using var db = fixture.App.CreateDbContext();
        var regions = await db.Regions.ToListAsync(TestContext.Current.CancellationToken);

        Assert.Equal(1_600_000, regions.Single(r => r.Code == "BPL").Customers);
        Assert.All(regions, r => Assert.InRange(r.Customers, 1_200_000, 3_200_000));
        Assert.InRange(regions.Sum(r => r.Customers), 15_000_000, 16_000_000);
    }

    [Fact]
    public async Task One_hundred_forty_three_sites_of_which_34_subcontracted_and_11_offshore()
    {
        await using var db = fixture.App.CreateDbContext();
        var byKind = await db.Sites.GroupBy(s => s.Kind).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, TestContext.Current.CancellationToken);

        Assert.Equal(98, byKind[SiteKind.InHouse]);
        Assert.Equal(34, byKind[SiteKind.Subcontracted]);
        Assert.Equal(11, byKind[SiteKind.Offshore]);
        Assert.Equal(9, await db.Sites.Where(s => s.Kind == SiteKind.InHouse).Select(s => s.RegionId).Distinct().CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task About_1600_advisors_in_BPL_and_the_others_in_proportion_to_customers()
    {
        await using var db = fixture.App.CreateDbContext();
        var perRegion = await db.Advisors.GroupBy(a => a.Site!.Region!.Code).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, TestContext.Current.CancellationToken);
        var customers = await db.Regions.ToDictionaryAsync(r => r.Code, r => r.Customers, TestContext.Current.CancellationToken);

        Assert.Equal(1_600, perRegion["BPL"]);
        Assert.InRange(perRegion.Values.Sum(), 15_000, 16_000);
        Assert.All(perRegion, r => Assert.Equal(customers[r.Key] / 1000.0, r.Value, 0));
        Assert.Empty(await db.Advisors.Where(a => a.Site!.Kind != SiteKind.InHouse).ToListAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Skills_are_held_at_mixed_levels()
    {
        await using var db = fixture.App.CreateDbContext();
        var levels = await db.AdvisorSkills.GroupBy(s => s.Level).Select(g => g.Key).ToListAsync(TestContext.Current.CancellationToken);

        Assert.Equal(4, levels.Count);
    }

    [Fact]
    public async Task BPL_training_gate_fails_today_and_its_planned_sessions_would_lift_it_above_80_percent()
    {
        await using var db = fixture.App.CreateDbContext();
        var ct = TestContext.Current.CancellationToken;
        var required = await db.Courses.Where(c => c.RequiredForRegionalisation).Select(c => c.Id).ToListAsync(ct);
        var bplAdvisors = await db.Advisors.Where(a => a.Active && a.Site!.Region!.Code == "BPL").Select(a => a.Id).ToListAsync(ct);
        var enrolments = await db.Enrolments.Where(e => required.Contains(e.Session!.CourseId) && bplAdvisors.Contains(e.AdvisorId))
            .Select(e => new { e.AdvisorId, e.Session!.CourseId, e.Status }).ToListAsync(ct);

        int AllRequired(params EnrolmentStatus[] statuses) => enrolments.Where(e => statuses.Contains(e.Status))
            .GroupBy(e => e.AdvisorId).Count(g => g.Select(e => e.CourseId).Distinct().Count() == required.Count);
        var completed = (double)AllRequired(EnrolmentStatus.Completed) / bplAdvisors.Count;
        var withPlanned = (double)AllRequired(EnrolmentStatus.Completed, EnrolmentStatus.Planned) / bplAdvisors.Count;

        Assert.Equal(2, required.Count);
        Assert.InRange(completed, 0.5, 0.79);
        Assert.InRange(withPlanned, 0.8, 1.0);
    }

    [Fact]
    public async Task Planned_sessions_of_BPL_end_before_its_switch_and_respect_the_training_rules()
    {
        await using var db = fixture.App.CreateDbContext();
        var ct = TestContext.Current.CancellationToken;
        var bpl = await db.Regions.SingleAsync(r => r.Code == "BPL", ct);
        var planned = await db.TrainingSessions.Include(s => s.Days).Include(s => s.Enrolments)
            .Where(s => s.RegionId == bpl.Id && s.Enrolments.Any(e => e.Status == EnrolmentStatus.Planned)).ToListAsync(ct);
        var sessionSites = await db.Sites.Where(s => s.RegionId == bpl.Id).Select(s => s.Id).ToListAsync(ct);
        var required = await db.Courses.Where(c => c.RequiredForRegionalisation).Select(c => c.Id).ToListAsync(ct);

        Assert.NotEmpty(planned);
        Assert.All(planned.Where(s => required.Contains(s.CourseId)), s => Assert.True(s.LastDay < bpl.PlannedSwitchDate));
        Assert.All(planned, s => Assert.All(s.Days, d => Assert.True(FrenchHolidays.IsTrainingDay(d.Date))));
        Assert.All(planned, s => Assert.InRange(s.Enrolments.Count, 1, s.Capacity));
        Assert.All(planned, s => Assert.Contains(s.SiteId, sessionSites));
    }

    [Fact]
    public async Task No_advisor_trains_more_than_three_days_a_week_nor_twice_a_day()
    {
        await using var db = fixture.App.CreateDbContext();
        var days = await db.Enrolments.Where(e => e.Status != EnrolmentStatus.Cancelled)
            .SelectMany(e => e.Session!.Days, (e, d) => new { e.AdvisorId, d.Date })
            .ToListAsync(TestContext.Current.CancellationToken);

        Assert.Equal(days.Count, days.Distinct().Count());
        Assert.True(days.GroupBy(d => (d.AdvisorId, LocalCalendar.MondayOf(d.Date))).Max(g => g.Count()) <= 3);
    }

    [Fact]
    public async Task Sessions_past_and_planned_with_partial_completion()
    {
        await using var db = fixture.App.CreateDbContext();
        var statuses = await db.Enrolments.GroupBy(e => e.Status).Select(g => g.Key).ToListAsync(TestContext.Current.CancellationToken);

        Assert.Contains(EnrolmentStatus.Completed, statuses);
        Assert.Contains(EnrolmentStatus.Planned, statuses);
        Assert.Contains(EnrolmentStatus.Failed, statuses);
        Assert.Contains(EnrolmentStatus.NoShow, statuses);
        Assert.Contains(EnrolmentStatus.Cancelled, statuses);
        Assert.True(await db.Enrolments.AnyAsync(e => e.Status == EnrolmentStatus.Completed && e.CompletedOn != null, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Shifts_run_from_the_monday_of_last_week_to_five_weeks_ahead_so_the_switch_week_of_BPL_is_planned()
    {
        await using var db = fixture.App.CreateDbContext();
        var ct = TestContext.Current.CancellationToken;
        var first = await db.Shifts.MinAsync(s => s.Date, ct);
        var last = await db.Shifts.MaxAsync(s => s.Date, ct);
        var bplSwitch = (await db.Regions.SingleAsync(r => r.Code == "BPL", ct)).PlannedSwitchDate;
        var switchWeekShifts = await db.Shifts.CountAsync(
            s => s.Date >= bplSwitch && s.Date < bplSwitch.AddDays(7) && s.Advisor!.Site!.Region!.Code == "BPL", ct);

        // The first day may be a public holiday (no in-house shifts then): the first shift is in last week.
        Assert.InRange(first.DayNumber, LocalCalendar.MondayOf(Today).AddDays(-7).DayNumber, LocalCalendar.MondayOf(Today).AddDays(-1).DayNumber);
        Assert.InRange(last.DayNumber, LocalCalendar.MondayOf(Today).AddDays(5 * 7).DayNumber, LocalCalendar.MondayOf(Today).AddDays(6 * 7 - 1).DayNumber);
        Assert.True(switchWeekShifts > 1000);
    }

    [Fact]
    public async Task Subcontractors_provide_capacity_only_in_evening_night_and_weekend_slots()
    {
        await using var db = fixture.App.CreateDbContext();
        var capacities = await db.SubcontractorCapacities.Include(c => c.Site).ToListAsync(TestContext.Current.CancellationToken);

        Assert.NotEmpty(capacities);
        Assert.All(capacities, c => Assert.NotEqual(SiteKind.InHouse, c.Site!.Kind));
        Assert.All(capacities, c => Assert.True(c.Agents > 0));
        Assert.All(capacities, c => Assert.True(
            c.From >= new TimeOnly(20, 0) || (c.Days & Portal.Domain.Subcontracting.Weekdays.MondayToFriday) == 0));
    }

    [Fact]
    public async Task The_voice_forecast_shares_80_million_calls_a_year_by_customers()
    {
        await using var db = fixture.App.CreateDbContext();
        var ct = TestContext.Current.CancellationToken;
        var voice = await db.Channels.Include(c => c.OpeningHours).SingleAsync(c => c.Code == "Voice", ct);
        var customers = await db.Regions.ToDictionaryAsync(r => r.Code, r => r.Customers, ct);
        var monday = LocalCalendar.MondayOf(Today);
        var week = await db.ForecastIntervals.Where(f => f.ChannelId == voice.Id && f.LocalDate >= monday && f.LocalDate < monday.AddDays(7))
            .GroupBy(f => f.Region!.Code).Select(g => new { g.Key, Contacts = g.Sum(f => f.Contacts) })
            .ToDictionaryAsync(g => g.Key, g => g.Contacts, ct);

        Assert.Equal(80_000_000, voice.AnnualNationalVolume);
        Assert.Equal(9, week.Count);
        // Each region's week holds its customer share of the days' national volume (intervals are stored rounded to 0.01).
        Assert.All(week, region =>
        {
            var share = customers[region.Key] / (double)customers.Values.Sum();
            var expected = Enumerable.Range(0, 7).Sum(d => ForecastGenerator.DayVolume(voice, share, monday.AddDays(d)));
            Assert.InRange(region.Value, expected - 2, expected + 2);
        });
    }

    [Fact]
    public async Task One_demo_login_per_role_bound_to_its_region_or_advisor()
    {
        await using var db = fixture.App.CreateDbContext();
        var ct = TestContext.Current.CancellationToken;
        var users = await db.Users.Include(u => u.Region).ToListAsync(ct);
        var roles = await db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name }).ToListAsync(ct);
        string RoleOf(string email) => roles.Single(r => r.UserId == users.Single(u => u.Email == email).Id).Name!;

        Assert.Equal("NationalAdmin", RoleOf(DemoAccounts.National));
        Assert.Equal("RegionalDirector", RoleOf(DemoAccounts.DirectorBpl));
        Assert.Equal("RegionalDirector", RoleOf(DemoAccounts.DirectorNc));
        Assert.Equal("HR", RoleOf(DemoAccounts.Hr));
        Assert.Equal("Advisor", RoleOf(DemoAccounts.AdvisorBpl));
        Assert.Equal("BPL", users.Single(u => u.Email == DemoAccounts.DirectorBpl).Region!.Code);
        Assert.Equal("NC", users.Single(u => u.Email == DemoAccounts.DirectorNc).Region!.Code);
        Assert.Null(users.Single(u => u.Email == DemoAccounts.National).RegionId);
    }

    [Fact]
    public async Task The_demo_advisor_is_in_BPL_with_shifts_and_a_training_day_in_the_coming_two_weeks()
    {
        await using var db = fixture.App.CreateDbContext();
        var ct = TestContext.Current.CancellationToken;
        var advisorId = (await db.Users.SingleAsync(u => u.Email == DemoAccounts.AdvisorBpl, ct)).AdvisorId!.Value;
        var advisor = await db.Advisors.Include(a => a.Site).ThenInclude(s => s!.Region).SingleAsync(a => a.Id == advisorId, ct);
        var horizon = Today.AddDays(14);
        var trainingDays = await db.Enrolments.Where(e => e.AdvisorId == advisorId && e.Status == EnrolmentStatus.Planned)
            .SelectMany(e => e.Session!.Days).Where(d => d.Date > Today && d.Date <= horizon).CountAsync(ct);

        Assert.Equal("BPL", advisor.Site!.Region!.Code);
        Assert.True(await db.Shifts.AnyAsync(s => s.AdvisorId == advisorId && s.Date > Today, ct));
        Assert.True(trainingDays > 0);
    }
}
