using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Access;
using Portal.Domain.Skills;
using Portal.Domain.Time;
using Portal.Services.Advisors;
using Portal.Services.Files;
using Portal.Testing;

namespace Portal.Integration.Tests.AdvisorImport;

/// <summary>A portal of its own, so the advisors these tests create and change never reach the counts of the shared demo.</summary>
public sealed class AdvisorImportDatabase : IAsyncLifetime
{
    public PortalAppFactory App { get; } = new();

    public ValueTask InitializeAsync()
    {
        App.Start();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}

public class AdvisorImportTests(AdvisorImportDatabase database) : IClassFixture<AdvisorImportDatabase>
{
    // A file written before the optional team column: it stays valid as it was.
    private const string Header = "employeeNumber;lastName;firstName;site;workingTimePercent;active;skills";
    private const int Bpl = 2;
    private static readonly Actor National = new("national@portal.demo", PortalRole.NationalAdmin);
    private static readonly Actor DirectorBpl = new("director.bpl@portal.demo", PortalRole.RegionalDirector, Bpl);

    private async Task<ImportResult> ImportAsync(string csv, Actor? actor = null)
    {
        using var scope = database.App.Services.CreateScope();
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        return await scope.ServiceProvider.GetRequiredService<AdvisorImportService>()
            .ImportAsync(actor ?? National, stream, TestContext.Current.CancellationToken);
    }

    private async Task<(int Count, string Text)> ExportAsync(Actor actor)
    {
        using var scope = database.App.Services.CreateScope();
        using var stream = new MemoryStream();
        var count = await scope.ServiceProvider.GetRequiredService<AdvisorExportService>().ExportAsync(actor, stream, TestContext.Current.CancellationToken);
        return (count, Encoding.UTF8.GetString(stream.ToArray()));
    }

    [Fact]
    public async Task A_valid_file_creates_two_advisors_updates_one_and_audits_each()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = database.App.CreateDbContext();
        var existing = await db.Advisors.AsNoTracking().Include(a => a.Skills).ThenInclude(s => s.Skill)
            .Where(a => a.Site!.RegionId == Bpl && a.Skills.Count >= 2 && a.Skills.Any(s => s.Level < ProficiencyLevel.Expert))
            .OrderBy(a => a.Id).Skip(3).FirstAsync(ct);
        // An import raises a level; lowering one needs a reason, given on the advisor's page.
        var changed = existing.Skills.Where(s => s.Level < ProficiencyLevel.Expert).OrderBy(s => s.SkillId).Last();
        var kept = existing.Skills.OrderBy(s => s.SkillId).First(s => s.SkillId != changed.SkillId);
        var newLevel = (int)changed.Level + 1;
        var auditsBefore = await db.AuditEntries.CountAsync(a => a.Entity == "Advisor", ct);
        var csv = $"{Header}\r\n" +
                  "X100001;Le Goff;Maëlle;Plateau Rennes;80;oui;BOX-VENTE:2,box-tech:3\r\n" +
                  "x100002;Tanguy;Erwan;Plateau Nantes;100;true;\r\n" +
                  $"{existing.EmployeeNumber};Renamed;Anne;Plateau Brest;50;non;{changed.Skill!.Code}:{newLevel}\r\n";

        var result = await ImportAsync(csv);

        Assert.True(result.Succeeded, string.Join(" | ", result.Errors.Select(e => e.Message)));
        Assert.Equal((2, 1, 0), (result.Counts.Created, result.Counts.Updated, result.Counts.Unchanged));
        var today = LocalCalendar.Paris.Today(TimeProvider.System);
        var created = await db.Advisors.AsNoTracking().Include(a => a.Site).Include(a => a.Skills).ThenInclude(s => s.Skill)
            .SingleAsync(a => a.EmployeeNumber == "X100001", ct);
        Assert.Equal(("Le Goff", "Maëlle", "Plateau Rennes", 80, true), (created.LastName, created.FirstName, created.Site!.Name, created.WorkingTimePercent, created.Active));
        Assert.Equal(["BOX-TECH:Confirmed", "BOX-VENTE:Certified"], created.Skills.Select(s => $"{s.Skill!.Code}:{s.Level}").Order());
        Assert.All(created.Skills, s => Assert.Equal((CertificationSource.Import, "national@portal.demo", today), (s.Source, s.SetBy, s.CertifiedOn)));
        Assert.Empty(await db.Advisors.Where(a => a.EmployeeNumber == "X100002").SelectMany(a => a.Skills).ToListAsync(ct));
        Assert.Equal("Tanguy", await db.Advisors.Where(a => a.EmployeeNumber == "X100002").Select(a => a.LastName).SingleAsync(ct));
        var updated = await db.Advisors.AsNoTracking().Include(a => a.Site).Include(a => a.Skills).SingleAsync(a => a.Id == existing.Id, ct);
        Assert.Equal(("Renamed", "Anne", "Plateau Brest", 50, false), (updated.LastName, updated.FirstName, updated.Site!.Name, updated.WorkingTimePercent, updated.Active));
        Assert.Equal(existing.Version + 1, updated.Version);
        var level = updated.Skills.Single(s => s.SkillId == changed.SkillId);
        Assert.Equal(((ProficiencyLevel)newLevel, CertificationSource.Import, today), (level.Level, level.Source, level.CertifiedOn));
        var untouched = updated.Skills.Single(s => s.SkillId == kept.SkillId);
        Assert.Equal((kept.Level, kept.Source, kept.CertifiedOn), (untouched.Level, untouched.Source, untouched.CertifiedOn));

        var audits = await db.AuditEntries.AsNoTracking().Where(a => a.Entity == "Advisor").OrderBy(a => a.Id).Skip(auditsBefore).ToListAsync(ct);
        Assert.Equal(["X100001", "X100002", existing.EmployeeNumber], audits.Select(a => a.EntityKey));
        Assert.All(audits, a => Assert.Equal((Bpl, "national@portal.demo", "Import"), (a.RegionId!.Value, a.UserName, a.Action)));
        Assert.Null(audits[0].Before);
        Assert.Contains("\"Skills\":\"BOX-TECH:3,BOX-VENTE:2\"", audits[0].After, StringComparison.Ordinal);
        Assert.Contains($"\"LastName\":\"{existing.LastName}\"", audits[2].Before, StringComparison.Ordinal);
        Assert.Contains("\"LastName\":\"Renamed\"", audits[2].After, StringComparison.Ordinal);
        Assert.Contains("\"Site\":\"Plateau Brest\"", audits[2].After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_exported_then_imported_again_changes_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = database.App.CreateDbContext();
        var (count, text) = await ExportAsync(National);
        var versions = await db.Advisors.SumAsync(a => a.Version, ct);
        var audits = await db.AuditEntries.CountAsync(ct);

        var result = await ImportAsync(text);

        Assert.True(result.Succeeded, string.Join(" | ", result.Errors.Select(e => e.Message)));
        Assert.Equal((0, 0, count), (result.Counts.Created, result.Counts.Updated, result.Counts.Unchanged));
        Assert.Equal(await db.Advisors.CountAsync(ct), count);
        Assert.Equal(versions, await db.Advisors.SumAsync(a => a.Version, ct));
        Assert.Equal(audits, await db.AuditEntries.CountAsync(ct));
        Assert.Equal(text, (await ExportAsync(National)).Text);
    }

    [Fact]
    public async Task The_export_lists_the_readable_regions_in_employee_number_order()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = database.App.CreateDbContext();

        var director = await ExportAsync(DirectorBpl);
        var hr = await ExportAsync(new Actor("hr@portal.demo", PortalRole.HR));
        var advisor = await ExportAsync(new Actor("advisor.bpl@portal.demo", PortalRole.Advisor, AdvisorId: 1));

        var lines = director.Text.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(AdvisorImportService.Format.Header, lines[0]);
        Assert.Equal(await db.Advisors.CountAsync(a => a.Site!.RegionId == Bpl, ct), director.Count);
        Assert.Equal(director.Count, lines.Length - 1);
        var numbers = lines.Skip(1).Select(l => l.Split(';')[0]).ToList();
        Assert.Equal(numbers.Order(StringComparer.Ordinal), numbers);
        Assert.Equal(await db.Advisors.CountAsync(ct), hr.Count);
        Assert.Equal(0, advisor.Count);
        Assert.Equal(AdvisorImportService.Format.Header, advisor.Text.TrimStart('\uFEFF').TrimEnd());
    }

    [Fact]
    public async Task A_director_imports_into_the_own_region()
    {
        var ct = TestContext.Current.CancellationToken;

        var result = await ImportAsync($"{Header}\nX200001;Cadiou;Nolwenn;Plateau Quimper;100;true;FACT:1\n", DirectorBpl);

        Assert.True(result.Succeeded, string.Join(" | ", result.Errors.Select(e => e.Message)));
        await using var db = database.App.CreateDbContext();
        var skill = await db.AdvisorSkills.Include(s => s.Skill).SingleAsync(s => s.AdvisorId == db.Advisors.Single(a => a.EmployeeNumber == "X200001").Id, ct);
        Assert.Equal(("FACT", ProficiencyLevel.Trainee, "director.bpl@portal.demo"), (skill.Skill!.Code, skill.Level, skill.SetBy));
    }

    [Fact]
    public async Task A_name_holding_a_semicolon_and_quotes_round_trips_through_export_and_import()
    {
        var ct = TestContext.Current.CancellationToken;
        var created = await ImportAsync($"{Header}\nX300001;\"Le Goff; \"\"Bzh\"\"\";\"Anne\nMarie\";Plateau Rennes;100;true;BOX-VENTE:2\n");
        Assert.True(created.Succeeded, string.Join(" | ", created.Errors.Select(e => e.Message)));
        await using var db = database.App.CreateDbContext();
        var advisor = await db.Advisors.AsNoTracking().SingleAsync(a => a.EmployeeNumber == "X300001", ct);
        Assert.Equal(("Le Goff; \"Bzh\"", "Anne\nMarie"), (advisor.LastName, advisor.FirstName));

        var (_, text) = await ExportAsync(DirectorBpl);
        var again = await ImportAsync(text, DirectorBpl);

        Assert.Contains("X300001;\"Le Goff; \"\"Bzh\"\"\";", text, StringComparison.Ordinal);
        Assert.True(again.Succeeded, string.Join(" | ", again.Errors.Select(e => e.Message)));
        Assert.Equal(0, again.Counts.Created + again.Counts.Updated);
        var after = await db.Advisors.AsNoTracking().SingleAsync(a => a.EmployeeNumber == "X300001", ct);
        Assert.Equal((advisor.LastName, advisor.FirstName, advisor.Version), (after.LastName, after.FirstName, after.Version));
    }

    [Fact]
    public async Task An_exported_name_that_starts_like_a_formula_is_neutralised_in_the_file_and_reads_back_unchanged()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = database.App.CreateDbContext();
        // A name stored before names were checked: the export must still never hand a spreadsheet a formula.
        var legacy = await db.Advisors.Where(a => a.Site!.RegionId == Bpl).OrderBy(a => a.Id).Skip(40).FirstAsync(ct);
        await db.Advisors.Where(a => a.Id == legacy.Id).ExecuteUpdateAsync(u => u.SetProperty(a => a.LastName, "=1+1").SetProperty(a => a.FirstName, "-Ana"), ct);
        try
        {
            await AssertTheExportNeutralisesAsync(legacy.EmployeeNumber, ct);
        }
        finally
        {
            // The other tests of this portal export and import every advisor: give the advisor a name the import accepts.
            await db.Advisors.Where(a => a.Id == legacy.Id).ExecuteUpdateAsync(u => u.SetProperty(a => a.LastName, legacy.LastName).SetProperty(a => a.FirstName, legacy.FirstName), ct);
        }
    }

    private async Task AssertTheExportNeutralisesAsync(string employeeNumber, CancellationToken ct)
    {
        var legacy = new { EmployeeNumber = employeeNumber };
        using var client = new PortalBrowserClient(database.App.BaseAddress);
        await client.LoginAsync(Portal.Services.Demo.DemoAccounts.DirectorBpl, Portal.Services.Demo.DemoAccounts.Password);
        using var response = await client.GetAsync("/advisors.csv");
        var body = await response.Content.ReadAsStringAsync(ct);

        var line = body.Split("\r\n").Single(l => l.StartsWith(legacy.EmployeeNumber + ";", StringComparison.Ordinal));
        Assert.StartsWith($"{legacy.EmployeeNumber};'=1+1;'-Ana;", line, StringComparison.Ordinal);
        var read = CsvTable.Read(Encoding.UTF8.GetBytes(body), AdvisorImportService.Format, 100_000).Rows.Single(r => r["employeeNumber"] == legacy.EmployeeNumber);
        Assert.Equal(("=1+1", "-Ana"), (read["lastName"], read["firstName"]));
    }

    [Fact]
    public async Task An_import_cannot_lower_a_level_without_the_reason_the_advisor_page_asks_for()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = database.App.CreateDbContext();
        var a = await db.Advisors.AsNoTracking().Include(x => x.Site).Include(x => x.Skills).ThenInclude(s => s.Skill)
            .Where(x => x.Site!.RegionId == Bpl && x.Skills.Any(s => s.Level >= ProficiencyLevel.Confirmed)).OrderBy(x => x.Id).FirstAsync(ct);
        var held = a.Skills.First(s => s.Level >= ProficiencyLevel.Confirmed);

        var result = await ImportAsync($"{Header}\n{a.EmployeeNumber};{a.LastName};{a.FirstName};{a.Site!.Name};{a.WorkingTimePercent};{a.Active};{held.Skill!.Code}:1\n");

        Assert.False(result.Succeeded);
        Assert.Contains("Baisser un niveau demande un motif", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
        Assert.Equal(held.Level, (await db.AdvisorSkills.AsNoTracking().SingleAsync(s => s.AdvisorId == a.Id && s.SkillId == held.SkillId, ct)).Level);
    }

    [Fact]
    public async Task A_file_larger_than_the_cap_is_refused_by_the_service_whoever_sends_it()
    {
        var limit = database.App.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ImportOptions>>().Value.MaxFileBytes;
        var csv = Header + "\n" + new string(' ', (int)limit);

        var result = await ImportAsync(csv);

        Assert.False(result.Succeeded);
        Assert.StartsWith("Le fichier dépasse", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_team_column_is_optional_a_file_with_it_sets_the_teams_one_without_it_keeps_them()
    {
        var ct = TestContext.Current.CancellationToken;
        var withTeam = $"{AdvisorImportService.Format.Header}\r\n" +
                       "X100301;Le Goff;Maëlle;Plateau Rennes;80;oui;;Équipe 21\r\n" +
                       "X100302;Tanguy;Erwan;Plateau Rennes;100;oui;; \r\n";

        var first = await ImportAsync(withTeam);
        var second = await ImportAsync($"{Header}\r\nX100301;Le Goff;Maëlle;Plateau Rennes;100;oui;\r\n");
        var tooLong = await ImportAsync($"{AdvisorImportService.Format.Header}\r\nX100303;Le Goff;Maëlle;Plateau Rennes;80;oui;;{new string('E', 41)}\r\n");

        Assert.True(first.Succeeded && second.Succeeded, string.Join(" | ", first.Errors.Concat(second.Errors).Select(e => e.Message)));
        await using var db = database.App.CreateDbContext();
        var teams = await db.Advisors.AsNoTracking().Where(a => a.EmployeeNumber.StartsWith("X1003"))
            .OrderBy(a => a.EmployeeNumber).Select(a => new { a.EmployeeNumber, a.Team, a.WorkingTimePercent }).ToListAsync(ct);
        Assert.Equal([("X100301", "Équipe 21", 100), ("X100302", (string?)null, 100)], teams.Select(a => (a.EmployeeNumber, a.Team, a.WorkingTimePercent)));
        Assert.False(tooLong.Succeeded);
        Assert.Contains("40 caractères", Assert.Single(tooLong.Errors).Message, StringComparison.Ordinal);
        var (_, exported) = await ExportAsync(National);
        Assert.StartsWith($"{AdvisorImportService.Format.Header}\r\n", exported.TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.EndsWith(";Équipe 21", exported.Split("\r\n").Single(l => l.StartsWith("X100301;", StringComparison.Ordinal)), StringComparison.Ordinal);
    }
}
