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
        Assert.True(root.GetProperty("shifts").GetInt32() > 400_000);
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
    [InlineData(new[] { "add-user", "a@operator.fr", "HR", "--team" }, "unknown or incomplete argument '--team'")]
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

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
