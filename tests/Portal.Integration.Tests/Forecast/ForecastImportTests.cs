using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Access;
using Portal.Domain.Forecast;
using Portal.Services.Files;
using Portal.Services.Forecast;

namespace Portal.Integration.Tests.Forecast;

/// <summary>Forecast import on the running portal's database, on days of SUD and BPL that no other test reads.</summary>
[Collection(PortalCollection.Name)]
public class ForecastImportTests(PortalFixture fixture)
{
    private const string Header = "region;channel;start;contacts;aht";
    private static readonly Actor National = new("national@portal.demo", PortalRole.NationalAdmin);

    private async Task<ImportResult> ImportAsync(string csv, Actor? actor = null, Encoding? encoding = null, string? onlyRegion = null)
    {
        using var scope = fixture.App.Services.CreateScope();
        using var stream = new MemoryStream((encoding ?? Encoding.UTF8).GetBytes(csv));
        return await scope.ServiceProvider.GetRequiredService<ForecastImportService>()
            .ImportAsync(actor ?? National, stream, onlyRegion, TestContext.Current.CancellationToken);
    }

    private async Task<List<ForecastInterval>> StoredAsync(string region, DateOnly day)
    {
        await using var db = fixture.App.CreateDbContext();
        return await db.ForecastIntervals.Where(f => f.Region!.Code == region && f.Channel!.Code == "Voice" && f.LocalDate == day)
            .OrderBy(f => f.StartUtc).ToListAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_valid_file_replaces_the_days_it_covers_and_leaves_out_intervals_at_zero()
    {
        var day = new DateOnly(2027, 3, 1);
        var result = await ImportAsync($"{Header}\nSUD;Voice;2027-03-01 08:00;120;300\nSUD;Voice;2027-03-01 08:30;140,5;300\r\nsud;voice;2027-03-01T09:00;160;300\n");

        Assert.True(result.Succeeded, string.Join(" | ", result.Errors.Select(e => e.Message)));
        Assert.Equal(3, result.Counts.Rows);
        Assert.Equal(1, result.Counts.Replaced);
        var stored = await StoredAsync("SUD", day);
        Assert.Equal(48, stored.Count);
        Assert.All(stored, f => Assert.Equal(ForecastSource.Imported, f.Source));
        Assert.Equal(420.5, stored.Sum(f => f.Contacts));
        Assert.Equal(140.5, stored.Single(f => f.StartUtc == new DateTime(2027, 3, 1, 7, 30, 0)).Contacts);
    }

    [Fact]
    public async Task Importing_the_same_day_again_replaces_it_and_each_import_is_audited()
    {
        var day = new DateOnly(2027, 3, 2);
        await ImportAsync($"{Header}\nSUD;Voice;2027-03-02 10:00;50;300\n");

        var second = await ImportAsync($"{Header}\nSUD;Voice;2027-03-02 11:00;70;300\n");

        Assert.True(second.Succeeded);
        var stored = await StoredAsync("SUD", day);
        Assert.Equal(48, stored.Count);
        Assert.Equal(70, stored.Sum(f => f.Contacts));
        await using var db = fixture.App.CreateDbContext();
        Assert.True(await db.AuditEntries.CountAsync(a => a.Entity == "Forecast" && a.EntityKey == "SUD/Voice" && a.Action == "Import", TestContext.Current.CancellationToken) >= 2);
    }

    [Fact]
    public async Task One_bad_row_leaves_the_stored_forecast_as_it_was_and_names_the_row()
    {
        var day = new DateOnly(2027, 3, 3);
        await ImportAsync($"{Header}\nSUD;Voice;2027-03-03 10:00;50;300\n");

        var result = await ImportAsync($"{Header}\nSUD;Voice;2027-03-03 10:00;999;300\nSUD;Voice;2027-03-03 10:30;-4;300\nSUD;Voice;2027-03-03 11:00;999;300\n");

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Equal(3, error.Row);
        Assert.Equal("Ligne 3\u00a0: nombre de contacts «\u00a0-4\u00a0» invalide (de 0 à 100000 par demi-heure).", error.Message);
        Assert.Equal(50, (await StoredAsync("SUD", day)).Sum(f => f.Contacts));
    }

    public static TheoryData<string, int, string> BadFiles => new()
    {
        { "", 0, "Le fichier est vide." },
        { Header + "\n", 0, "Le fichier n'a que son en-tête." },
        { "region;channel;start;calls;aht\nSUD;Voice;2027-03-04 10:00;5;300", 1, "Ligne 1\u00a0: colonne «\u00a0calls\u00a0» inconnue" },
        { "region;channel;start;aht\nSUD;Voice;2027-03-04 10:00;300", 1, "colonne(s) manquante(s)\u00a0: contacts." },
        { Header + "\nSUD;Voice;2027-03-04 10:00;5", 2, "Ligne 2\u00a0: 4 valeur(s) pour 5 colonne(s)." },
        { Header + "\nSUD;Voice;2027-03-04 10:00;1000000000000;300", 2, "nombre de contacts «\u00a01000000000000\u00a0» invalide (de 0 à 100000 par demi-heure)" },
        { Header + "\nSUD;Voice;2027-03-04 10:00;5;86400", 2, "durée de traitement «\u00a086400\u00a0» invalide" },
        { Header + "\nSUD;Voice;2031-03-04 10:00;5;300", 2, "hors de la période que le portail planifie" },
        { Header + "\nSUD;Voice;2019-03-04 10:00;5;300", 2, "hors de la période que le portail planifie" },
        { Header + "\nXYZ;Voice;2027-03-04 10:00;5;300", 2, "région «\u00a0XYZ\u00a0» inconnue ou hors de votre périmètre" },
        { Header + "\nSUD;Fax;2027-03-04 10:00;5;300", 2, "canal «\u00a0Fax\u00a0» inconnu" },
        { Header + "\nSUD;Voice;04/03/2027 10:00;5;300", 2, "illisible" },
        { Header + "\nSUD;Voice;2027-03-04 10:15;5;300", 2, "ne commence pas une demi-heure" },
        { Header + "\nSUD;Voice;2027-03-04 10:00;cinq;300", 2, "nombre de contacts" },
        { Header + "\nSUD;Voice;2027-03-04 10:00;5;0", 2, "durée de traitement «\u00a00\u00a0» invalide" },
        { Header + "\nSUD;Voice;2027-03-04 10:00;5;300\nSUD;Voice;2027-03-04 10:00;6;300", 3, "l'intervalle 2027-03-04 10:00 figure déjà ligne 2" },
        { Header + "\nSUD;Voice;2027-03-28 02:30;5;300", 2, "n'existe pas (changement d'heure de printemps)" },
        { Header + "\nSUD;Voice;2026-10-25 02:00;5;300", 2, "existe deux fois" },
        { Header + "\nSUD;Voice;2027-03-04 10:00+05:00;5;300", 2, "ne correspond pas à l'heure de Paris" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task Each_bad_file_or_row_gets_its_own_message_and_nothing_is_written(string csv, int row, string message)
    {
        await using var db = fixture.App.CreateDbContext();
        var before = await db.ForecastIntervals.CountAsync(TestContext.Current.CancellationToken);

        var result = await ImportAsync(csv);

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors, e => e.Message.Contains(message, StringComparison.Ordinal));
        Assert.Equal(row, error.Row);
        Assert.All(result.Errors, e => Assert.Equal(row, e.Row));
        Assert.Equal(before, await db.ForecastIntervals.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_file_that_is_not_utf8_is_refused()
    {
        var latin1 = Encoding.Latin1;

        var result = await ImportAsync($"{Header}\nSUD;Voice;2027-03-05 10:00;5;300 # Méditerranée\n", encoding: latin1);

        Assert.False(result.Succeeded);
        Assert.Contains("UTF-8", result.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_bad_row_is_listed_not_only_the_first()
    {
        var rows = string.Join("\n", Enumerable.Range(0, 5).Select(i => $"SUD;Voice;2027-03-06 1{i}:00;-1;300"));

        var result = await ImportAsync($"{Header}\n{rows}");

        Assert.Equal([2, 3, 4, 5, 6], result.Errors.Select(e => e.Row));
    }

    [Fact]
    public async Task The_autumn_clock_change_day_takes_both_two_oclock_intervals_by_their_offset()
    {
        var result = await ImportAsync($"{Header}\nSUD;Voice;2026-10-25 02:00+02:00;11;300\nSUD;Voice;2026-10-25 02:00+01:00;13;300\n");

        Assert.True(result.Succeeded, string.Join(" | ", result.Errors.Select(e => e.Message)));
        var stored = await StoredAsync("SUD", new DateOnly(2026, 10, 25));
        Assert.Equal(50, stored.Count);
        Assert.Equal(11, stored.Single(f => f.StartUtc == new DateTime(2026, 10, 25, 0, 0, 0)).Contacts);
        Assert.Equal(13, stored.Single(f => f.StartUtc == new DateTime(2026, 10, 25, 1, 0, 0)).Contacts);
    }

    [Fact]
    public async Task A_director_imports_into_the_own_region_only()
    {
        var director = new Actor("director.bpl@portal.demo", PortalRole.RegionalDirector, 2);

        var own = await ImportAsync($"{Header}\nBPL;Voice;2027-03-08 10:00;5;420\n", director);
        var other = await ImportAsync($"{Header}\nBPL;Voice;2027-03-09 10:00;5;420\nNC;Voice;2027-03-09 10:00;5;420\n", director);

        Assert.True(own.Succeeded);
        Assert.False(other.Succeeded);
        Assert.Equal(3, Assert.Single(other.Errors).Row);
        Assert.Empty(await StoredAsync("BPL", new DateOnly(2027, 3, 9)));
    }

    [Fact]
    public async Task An_import_from_a_region_page_refuses_rows_of_another_region()
    {
        var result = await ImportAsync($"{Header}\nBPL;Voice;2027-03-12 10:00;5;420\nSUD;Voice;2027-03-12 10:00;5;300\n", onlyRegion: "BPL");

        Assert.False(result.Succeeded);
        Assert.Equal(3, Assert.Single(result.Errors).Row);
        Assert.Empty(await StoredAsync("BPL", new DateOnly(2027, 3, 12)));
    }

    [Fact]
    public async Task The_audit_keeps_what_each_replaced_day_held_before()
    {
        // A day of the demo's stored period, outside the current week that other tests read.
        var today = fixture.Today.AddDays(28);
        var stored = (await StoredAsync("SUD", today)).Sum(f => f.Contacts);

        await ImportAsync($"{Header}\nSUD;Voice;{today:yyyy-MM-dd} 10:00;5;300\n");

        await using var db = fixture.App.CreateDbContext();
        var audit = await db.AuditEntries.Where(a => a.Entity == "Forecast" && a.EntityKey == "SUD/Voice").OrderByDescending(a => a.Id).FirstAsync(TestContext.Current.CancellationToken);
        Assert.Contains($"\"Day\":\"{today:yyyy-MM-dd}\"", audit.Before, StringComparison.Ordinal);
        Assert.Contains("\"Source\":\"Generated\"", audit.Before, StringComparison.Ordinal);
        Assert.Contains(Math.Round(stored, 2).ToString(CultureInfo.InvariantCulture)[..3], audit.Before, StringComparison.Ordinal);
        Assert.Contains("\"Contacts\":5", audit.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HR_cannot_import_a_forecast()
    {
        var result = await ImportAsync($"{Header}\nSUD;Voice;2027-03-10 10:00;5;300\n", new Actor("h", PortalRole.HR));

        Assert.False(result.Succeeded);
        Assert.Equal("Votre rôle ne permet pas d'importer une prévision.", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public async Task Messages_follow_the_user_language()
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo("en-GB");
        try
        {
            var result = await ImportAsync($"{Header}\nSUD;Fax;2027-03-11 10:00;5;300\n");

            Assert.Equal("Row 2: unknown channel 'Fax'.", result.Errors[0].Message);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public async Task An_imported_day_is_what_the_coverage_shows()
    {
        await ImportAsync($"{Header}\nSUD;Voice;2027-03-15 10:00;100;180\n");
        using var scope = fixture.App.Services.CreateScope();

        var view = await scope.ServiceProvider.GetRequiredService<Portal.Services.Coverage.CoverageService>()
            .GetWeekAsync(National, "SUD", new DateOnly(2027, 3, 15), "Voice", TestContext.Current.CancellationToken);

        var monday = view!.Days[0];
        Assert.Equal(100, monday.Cells.Sum(c => c.Contacts));
        Assert.Equal(14, monday.Cells.Single(c => c.Contacts > 0).Requirement.Agents);
        Assert.True(view.Days[1].Cells.Sum(c => c.Contacts) > 1000); // the next day keeps the default forecast
    }

    [Fact]
    public async Task A_file_separated_by_commas_with_french_headers_in_another_order_is_read()
    {
        var result = await ImportAsync("Canal,DÉBUT,Région,DMT,contacts\nVoice,2027-03-23 10:00,SUD,300,\"12,5\"\n");

        Assert.True(result.Succeeded, string.Join(" | ", result.Errors.Select(e => e.Message)));
        Assert.Equal(12.5, (await StoredAsync("SUD", new DateOnly(2027, 3, 23))).Sum(f => f.Contacts));
    }

    [Fact]
    public async Task An_absurd_forecast_is_refused_before_it_can_reach_the_coverage()
    {
        var day = new DateOnly(2027, 3, 17);

        var result = await ImportAsync($"{Header}\nSUD;Voice;2027-03-17 10:00;1e12;300\n");

        Assert.False(result.Succeeded);
        Assert.Contains("nombre de contacts", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
        Assert.DoesNotContain(await StoredAsync("SUD", day), f => f.Source == ForecastSource.Imported);
    }
}
