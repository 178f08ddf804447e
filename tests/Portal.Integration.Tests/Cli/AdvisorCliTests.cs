using System.Text;
using System.Text.Json;
using Portal.Cli;

namespace Portal.Integration.Tests.Cli;

/// <summary><c>import advisors</c> and <c>export advisors</c> of the administration tool, against its own SQLite file.</summary>
public sealed class AdvisorCliTests : IDisposable
{
    private const string Header = "employeeNumber;lastName;firstName;site;workingTimePercent;active;skills";

    private static readonly string[] BplSites =
        ["Rennes", "Nantes", "Brest", "Angers", "Le Mans", "Vannes", "Lorient", "Saint-Brieuc", "Laval", "Quimper"];

    private readonly string folder = Path.Combine(Path.GetTempPath(), "portal-tests", Guid.NewGuid().ToString("N"));

    public AdvisorCliTests() => Directory.CreateDirectory(folder);

    private string DatabaseFile => Path.Combine(folder, "cli.db");

    private async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliApp.RunAsync([.. args, $"--ConnectionStrings:Portal=Data Source={DatabaseFile}"], output, error, input: new StringReader(""));
        return (exit, output.ToString(), error.ToString());
    }

    private async Task<JsonElement> AdvisorsByRegionAsync()
    {
        using var json = JsonDocument.Parse((await RunAsync("stats", "--json")).Output);
        return json.RootElement.GetProperty("advisorsByRegion").Clone();
    }

    private async Task<string> WriteAsync(string name, string text)
    {
        var path = Path.Combine(folder, name);
        await File.WriteAllTextAsync(path, text, TestContext.Current.CancellationToken);
        return path;
    }

    [Fact]
    public async Task Import_advisors_writes_a_valid_file_and_refuses_a_bad_one_whole()
    {
        await RunAsync("seed-demo");
        var good = await WriteAsync("good.csv", $"{Header}\nX300001;Le Bihan;Soazig;Plateau Vannes;100;true;MOB-VENTE:2\n");
        var bad = await WriteAsync("bad.csv", $"{Header}\nX300002;Le Bihan;Yann;Plateau Vannes;100;true;\nX300003;Le Bihan;Anna;Plateau Vannes;120;true;\n");

        var imported = await RunAsync("import", "advisors", good);
        var refused = await RunAsync("import", "advisors", bad);
        var missing = await RunAsync("import", "advisors", Path.Combine(folder, "none.csv"));

        Assert.Equal(0, imported.Exit);
        Assert.Contains("1 advisor(s) created, 0 updated", imported.Output, StringComparison.Ordinal);
        Assert.Equal(1, refused.Exit);
        Assert.Contains("Ligne 3", refused.Error, StringComparison.Ordinal);
        Assert.Contains("nothing was imported", refused.Error, StringComparison.Ordinal);
        Assert.Equal(2, missing.Exit);
        Assert.Contains("no file", missing.Error, StringComparison.Ordinal);
        Assert.Equal(1601, (await AdvisorsByRegionAsync()).GetProperty("BPL").GetInt32());
    }

    [Fact]
    public async Task Export_advisors_writes_every_advisor_and_importing_the_file_again_changes_nothing()
    {
        await RunAsync("seed-demo");
        var file = Path.Combine(folder, "advisors.csv");

        var exported = await RunAsync("export", "advisors", file);
        var imported = await RunAsync("import", "advisors", file);

        Assert.Equal(0, exported.Exit);
        Assert.Contains("15550 advisor(s) exported", exported.Output, StringComparison.Ordinal);
        var lines = await File.ReadAllLinesAsync(file, Encoding.UTF8, TestContext.Current.CancellationToken);
        // The export writes the optional team column too; the files above, without it, are read as before.
        Assert.Equal($"{Header};team", lines[0]);
        Assert.Equal(15_551, lines.Length);
        Assert.Equal(0, imported.Exit);
        Assert.Contains("0 advisor(s) created, 0 updated, 15550 unchanged", imported.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(file + ".partial"));
    }

    [Fact]
    public async Task A_file_of_fifty_thousand_new_advisors_imports_whole()
    {
        await RunAsync("seed-demo");
        var rows = new StringBuilder(Header).Append('\n');
        for (var i = 1; i <= 50_000; i++)
        {
            rows.Append($"X{i:000000};Nom{i};Prénom{i};Plateau {BplSites[i % BplSites.Length]};{(i % 5 == 0 ? 80 : 100)};true;BOX-VENTE:{1 + (i % 4)},MOB-TECH:2\n");
        }
        var file = await WriteAsync("many.csv", rows.ToString());

        var imported = await RunAsync("import", "advisors", file);

        Assert.True(imported.Exit == 0, imported.Error);
        Assert.Contains("50000 advisor(s) created", imported.Output, StringComparison.Ordinal);
        Assert.Equal(51_600, (await AdvisorsByRegionAsync()).GetProperty("BPL").GetInt32());
    }

    [Theory]
    [InlineData(new[] { "import", "advisors" }, "usage: import advisors FILE")]
    [InlineData(new[] { "import", "trainers", "x.csv" }, "unknown command 'trainers' after 'import' (expected advisors | forecast")]
    [InlineData(new[] { "export" }, "a command is required after 'export' (expected advisors")]
    [InlineData(new[] { "export", "advisors" }, "usage: export advisors FILE")]
    [InlineData(new[] { "export", "advisors", "/no/such/folder/advisors.csv" }, "no folder")]
    public async Task Bad_arguments_of_import_and_export_get_a_one_line_error_and_exit_code_2(string[] args, string message)
    {
        var (exit, output, error) = await RunAsync(args);

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.False(File.Exists(DatabaseFile));
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
