using Portal.Cli;
using Portal.Domain.Time;

namespace Portal.Integration.Tests.Cli;

/// <summary><c>export shifts</c> and <c>import shifts</c> on the tool's own SQLite file with the demo.</summary>
public sealed class ShiftCliTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "portal-tests", Guid.NewGuid().ToString("N"));

    public ShiftCliTests() => Directory.CreateDirectory(folder);

    private string DatabaseFile => Path.Combine(folder, "cli.db");

    private async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliApp.RunAsync([.. args, $"--ConnectionStrings:Portal=Data Source={DatabaseFile}"], output, error, input: new StringReader(""));
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task A_week_exported_then_imported_back_is_accepted_whole_and_a_file_with_a_bad_row_is_refused_whole()
    {
        await RunAsync("seed-demo");
        var week = LocalCalendar.MondayOf(LocalCalendar.Paris.Today(TimeProvider.System)).AddDays(14).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var file = Path.Combine(folder, "shifts.csv");

        var exported = await RunAsync("export", "shifts", "--region", "BPL", "--week", week, file);
        var lines = await File.ReadAllLinesAsync(file, TestContext.Current.CancellationToken);
        var imported = await RunAsync("import", "shifts", file);
        var bad = Path.Combine(folder, "bad.csv");
        await File.WriteAllLinesAsync(bad, [lines[0], lines[1], lines[2].Split(';')[0] + $";{week};09:00;09:00;Voice;;"], TestContext.Current.CancellationToken);
        var refused = await RunAsync("import", "shifts", bad);
        var unknown = await RunAsync("export", "shifts", "--region", "XYZ", "--week", week, Path.Combine(folder, "none.csv"));

        Assert.Equal(0, exported.Exit);
        Assert.Equal("employeeNumber;date;start;end;channel;breakStart;breakMinutes", lines[0].TrimStart('\uFEFF'));
        // About 1,600 advisors for a whole week: thousands of shifts.
        Assert.InRange(lines.Length - 1, 3000, 20000);
        Assert.Contains($"{lines.Length - 1} shift(s) exported", exported.Output, StringComparison.Ordinal);
        Assert.True(imported.Exit == 0, imported.Error[..Math.Min(3000, imported.Error.Length)]);
        Assert.Contains($"{lines.Length - 1} row(s) imported", imported.Output, StringComparison.Ordinal);
        Assert.Equal(1, refused.Exit);
        Assert.Contains("Ligne 3", refused.Error, StringComparison.Ordinal);
        Assert.Contains("nothing was imported", refused.Error, StringComparison.Ordinal);
        Assert.Equal(2, unknown.Exit);
        Assert.Contains("no region 'XYZ'", unknown.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder, "none.csv")));
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
