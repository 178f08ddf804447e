using System.Text.Json;
using Portal.Cli;

namespace Portal.Integration.Tests.Cli;

/// <summary>The administration tool against its own SQLite file, with the web app's configuration and services.</summary>
public sealed class CliTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "portal-tests", Guid.NewGuid().ToString("N"));

    private string DatabaseFile => Path.Combine(folder, "cli.db");

    private async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliApp.RunAsync([.. args, $"--ConnectionStrings:Portal=Data Source={DatabaseFile}"], output, error);
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

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
