using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Cli;
using Portal.Domain.Access;
using Portal.Domain.Tests.Roster;
using Portal.Domain.Time;
using Portal.Services;
using Portal.Services.Audit;
using Portal.Services.Roster;

namespace Portal.Integration.Tests.Roster;

/// <summary>
/// Roster proposals on the running portal's database: a demo week checked by the independent checker, a far week (no
/// demo shift) proposed, accepted for one advisor and audited, and the command line's figures.
/// </summary>
[Collection(PortalCollection.Name)]
public class RosterServiceTests(PortalFixture fixture)
{
    private const int Bpl = 2;
    private static readonly Actor DirectorBpl = new("director.bpl@portal.demo", PortalRole.RegionalDirector, Bpl);

    private CancellationToken Cancel => TestContext.Current.CancellationToken;

    private RosterService Service() => fixture.App.Services.CreateScope().ServiceProvider.GetRequiredService<RosterService>();

    /// <summary>A week of its own, far past the demo's planned weeks and the other tests' weeks, without a public holiday.</summary>
    private DateOnly FarWeek(int offset)
    {
        var monday = LocalCalendar.MondayOf(fixture.Today).AddDays(7 * (70 + (3 * offset)));
        while (Enumerable.Range(0, 7).Any(d => FrenchHolidays.IsHoliday(monday.AddDays(d))))
        {
            monday = monday.AddDays(7);
        }
        return monday;
    }

    [Fact]
    public async Task A_demo_week_proposal_breaks_no_planning_rule_and_leaves_no_more_gap_than_the_plan()
    {
        var week = LocalCalendar.MondayOf(fixture.Today).AddDays(7);

        var proposal = await Service().ProposeAsync(DirectorBpl, new RosterQuery("BPL", week, ["Voice"], 3), null, Cancel);

        Assert.NotNull(proposal);
        Assert.Empty(RosterChecker.Violations(proposal.Request!, proposal.Draft));
        Assert.True(proposal.Draft.After.Uncovered <= proposal.Draft.Before.Uncovered);
        Assert.True(proposal.Draft.After.Uncovered >= proposal.Draft.LowerBound);
        Assert.NotEmpty(proposal.Draft.Shifts);
    }

    [Fact]
    public async Task Accepting_one_advisor_saves_only_that_advisor_s_shifts_audited_with_each_gap_beside_its_bound_and_accepting_again_is_refused_by_the_rules()
    {
        var monday = FarWeek(0);
        var service = Service();
        try
        {
            var proposal = await service.ProposeAsync(DirectorBpl, new RosterQuery("BPL", monday, ["Email"], 2), null, Cancel);
            Assert.NotNull(proposal);
            Assert.True(proposal.Draft.Before.Uncovered > proposal.Draft.After.Uncovered);
            Assert.Empty(RosterChecker.Violations(proposal.Request!, proposal.Draft));
            var first = proposal.Changes[0];
            // Bounds apart from each other and from the gaps, so that one recorded in another's place shows.
            var shown = proposal with { Draft = proposal.Draft with { LowerBound = 7.5, LowerBoundCore = 2.5 } };

            var saved = await service.ApplyAsync(DirectorBpl, shown, [first.AdvisorId], Cancel);
            var again = await service.ApplyAsync(DirectorBpl, proposal, [first.AdvisorId], Cancel);

            Assert.Equal(SaveOutcome.Saved, saved.Outcome);
            Assert.NotEmpty(again.Refusals);
            await using var db = fixture.App.CreateDbContext();
            var stored = await db.Shifts.Where(s => s.Date >= monday && s.Date <= monday.AddDays(6)).ToListAsync(Cancel);
            Assert.All(stored, s => Assert.Equal(first.AdvisorId, s.AdvisorId));
            Assert.Equal(first.Added.Select(s => (s.Date, s.Start, s.End)).Order(), stored.Select(s => (s.Date, s.Start, s.End)).Order());
            var audit = await db.AuditEntries.OrderByDescending(a => a.Id).FirstAsync(a => a.Entity == AuditEntities.Shift, Cancel);
            Assert.Equal((RosterService.AuditAction, DirectorBpl.UserName, (int?)Bpl), (audit.Action, audit.UserName, audit.RegionId));
            using var after = JsonDocument.Parse(audit.After!);
            double Recorded(string name) => after.RootElement.GetProperty(name).GetDouble();
            Assert.Equal((proposal.Draft.Before.Uncovered, proposal.Draft.After.Uncovered, 7.5),
                (Recorded("UncoveredBefore"), Recorded("UncoveredAfter"), Recorded("LowerBound")));
            Assert.Equal((proposal.Draft.Before.UncoveredCore, proposal.Draft.After.UncoveredCore, 2.5),
                (Recorded("UncoveredCoreBefore"), Recorded("UncoveredCoreAfter"), Recorded("LowerBoundCore")));
        }
        finally
        {
            await using var db = fixture.App.CreateDbContext();
            await db.Shifts.Where(s => s.Date >= monday && s.Date <= monday.AddDays(6)).ExecuteDeleteAsync(Cancel);
        }
    }

    [Fact]
    public async Task The_command_prints_the_figures_and_writes_the_draft_as_a_shift_file_without_saving_it()
    {
        var monday = FarWeek(1);
        var folder = Path.Combine(Path.GetTempPath(), "portal-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "roster.csv");
        using var output = new StringWriter();
        using var error = new StringWriter();
        try
        {
            var exit = await CliApp.RunAsync(["roster", "--region", "BPL", "--week", monday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                "--channel", "Email", "--seconds", "1", "--out", file, "--json", $"--ConnectionStrings:Portal=Data Source={fixture.App.DatabaseFile}"],
                output, error, input: new StringReader(""));

            Assert.True(exit == 0, error.ToString());
            using var json = JsonDocument.Parse(output.ToString());
            Assert.Equal(["region", "week", "uncoveredBefore", "uncoveredAfter", "overCoveredBefore", "overCoveredAfter", "lowerBound", "shifts", "seconds"],
                json.RootElement.EnumerateObject().Select(p => p.Name));
            Assert.Equal("BPL", json.RootElement.GetProperty("region").GetString());
            Assert.True(json.RootElement.GetProperty("uncoveredAfter").GetDouble() < json.RootElement.GetProperty("uncoveredBefore").GetDouble());
            var lines = await File.ReadAllLinesAsync(file, Cancel);
            Assert.Equal("employeeNumber;date;start;end;channel;breakStart;breakMinutes", lines[0].TrimStart('\uFEFF'));
            Assert.Equal(json.RootElement.GetProperty("shifts").GetInt32(), lines.Length - 1);
            await using var db = fixture.App.CreateDbContext();
            Assert.False(await db.Shifts.AnyAsync(s => s.Date >= monday && s.Date <= monday.AddDays(6), Cancel));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
