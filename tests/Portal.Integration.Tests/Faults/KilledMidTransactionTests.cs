using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Portal.Cli;
using Portal.Domain.Time;
using Portal.Integration.Tests.TrainingPlan;
using Portal.Services.Data;
using Portal.Testing;

namespace Portal.Integration.Tests.Faults;

/// <summary>A SQLite file with the full demo, made by the administration tool, that the killed processes write to.</summary>
public sealed class FaultDatabase : IAsyncLifetime
{
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "portal-tests", Guid.NewGuid().ToString("N"));

    public string File => Path.Combine(Folder, "faults.db");

    public string Week { get; } = LocalCalendar.MondayOf(LocalCalendar.Paris.Today(TimeProvider.System)).AddDays(14)
        .ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Another week for the roster, so that the shift file of <see cref="Week"/> stays valid whatever runs first.</summary>
    public string RosterWeek { get; } = LocalCalendar.MondayOf(LocalCalendar.Paris.Today(TimeProvider.System)).AddDays(21)
        .ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public string ShiftFile => Path.Combine(Folder, "shifts.csv");

    /// <summary>A date BPL cannot reach once its upcoming enrolments are cancelled, so that the training plan proposes sessions to create.</summary>
    public string TrainingPlanBy { get; } = LocalCalendar.Paris.Today(TimeProvider.System).AddDays(7)
        .ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(Folder);
        await Tool("seed-demo");
        await Tool("export", "shifts", "--region", "BPL", "--week", Week, ShiftFile);
        Assert.True(UpcomingTraining.Cancel(File, "BPL") > 0);
    }

    private async Task Tool(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliApp.RunAsync([.. args, $"--ConnectionStrings:Portal=Data Source={File}"], output, error, input: new StringReader(""));
        Assert.True(exit == 0, error.ToString());
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left to the system's temporary-folder cleaning.
        }
        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// A process killed in the middle of a writing operation, with every write of the operation done and only the commit
/// left (the fault pause, <see cref="FaultPause"/>), leaves the database exactly as it was: the same rows in every table
/// the operation writes, and a file that passes SQLite's integrity check. The same operation left to finish does change
/// those rows, so the check would see a partial write.
/// </summary>
public sealed class KilledMidTransactionTests(FaultDatabase database) : IClassFixture<FaultDatabase>
{
    private static readonly string[] Tables = ["Shifts", "AuditEntries", "Advisors", "AdvisorSkills", "PublishedWeeks", "TrainingSessions", "SessionDays", "Enrolments"];

    private static string BuildFolder(params string[] project)
    {
        // The same configuration and framework as this test assembly's own output folder (bin/Debug/net10.0).
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        return RepositoryPaths.Of([.. project, "bin", output.Parent!.Name, output.Name]);
    }

    public static TheoryData<string> Operations => new() { "import shifts", "bulk pattern", "roster apply", "training plan apply" };

    private string[] CommandOf(string operation) => operation switch
    {
        "import shifts" => [Path.Combine(AppContext.BaseDirectory, "Portal.Cli.dll"), "import", "shifts", database.ShiftFile, Connection],
        "roster apply" => [Path.Combine(AppContext.BaseDirectory, "Portal.Cli.dll"), "roster", "--region", "BPL", "--week", database.RosterWeek,
            "--channel", "Voice", "--seconds", "3", "--apply", "--json", Connection],
        "training plan apply" => [Path.Combine(AppContext.BaseDirectory, "Portal.Cli.dll"), "plan", "training", "--region", "BPL", "--by", database.TrainingPlanBy,
            "--seconds", "2", "--apply", "--json", Connection],
        "bulk pattern" => [Path.Combine(BuildFolder("tests", "Portal.FaultHost"), "Portal.FaultHost.dll"), database.File, "pattern"],
        _ => throw new ArgumentOutOfRangeException(nameof(operation)),
    };

    private string Connection => $"--ConnectionStrings:Portal=Data Source={database.File}";

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task A_process_killed_before_its_commit_leaves_the_database_as_it_was(string operation)
    {
        var before = Checksums();

        var paused = await RunAsync(CommandOf(operation), pauseBeforeCommit: true);
        var afterKill = Checksums();
        var integrity = Integrity();
        var finished = await RunAsync(CommandOf(operation), pauseBeforeCommit: false);
        var afterFinish = Checksums();

        Assert.True(paused.Killed, $"the operation never reached its commit: exit {paused.Exit}\n{paused.Output}");
        Assert.Equal(before, afterKill);
        Assert.Equal("ok", integrity);
        Assert.True(finished.Exit == 0, finished.Output);
        Assert.NotEqual(before, afterFinish);
    }

    private sealed record Run(bool Killed, int Exit, string Output);

    private static async Task<Run> RunAsync(string[] command, bool pauseBeforeCommit)
    {
        var ct = TestContext.Current.CancellationToken;
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = RepositoryPaths.Root,
        };
        foreach (var argument in command)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment[FaultPause.Variable] = pauseBeforeCommit ? "1" : "0";
        var output = new StringBuilder();
        var atCommit = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }
            if (e.Data == FaultPause.Line)
            {
                atCommit.TrySetResult();
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var exited = process.WaitForExitAsync(ct);
        var first = await Task.WhenAny(atCommit.Task, exited).WaitAsync(TimeSpan.FromMinutes(5), ct);
        var killed = false;
        if (first == atCommit.Task)
        {
            process.Kill(entireProcessTree: true);
            killed = true;
        }
        await process.WaitForExitAsync(ct);
        lock (output)
        {
            return new Run(killed, killed ? -1 : process.ExitCode, output.ToString());
        }
    }

    /// <summary>Per table its row count and a hash of every value of every row, in key order.</summary>
    private Dictionary<string, string> Checksums()
    {
        using var connection = new SqliteConnection($"Data Source={database.File};Pooling=False");
        connection.Open();
        var sums = new Dictionary<string, string>();
        foreach (var table in Tables)
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\" ORDER BY rowid";
            using var reader = command.ExecuteReader();
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var rows = 0;
            var values = new object[reader.FieldCount];
            while (reader.Read())
            {
                rows++;
                reader.GetValues(values);
                hash.AppendData(Encoding.UTF8.GetBytes(string.Join('\u001f', values.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture))) + '\u001e'));
            }
            sums[table] = $"{rows} rows, {Convert.ToHexString(hash.GetHashAndReset())}";
        }
        return sums;
    }

    private string Integrity()
    {
        using var connection = new SqliteConnection($"Data Source={database.File};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        return (string)command.ExecuteScalar()!;
    }
}
