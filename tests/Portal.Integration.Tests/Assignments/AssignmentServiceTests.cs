using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Access;
using Portal.Domain.Advisors;
using Portal.Domain.Assignments;
using Portal.Domain.Time;
using Portal.Domain.Training;
using Portal.Services;
using Portal.Services.Assignments;
using Portal.Services.Audit;
using Portal.Services.Coverage;
using Portal.Services.Files;

namespace Portal.Integration.Tests.Assignments;

/// <summary>
/// The planner's service on the running portal's database. Each test works in a week of its own, months past the
/// demo's planned weeks, so no other test sees its shifts, and removes what it saved.
/// </summary>
[Collection(PortalCollection.Name)]
public class AssignmentServiceTests(PortalFixture fixture)
{
    private const int Bpl = 2;
    private const int Voice = 1;
    private static readonly Actor DirectorBpl = new("director.bpl@portal.demo", PortalRole.RegionalDirector, Bpl);
    private static readonly Actor DirectorNc = new("director.nc@portal.demo", PortalRole.RegionalDirector, 1);
    private static readonly Actor Hr = new("hr@portal.demo", PortalRole.HR);

    private CancellationToken Cancel => TestContext.Current.CancellationToken;

    private T Service<T>() where T : notnull => fixture.App.Services.CreateScope().ServiceProvider.GetRequiredService<T>();

    /// <summary>
    /// A Monday of its own per test: weeks 20 and later after today hold no demo shift, session or absence. Three weeks
    /// apart, then moved to the first week without a public holiday (Sunday's opening hours apply on one).
    /// </summary>
    private DateOnly Week(int offset)
    {
        var monday = LocalCalendar.MondayOf(fixture.Today).AddDays(7 * (20 + (3 * offset)));
        while (Enumerable.Range(0, 7).Any(d => FrenchHolidays.IsHoliday(monday.AddDays(d))))
        {
            monday = monday.AddDays(7);
        }
        return monday;
    }

    /// <summary>BPL advisors certified for voice and never in training in the week.</summary>
    private async Task<List<Advisor>> VoiceAdvisorsAsync(DateOnly monday, int count)
    {
        await using var db = fixture.App.CreateDbContext();
        var skills = await db.ChannelSkills.Where(c => c.ChannelId == Voice).Select(c => c.SkillId).ToListAsync(Cancel);
        var training = db.Enrolments.Where(Enrolment.InTraining).Where(e => e.Session!.Days.Any(d => d.Date >= monday && d.Date <= monday.AddDays(6)));
        return await db.Advisors.Where(Advisor.ActiveInHouse).Where(a => a.Site!.RegionId == Bpl && a.WorkingTimePercent == 100)
            .Where(a => a.Skills.Count(s => skills.Contains(s.SkillId) && s.Level >= Domain.Skills.ProficiencyLevel.Certified) == skills.Count)
            .Where(a => !training.Any(e => e.AdvisorId == a.Id))
            .OrderBy(a => a.Id).Take(count).ToListAsync(Cancel);
    }

    private async Task<int> ShiftCountAsync(DateOnly monday)
    {
        await using var db = fixture.App.CreateDbContext();
        return await db.Shifts.CountAsync(s => s.Date >= monday && s.Date <= monday.AddDays(6), Cancel);
    }

    private async Task CleanAsync(DateOnly monday)
    {
        await using var db = fixture.App.CreateDbContext();
        await db.Shifts.Where(s => s.Date >= monday && s.Date <= monday.AddDays(13)).ExecuteDeleteAsync(Cancel);
        await db.PublishedWeeks.Where(w => w.Monday >= monday && w.Monday <= monday.AddDays(7)).ExecuteDeleteAsync(Cancel);
    }

    private static ShiftForm Form(Advisor advisor, DateOnly date, int start = 9, int end = 17) => new()
    {
        AdvisorId = advisor.Id, ChannelId = Voice, Date = date, Start = new TimeOnly(start, 0), End = new TimeOnly(end, 0),
        BreakStart = new TimeOnly(start + 3, 0), BreakMinutes = 60,
    };

    [Fact]
    public async Task A_director_plans_a_shift_in_the_own_region_sees_it_in_the_planner_and_the_change_is_audited()
    {
        var monday = Week(0);
        var advisor = (await VoiceAdvisorsAsync(monday, 1)).Single();
        try
        {
            var result = await Service<AssignmentService>().SaveAsync(DirectorBpl, Form(advisor, monday.AddDays(1)), Cancel);

            Assert.Equal(SaveOutcome.Saved, result.Outcome);
            Assert.Equal([monday.AddDays(1)], result.ChangedDays);
            var week = await Service<AssignmentService>().GetWeekAsync(DirectorBpl, "BPL", monday.AddDays(3), new PlannerFilter(Search: advisor.EmployeeNumber), cancellationToken: Cancel);
            var row = Assert.Single(week!.Rows);
            var shift = Assert.Single(row.Days[1].Shifts);
            Assert.Equal((new TimeOnly(9, 0), new TimeOnly(17, 0), "Voice", 60), (shift.Start, shift.End, shift.Channel, shift.BreakMinutes));
            Assert.Equal(7, row.PlannedHours);
            Assert.False(week.Published);
            await using var db = fixture.App.CreateDbContext();
            var audit = await db.AuditEntries.OrderByDescending(a => a.Id).FirstAsync(a => a.Entity == AuditEntities.Shift, Cancel);
            Assert.Equal(("Create", DirectorBpl.UserName, (int?)Bpl), (audit.Action, audit.UserName, audit.RegionId));
        }
        finally
        {
            await CleanAsync(monday);
        }
    }

    [Fact]
    public async Task The_grid_reads_the_same_rows_as_the_week_and_the_header_counts_them_without_reading_any()
    {
        var monday = Week(10);
        var advisor = (await VoiceAdvisorsAsync(monday, 1)).Single();
        try
        {
            Assert.Equal(SaveOutcome.Saved, (await Service<AssignmentService>().SaveAsync(DirectorBpl, Form(advisor, monday.AddDays(2)), Cancel)).Outcome);
            var filter = new PlannerFilter(Search: advisor.EmployeeNumber);

            var rows = (await Service<AssignmentService>().GetRowsAsync(DirectorBpl, "BPL", monday.AddDays(4), filter, 0, 20, Cancel))!;
            var week = (await Service<AssignmentService>().GetWeekAsync(DirectorBpl, "BPL", monday, filter, 0, 20, Cancel))!;
            var header = (await Service<AssignmentService>().GetWeekAsync(DirectorBpl, "BPL", monday, filter, 0, 0, Cancel))!;

            var row = Assert.Single(rows.Rows);
            Assert.Equal(advisor.EmployeeNumber, row.EmployeeNumber);
            Assert.Equal(new TimeOnly(9, 0), Assert.Single(row.Days[2].Shifts).Start);
            Assert.Equal(week.Rows.Select(r => (r.EmployeeNumber, r.PlannedHours)), rows.Rows.Select(r => (r.EmployeeNumber, r.PlannedHours)));
            Assert.Equal((1, 1), (rows.TotalRows, header.TotalRows));
            Assert.Empty(header.Rows);
            Assert.Null(await Service<AssignmentService>().GetRowsAsync(DirectorNc, "BPL", monday, filter, 0, 20, Cancel));
            Assert.Null(await Service<AssignmentService>().GetRowsAsync(Hr, "BPL", monday, filter, 0, 20, Cancel));
        }
        finally
        {
            await CleanAsync(monday);
        }
    }

    [Fact]
    public async Task Another_regions_director_and_hr_can_neither_see_nor_plan_the_region()
    {
        var monday = Week(1);
        var advisor = (await VoiceAdvisorsAsync(monday, 1)).Single();

        var nc = await Service<AssignmentService>().SaveAsync(DirectorNc, Form(advisor, monday), Cancel);
        var hr = await Service<AssignmentService>().SaveAsync(Hr, Form(advisor, monday), Cancel);

        Assert.Equal(SaveOutcome.NotFound, nc.Outcome);
        Assert.Equal(SaveOutcome.NotFound, hr.Outcome);
        Assert.Null(await Service<AssignmentService>().GetWeekAsync(DirectorNc, "BPL", monday, cancellationToken: Cancel));
        Assert.Null(await Service<AssignmentService>().GetWeekAsync(Hr, "BPL", monday, cancellationToken: Cancel));
        Assert.Equal(SaveOutcome.NotFound, (await Service<AssignmentService>().PublishAsync(DirectorNc, "BPL", monday, Cancel)).Outcome);
        Assert.Equal(0, await ShiftCountAsync(monday));
    }

    [Fact]
    public async Task A_shift_breaking_a_rule_is_refused_with_the_rule_and_the_advisor_and_nothing_is_saved()
    {
        var monday = Week(2);
        var advisor = (await VoiceAdvisorsAsync(monday, 1)).Single();
        try
        {
            Assert.Equal(SaveOutcome.Saved, (await Service<AssignmentService>().SaveAsync(DirectorBpl, Form(advisor, monday, 14, 22), Cancel)).Outcome);

            // The next morning at 8:00: ten hours after the 22:00 end. And on Sunday from 6:00, before voice opens.
            var rest = await Service<AssignmentService>().SaveAsync(DirectorBpl, Form(advisor, monday.AddDays(1), 8, 16), Cancel);
            var sunday = await Service<AssignmentService>().SaveAsync(DirectorBpl, Form(advisor, monday.AddDays(6), 6, 14), Cancel);

            Assert.Equal(SaveOutcome.Invalid, rest.Outcome);
            var refusal = Assert.Single(rest.Refusals);
            Assert.Equal((PlanningRule.Rest, advisor.EmployeeNumber), (refusal.Rule, refusal.EmployeeNumber));
            Assert.Contains(advisor.LastName, Assert.Single(rest.Messages), StringComparison.Ordinal);
            Assert.Contains(sunday.Refusals, r => r.Rule == PlanningRule.OpeningHours);
            Assert.Equal(1, await ShiftCountAsync(monday));
        }
        finally
        {
            await CleanAsync(monday);
        }
    }

    [Fact]
    public async Task Moving_and_deleting_a_shift_use_the_version_seen_and_a_stale_one_is_a_conflict()
    {
        var monday = Week(3);
        var advisor = (await VoiceAdvisorsAsync(monday, 1)).Single();
        try
        {
            await Service<AssignmentService>().SaveAsync(DirectorBpl, Form(advisor, monday), Cancel);
            await using var db = fixture.App.CreateDbContext();
            var stored = await db.Shifts.SingleAsync(s => s.AdvisorId == advisor.Id && s.Date == monday, Cancel);
            var move = Form(advisor, monday.AddDays(2), 10, 18);
            move.Id = stored.Id;
            move.Version = stored.Version;

            var moved = await Service<AssignmentService>().SaveAsync(DirectorBpl, move, Cancel);
            var stale = await Service<AssignmentService>().DeleteAsync(DirectorBpl, stored.Id, stored.Version, Cancel);
            var copied = await Service<AssignmentService>().CopyAsync(DirectorBpl, stored.Id, monday.AddDays(3), Cancel);

            Assert.Equal(SaveOutcome.Saved, moved.Outcome);
            Assert.Equal([monday, monday.AddDays(2)], moved.ChangedDays);
            Assert.Equal(SaveOutcome.Conflict, stale.Outcome);
            Assert.Equal(SaveOutcome.Saved, copied.Outcome);
            var shifts = await db.Shifts.AsNoTracking().Where(s => s.AdvisorId == advisor.Id && s.Date >= monday && s.Date <= monday.AddDays(6))
                .OrderBy(s => s.Date).Select(s => new { s.Date, s.Start }).ToListAsync(Cancel);
            Assert.Equal([(monday.AddDays(2), new TimeOnly(10, 0)), (monday.AddDays(3), new TimeOnly(10, 0))], shifts.Select(s => (s.Date, s.Start)));
        }
        finally
        {
            await CleanAsync(monday);
        }
    }

    [Fact]
    public async Task A_second_move_from_the_same_version_is_a_conflict_and_the_first_move_stays()
    {
        var monday = Week(9);
        var advisor = (await VoiceAdvisorsAsync(monday, 1)).Single();
        try
        {
            await Service<AssignmentService>().SaveAsync(DirectorBpl, Form(advisor, monday), Cancel);
            await using var db = fixture.App.CreateDbContext();
            var stored = await db.Shifts.AsNoTracking().SingleAsync(s => s.AdvisorId == advisor.Id && s.Date == monday, Cancel);
            // Two directors opened the planner on the same shift; each moves it to other hours.
            var first = Form(advisor, monday, 10, 18);
            first.Id = stored.Id;
            first.Version = stored.Version;
            var second = Form(advisor, monday, 8, 16);
            second.Id = stored.Id;
            second.Version = stored.Version;

            var saved = await Service<AssignmentService>().SaveAsync(DirectorBpl, first, Cancel);
            var late = await Service<AssignmentService>().SaveAsync(DirectorBpl, second, Cancel);

            Assert.Equal(SaveOutcome.Saved, saved.Outcome);
            Assert.Equal(SaveOutcome.Conflict, late.Outcome);
            var now = await db.Shifts.AsNoTracking().SingleAsync(s => s.Id == stored.Id, Cancel);
            Assert.Equal(new TimeOnly(10, 0), now.Start);
            Assert.Equal(stored.Version + 1, now.Version);
        }
        finally
        {
            await CleanAsync(monday);
        }
    }

    [Fact]
    public async Task A_bulk_pattern_with_one_refusal_changes_nothing_and_lists_the_refusal()
    {
        var monday = Week(4);
        var advisors = await VoiceAdvisorsAsync(monday, 3);
        try
        {
            // The third advisor already works Wednesday evening: the pattern's Thursday morning leaves too little rest.
            await Service<AssignmentService>().SaveAsync(DirectorBpl, Form(advisors[2], monday.AddDays(2), 14, 22), Cancel);
            var before = await ShiftCountAsync(monday);
            var days = new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Thursday }
                .Select(d => new PatternDay(d, new TimeOnly(8, 0), new TimeOnly(15, 30), new TimeOnly(12, 0), 30)).ToList();

            var result = await Service<AssignmentService>().ApplyPatternAsync(DirectorBpl, new PatternForm(advisors.Select(a => a.Id).ToList(), monday, Voice, days), Cancel);

            Assert.Equal(SaveOutcome.Invalid, result.Outcome);
            var refusal = result.Refusals.Count == 1 ? result.Refusals[0] : throw new Xunit.Sdk.XunitException(string.Join(" | ", result.Messages));
            Assert.Equal((PlanningRule.Rest, advisors[2].Id, monday.AddDays(3)), (refusal.Rule, refusal.AdvisorId, refusal.Date));
            Assert.Equal(before, await ShiftCountAsync(monday));

            var fine = await Service<AssignmentService>().ApplyPatternAsync(DirectorBpl, new PatternForm(advisors.Take(2).Select(a => a.Id).ToList(), monday, Voice, days), Cancel);
            Assert.Equal(SaveOutcome.Saved, fine.Outcome);
            Assert.Equal(before + 6, await ShiftCountAsync(monday));
        }
        finally
        {
            await CleanAsync(monday);
        }
    }

    [Fact]
    public async Task Copying_a_week_to_the_next_copies_every_shift_or_none()
    {
        var monday = Week(5);
        var advisor = (await VoiceAdvisorsAsync(monday, 1)).Single();
        try
        {
            await Service<AssignmentService>().SaveAsync(DirectorBpl, Form(advisor, monday), Cancel);
            await Service<AssignmentService>().SaveAsync(DirectorBpl, Form(advisor, monday.AddDays(1)), Cancel);

            var result = await Service<AssignmentService>().CopyWeekAsync(DirectorBpl, "BPL", monday, Cancel);

            Assert.Equal(SaveOutcome.Saved, result.Outcome);
            Assert.Equal(2, await ShiftCountAsync(monday.AddDays(7)));
            // Again: every copy now overlaps the first copies.
            var again = await Service<AssignmentService>().CopyWeekAsync(DirectorBpl, "BPL", monday, Cancel);
            Assert.Equal(2, again.Refusals.Count(r => r.Rule == PlanningRule.Overlap));
            Assert.Equal(2, await ShiftCountAsync(monday.AddDays(7)));
        }
        finally
        {
            await CleanAsync(monday);
        }
    }

    [Fact]
    public async Task Publishing_a_week_is_audited_and_a_change_in_it_afterwards_is_marked_for_the_advisor()
    {
        var monday = Week(6);
        var advisor = (await VoiceAdvisorsAsync(monday, 1)).Single();
        try
        {
            await Service<AssignmentService>().SaveAsync(DirectorBpl, Form(advisor, monday), Cancel);

            var published = await Service<AssignmentService>().PublishAsync(DirectorBpl, "BPL", monday.AddDays(4), Cancel);
            await Service<AssignmentService>().SaveAsync(DirectorBpl, Form(advisor, monday.AddDays(1)), Cancel);

            Assert.Equal(SaveOutcome.Saved, published.Outcome);
            await using var db = fixture.App.CreateDbContext();
            Assert.True(await db.PublishedWeeks.AnyAsync(w => w.RegionId == Bpl && w.Monday == monday, Cancel));
            var audit = await db.AuditEntries.OrderByDescending(a => a.Id).FirstAsync(a => a.Entity == AuditEntities.PublishedWeek, Cancel);
            Assert.Equal(("Publish", DirectorBpl.UserName), (audit.Action, audit.UserName));
            Assert.Contains("\"Shifts\":1", audit.After, StringComparison.Ordinal);
            var marks = await db.Shifts.Where(s => s.AdvisorId == advisor.Id && s.Date >= monday && s.Date <= monday.AddDays(6))
                .OrderBy(s => s.Date).Select(s => s.ChangedAtUtc).ToListAsync(Cancel);
            Assert.Null(marks[0]);
            Assert.NotNull(marks[1]);
            Assert.True((await Service<AssignmentService>().GetWeekAsync(DirectorBpl, "BPL", monday, cancellationToken: Cancel))!.Published);
        }
        finally
        {
            await CleanAsync(monday);
        }
    }

    private async Task<ImportResult> ImportAsync(string csv, Actor? actor = null)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        return await Service<ShiftFileService>().ImportAsync(actor ?? DirectorBpl, stream, Cancel);
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_shift_import_with_one_bad_row_changes_nothing_and_names_the_row()
    {
        var monday = Week(7);
        var advisors = await VoiceAdvisorsAsync(monday, 2);
        const string header = "employeeNumber;date;start;end;channel;breakStart;breakMinutes";
        try
        {
            var rule = await ImportAsync($"{header}\n{advisors[0].EmployeeNumber};{Day(monday)};09:00;17:00;Voice;12:00;60\n"
                + $"{advisors[1].EmployeeNumber};{Day(monday)};09:00;17:00;Voice;;\n"
                + $"{advisors[1].EmployeeNumber};{Day(monday.AddDays(6))};06:00;14:00;Voice;;\n");
            var parse = await ImportAsync($"{header}\n{advisors[0].EmployeeNumber};{Day(monday)};09:00;17:00;Voice;12:00;60\n"
                + $"{advisors[1].EmployeeNumber};{Day(monday)};09:15;17:00;Voice;;\n");

            Assert.False(rule.Succeeded);
            var error = Assert.Single(rule.Errors);
            Assert.StartsWith("Ligne 4", error.Message, StringComparison.Ordinal);
            Assert.Contains(advisors[1].EmployeeNumber, error.Message, StringComparison.Ordinal);
            Assert.Contains("heures d'ouverture", error.Message, StringComparison.Ordinal);
            Assert.False(parse.Succeeded);
            Assert.StartsWith("Ligne 3", Assert.Single(parse.Errors).Message, StringComparison.Ordinal);
            Assert.Equal(0, await ShiftCountAsync(monday));
        }
        finally
        {
            await CleanAsync(monday);
        }
    }

    [Fact]
    public async Task A_shift_import_replaces_the_listed_advisors_days_and_the_export_reads_back_the_same_file()
    {
        var monday = Week(8);
        var advisor = (await VoiceAdvisorsAsync(monday, 1)).Single();
        const string header = "employeeNumber;date;start;end;channel;breakStart;breakMinutes";
        try
        {
            await Service<AssignmentService>().SaveAsync(DirectorBpl, Form(advisor, monday), Cancel);
            await Service<AssignmentService>().SaveAsync(DirectorBpl, Form(advisor, monday.AddDays(1)), Cancel);
            var file = $"{header}\r\n{advisor.EmployeeNumber};{Day(monday)};13:00;21:00;Voice;17:00;30\r\n";

            var result = await ImportAsync(file);

            Assert.True(result.Succeeded, string.Join(" | ", result.Errors.Select(e => e.Message)));
            Assert.Equal((1, 1, 1), (result.Counts.Rows, result.Counts.Created, result.Counts.Replaced));
            using var output = new MemoryStream();
            var count = await Service<ShiftFileService>().ExportAsync(DirectorBpl, "BPL", monday, output, Cancel);
            var exported = Encoding.UTF8.GetString(output.ToArray()).TrimStart('\uFEFF');
            var lines = exported.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(2, count);
            Assert.Equal(header, lines[0]);
            Assert.Contains($"{advisor.EmployeeNumber};{Day(monday)};13:00;21:00;Voice;17:00;30", lines);
            Assert.Contains($"{advisor.EmployeeNumber};{Day(monday.AddDays(1))};09:00;17:00;Voice;12:00;60", lines);
            Assert.Null(await Service<ShiftFileService>().ExportAsync(DirectorNc, "BPL", monday, new MemoryStream(), Cancel));
            Assert.False((await ImportAsync(file, Hr)).Succeeded);
        }
        finally
        {
            await CleanAsync(monday);
        }
    }

    [Fact]
    public async Task The_planner_filters_by_a_team_of_a_site_and_offers_each_team_of_the_region_once()
    {
        var monday = Week(0);
        await using var db = fixture.App.CreateDbContext();
        var team = await db.Advisors.Where(Advisor.ActiveInHouse).Where(a => a.Site!.RegionId == Bpl && a.Team != null)
            .OrderBy(a => a.Id).Select(a => new { a.SiteId, Team = a.Team! }).FirstAsync(Cancel);
        var members = await db.Advisors.Where(Advisor.ActiveInHouse).Where(a => a.SiteId == team.SiteId && a.Team == team.Team)
            .Select(a => a.EmployeeNumber).ToListAsync(Cancel);

        var week = (await Service<AssignmentService>().GetWeekAsync(DirectorBpl, "BPL", monday, new PlannerFilter(team.SiteId, Team: team.Team), 0, 100, Cancel))!;

        Assert.Equal(members.Count, week.TotalRows);
        Assert.Equal(members.Order(), week.Rows.Select(r => r.EmployeeNumber).Order());
        Assert.All(week.Rows, r => Assert.Equal(team.Team, r.Team));
        Assert.InRange(week.TotalRows, 1, 18);
        Assert.Single(week.Teams, t => t.SiteId == team.SiteId && t.Team == team.Team);
        Assert.Equal(week.Teams.Count, week.Teams.Distinct().Count());
        // Team names repeat from site to site: without the site, the same name takes every site's team of that name.
        var everySite = (await Service<AssignmentService>().GetWeekAsync(DirectorBpl, "BPL", monday, new PlannerFilter(Team: team.Team), 0, 0, Cancel))!;
        Assert.Equal(await db.Advisors.Where(Advisor.ActiveInHouse).CountAsync(a => a.Site!.RegionId == Bpl && a.Team == team.Team, Cancel), everySite.TotalRows);
        Assert.True(everySite.TotalRows > week.TotalRows);
    }

    [Fact]
    public async Task A_pattern_for_a_team_with_one_refusal_saves_nothing_then_the_rest_of_the_team_is_planned()
    {
        var monday = Week(9);
        var (siteId, team, advisors) = await TemporaryTeamAsync(monday, 3);
        try
        {
            // One member already works Wednesday evening: the pattern's Thursday morning leaves too little rest.
            await Service<AssignmentService>().SaveAsync(DirectorBpl, Form(advisors[1], monday.AddDays(2), 14, 22), Cancel);
            var before = await ShiftCountAsync(monday);
            var days = new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Thursday }
                .Select(d => new PatternDay(d, new TimeOnly(8, 0), new TimeOnly(15, 30), new TimeOnly(12, 0), 30)).ToList();
            var members = (await Service<AssignmentService>().GetWeekAsync(DirectorBpl, "BPL", monday, new PlannerFilter(siteId, Team: team), 0, 100, Cancel))!.Rows;
            Assert.Equal(advisors.Select(a => a.Id).Order(), members.Select(m => m.AdvisorId).Order());

            var refused = await Service<AssignmentService>().ApplyPatternAsync(DirectorBpl, new PatternForm(members.Select(m => m.AdvisorId).ToList(), monday, Voice, days), Cancel);

            Assert.Equal(SaveOutcome.Invalid, refused.Outcome);
            var refusal = Assert.Single(refused.Refusals);
            Assert.Equal((PlanningRule.Rest, advisors[1].Id, monday.AddDays(3)), (refusal.Rule, refusal.AdvisorId, refusal.Date));
            Assert.Contains(advisors[1].EmployeeNumber, Assert.Single(refused.Messages), StringComparison.Ordinal);
            Assert.Equal(before, await ShiftCountAsync(monday));

            var rest = members.Where(m => m.AdvisorId != advisors[1].Id).Select(m => m.AdvisorId).ToList();
            var shown = (await Service<CoverageService>().GetWeekAsync(DirectorBpl, "BPL", monday, "Voice", Cancel))!;
            var saved = await Service<AssignmentService>().ApplyPatternAsync(DirectorBpl, new PatternForm(rest, monday, Voice, days), Cancel);

            Assert.Equal(SaveOutcome.Saved, saved.Outcome);
            Assert.Equal([monday, monday.AddDays(1), monday.AddDays(3)], saved.ChangedDays);
            Assert.Equal(before + (3 * rest.Count), await ShiftCountAsync(monday));
            // The planner counts only the changed days again: the same as the whole week read again.
            var refreshed = (await Service<CoverageService>().RefreshDaysAsync(DirectorBpl, shown, saved.ChangedDays, Cancel))!;
            var reread = (await Service<CoverageService>().GetWeekAsync(DirectorBpl, "BPL", monday, "Voice", Cancel))!;
            Assert.Equal(reread.Days.Select(d => (d.Date, d.RequiredStaffHours, d.SuppliedStaffHours)), refreshed.Days.Select(d => (d.Date, d.RequiredStaffHours, d.SuppliedStaffHours)));
            Assert.True(refreshed.Days[0].SuppliedStaffHours > shown.Days[0].SuppliedStaffHours);
        }
        finally
        {
            await CleanAsync(monday);
            await RestoreTeamsAsync(advisors);
        }
    }

    /// <summary>
    /// A team of its own at one BPL site: advisors certified for voice and free in the week, moved into a team no demo
    /// advisor has; <see cref="RestoreTeamsAsync"/> gives them their team back.
    /// </summary>
    private async Task<(int SiteId, string Team, List<Advisor> Advisors)> TemporaryTeamAsync(DateOnly monday, int count)
    {
        var site = (await VoiceAdvisorsAsync(monday, 400)).GroupBy(a => a.SiteId).First(g => g.Count() >= count);
        var advisors = site.Take(count).ToList();
        const string team = "Équipe de test";
        await using var db = fixture.App.CreateDbContext();
        var ids = advisors.Select(a => a.Id).ToList();
        await db.Advisors.Where(a => ids.Contains(a.Id)).ExecuteUpdateAsync(u => u.SetProperty(a => a.Team, team), Cancel);
        return (site.Key, team, advisors);
    }

    private async Task RestoreTeamsAsync(List<Advisor> advisors)
    {
        await using var db = fixture.App.CreateDbContext();
        foreach (var advisor in advisors)
        {
            await db.Advisors.Where(a => a.Id == advisor.Id).ExecuteUpdateAsync(u => u.SetProperty(a => a.Team, advisor.Team), Cancel);
        }
    }
}
