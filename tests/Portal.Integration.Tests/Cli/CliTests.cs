using System.Text.Json;
using Portal.Cli;

namespace Portal.Integration.Tests.Cli;

/// <summary>The administration tool against its own SQLite file, with the web app's configuration and services.</summary>
public sealed class CliTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "portal-tests", Guid.NewGuid().ToString("N"));

    private string DatabaseFile => Path.Combine(folder, "cli.db");

    private Task<(int Exit, string Output, string Error)> RunAsync(params string[] args) => RunWithInputAsync("", args);

    private async Task<(int Exit, string Output, string Error)> RunWithInputAsync(string input, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var reader = new StringReader(input);
        var exit = await CliApp.RunAsync([.. args, $"--ConnectionStrings:Portal=Data Source={DatabaseFile}"], output, error, input: reader);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Migrate_then_seed_demo_then_stats_json_gives_the_demo_counts()
    {
        var migrate = await RunAsync("migrate");
        var seed = await RunAsync("seed-demo");
        var stats = await RunAsync("stats", "--json");

        Assert.Equal(0, migrate.Exit);
        Assert.Equal(0, seed.Exit);
        Assert.Equal(0, stats.Exit);
        using var json = JsonDocument.Parse(stats.Output);
        var root = json.RootElement;
        Assert.Equal(9, root.GetProperty("regions").GetInt32());
        Assert.Equal(98, root.GetProperty("sitesByKind").GetProperty("InHouse").GetInt32());
        Assert.Equal(34, root.GetProperty("sitesByKind").GetProperty("Subcontracted").GetInt32());
        Assert.Equal(11, root.GetProperty("sitesByKind").GetProperty("Offshore").GetInt32());
        Assert.Equal(1600, root.GetProperty("advisorsByRegion").GetProperty("BPL").GetInt32());
        Assert.Equal(6, root.GetProperty("courses").GetInt32());
        // About 300,000 since the demo plans its shifts against the forecast (ADR 14).
        Assert.True(root.GetProperty("shifts").GetInt32() > 250_000);
        Assert.True(root.GetProperty("enrolmentsByStatus").GetProperty("Completed").GetInt32() > 0);
        // Outside the Development environment the demo creates no login.
        Assert.Empty(root.GetProperty("usersByRole").EnumerateObject());
    }

    [Fact]
    public async Task Seed_demo_refuses_a_database_that_is_not_empty_and_writes_nothing()
    {
        await RunAsync("seed-demo");
        var before = (await RunAsync("stats", "--json")).Output;

        var again = await RunAsync("seed-demo");

        Assert.Equal(1, again.Exit);
        Assert.Contains("not empty", again.Error, StringComparison.Ordinal);
        Assert.Equal(before, (await RunAsync("stats", "--json")).Output);
    }

    [Theory]
    [InlineData(new string[0], "a command is required")]
    [InlineData(new[] { "frobnicate" }, "unknown command 'frobnicate'")]
    [InlineData(new[] { "stats", "--jsn" }, "unknown argument '--jsn'")]
    [InlineData(new[] { "migrate", "now" }, "'migrate' takes no argument")]
    [InlineData(new[] { "add-user", "admin@operator.fr" }, "usage: add-user")]
    [InlineData(new[] { "add-user", "admin", "NationalAdmin" }, "is not an e-mail address")]
    [InlineData(new[] { "add-user", "a@operator.fr", "Boss" }, "unknown role 'Boss'")]
    [InlineData(new[] { "add-user", "a@operator.fr", "RegionalDirector" }, "needs --region")]
    [InlineData(new[] { "add-user", "a@operator.fr", "Advisor" }, "needs --advisor")]
    [InlineData(new[] { "add-user", "a@operator.fr", "HR", "--region", "BPL" }, "--region is for a RegionalDirector only")]
    [InlineData(new[] { "add-user", "a@operator.fr", "HR", "--team" }, "unknown argument '--team'")]
    [InlineData(new[] { "add-user", "a@operator.fr", "HR", "--region" }, "'--region' needs a value")]
    [InlineData(new[] { "staffing", "--contacts", "100", "--aht", "180", "--interval-minutes", "30", "--target", "0.8", "--json" }, "'--answer-seconds' is required")]
    [InlineData(new[] { "staffing", "--contacts", "-5", "--aht", "180", "--interval-minutes", "30", "--target", "0.8", "--answer-seconds", "20", "--json" }, "'--contacts' must be")]
    [InlineData(new[] { "staffing", "--contacts", "100", "--aht", "abc", "--interval-minutes", "30", "--target", "0.8", "--answer-seconds", "20", "--json" }, "'--aht' must be")]
    [InlineData(new[] { "staffing", "--contacts", "100", "--aht", "180", "--interval-minutes", "30", "--target", "100", "--answer-seconds", "20", "--json" }, "'--target' must be")]
    [InlineData(new[] { "staffing", "--contacts", "100", "--aht", "180", "--interval-minutes", "30", "--target", "0.8", "--answer-seconds", "20", "--concurrency", "1.5", "--json" }, "'--concurrency' must be")]
    [InlineData(new[] { "staffing", "--contacts", "100", "--aht", "180", "--interval-minutes", "30", "--target", "0.8", "--answer-seconds", "20" }, "'--json' is required")]
    [InlineData(new[] { "staffing", "--calls", "100" }, "unknown argument '--calls'")]
    [InlineData(new[] { "coverage", "--week", "2026-12-14", "--json" }, "'--region' is required")]
    [InlineData(new[] { "coverage", "--region", "BPL", "--week", "14/12/2026", "--json" }, "'--week' must be a date")]
    [InlineData(new[] { "coverage", "--region", "BPL", "--week", "--json" }, "'--week' needs a value")]
    public async Task Bad_arguments_get_a_one_line_error_exit_code_2_and_nothing_written(string[] args, string message)
    {
        var (exit, output, error) = await RunAsync(args);

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.False(File.Exists(DatabaseFile));
    }

    [Fact]
    public async Task A_bad_provider_setting_is_a_bad_argument()
    {
        var (exit, _, error) = await RunAsync("migrate", "--Database:Provider=Oracle");

        Assert.Equal(2, exit);
        Assert.Contains("Oracle", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_user_creates_the_first_national_administrator_with_the_password_from_standard_input()
    {
        await RunAsync("migrate");

        var created = await RunWithInputAsync("a long enough passphrase\n", "add-user", "admin@operator.fr", "NationalAdmin");
        var stats = await RunAsync("stats", "--json");

        Assert.Equal(0, created.Exit);
        Assert.Contains("admin@operator.fr created as NationalAdmin", created.Output, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(stats.Output);
        Assert.Equal(1, json.RootElement.GetProperty("usersByRole").GetProperty("NationalAdmin").GetInt32());
    }

    [Fact]
    public async Task Add_user_binds_a_director_to_the_region_it_names()
    {
        await RunAsync("seed-demo");

        var created = await RunWithInputAsync("a long enough passphrase\n", "add-user", "dr.sud@operator.fr", "RegionalDirector", "--region", "sud");

        Assert.Equal(0, created.Exit);
        Assert.Contains("of SUD", created.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("short\n", "at least 12")]
    [InlineData("", "standard input")]
    public async Task Add_user_refuses_a_bad_password_and_writes_nothing(string input, string message)
    {
        await RunAsync("migrate");

        var refused = await RunWithInputAsync(input, "add-user", "admin@operator.fr", "NationalAdmin");
        var stats = await RunAsync("stats", "--json");

        Assert.NotEqual(0, refused.Exit);
        Assert.Contains(message, refused.Error, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(stats.Output);
        Assert.Empty(json.RootElement.GetProperty("usersByRole").EnumerateObject());
    }

    [Fact]
    public async Task Add_user_refuses_an_unknown_region_and_writes_nothing()
    {
        await RunAsync("migrate");

        var refused = await RunWithInputAsync("a long enough passphrase\n", "add-user", "dr@operator.fr", "RegionalDirector", "--region", "XYZ");

        Assert.Equal(1, refused.Exit);
        Assert.Contains("no region 'XYZ'", refused.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_connection_string_is_a_bad_argument()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await CliApp.RunAsync(["migrate", "--ConnectionStrings:Portal=Data Sauce=nowhere"], output, error);

        Assert.Equal(2, exit);
        Assert.Single(error.ToString().TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task Staffing_prints_the_worked_example_of_the_specification()
    {
        var (exit, output, _) = await RunAsync("staffing", "--contacts", "100", "--aht", "180", "--interval-minutes", "30",
            "--target", "0.8", "--answer-seconds", "20", "--shrinkage", "0.3", "--json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(10, root.GetProperty("traffic").GetDouble(), 9);
        Assert.Equal(14, root.GetProperty("agents").GetInt32());
        Assert.Equal(0.888, root.GetProperty("serviceLevel").GetDouble(), 3);
        Assert.Equal(7.8, root.GetProperty("asa").GetDouble(), 1);
        Assert.Equal(0.714, root.GetProperty("occupancy").GetDouble(), 3);
        Assert.Equal(20, root.GetProperty("scheduled").GetInt32());
        Assert.False(File.Exists(DatabaseFile));
    }

    [Fact]
    public async Task Coverage_prints_the_figures_the_page_shows()
    {
        await RunAsync("seed-demo");
        var monday = Portal.Domain.Time.LocalCalendar.MondayOf(Portal.Domain.Time.LocalCalendar.Paris.Today(TimeProvider.System));

        var (exit, output, error) = await RunAsync("coverage", "--region", "BPL", "--week", monday.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "--channel", "Chat", "--json");

        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal("BPL", root.GetProperty("region").GetString());
        Assert.Equal("Chat", root.GetProperty("channel").GetString());
        Assert.Equal(7, root.GetProperty("days").GetArrayLength());
        var cells = root.GetProperty("days").EnumerateArray().SelectMany(d => d.GetProperty("intervals").EnumerateArray()).ToList();
        Assert.Contains(cells, c => c.GetProperty("required").GetInt32() > 0 && c.GetProperty("inHouse").GetInt32() > 0);
        Assert.All(cells, c => Assert.Equal(Math.Max(0, c.GetProperty("required").GetInt32() - c.GetProperty("inHouse").GetInt32() - c.GetProperty("subcontracted").GetInt32()), c.GetProperty("gap").GetInt32()));
    }

    [Fact]
    public async Task Coverage_of_an_unknown_region_is_a_bad_argument()
    {
        await RunAsync("migrate");

        var (exit, output, error) = await RunAsync("coverage", "--region", "XYZ", "--week", "2026-12-14", "--json");

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains("no region 'XYZ'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_forecast_writes_a_valid_file_and_refuses_a_bad_one_whole()
    {
        await RunAsync("seed-demo");
        var good = Path.Combine(folder, "good.csv");
        var bad = Path.Combine(folder, "bad.csv");
        await File.WriteAllTextAsync(good, "region;channel;start;contacts;aht\nBPL;Chat;2027-04-01 09:00;40;600\n", TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(bad, "region;channel;start;contacts;aht\nBPL;Chat;2027-04-02 09:00;40;600\nBPL;Chat;2027-04-02 09:00;41;600\n", TestContext.Current.CancellationToken);

        var imported = await RunAsync("import", "forecast", good);
        var refused = await RunAsync("import", "forecast", bad);
        var missing = await RunAsync("import", "forecast", Path.Combine(folder, "none.csv"));

        Assert.Equal(0, imported.Exit);
        Assert.Contains("48 intervals", imported.Output, StringComparison.Ordinal);
        Assert.Equal(1, refused.Exit);
        Assert.Contains("Ligne 3", refused.Error, StringComparison.Ordinal);
        Assert.Equal(2, missing.Exit);
        Assert.Contains("no file", missing.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_forecast_refuses_an_absurd_forecast_and_the_coverage_of_its_week_still_computes()
    {
        await RunAsync("seed-demo");
        var absurd = Path.Combine(folder, "absurd.csv");
        await File.WriteAllTextAsync(absurd, "region;channel;start;contacts;aht\nBPL;Voice;2027-04-05 10:00;1000000000000;420\n", TestContext.Current.CancellationToken);

        var refused = await RunAsync("import", "forecast", absurd);
        var coverage = await RunAsync("coverage", "--region", "BPL", "--week", "2027-04-05", "--json");

        Assert.Equal(1, refused.Exit);
        Assert.Contains("Ligne 2", refused.Error, StringComparison.Ordinal);
        Assert.Contains("nombre de contacts", refused.Error, StringComparison.Ordinal);
        Assert.Equal(0, coverage.Exit);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
