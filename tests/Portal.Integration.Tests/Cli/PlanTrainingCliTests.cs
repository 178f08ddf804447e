using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Portal.Cli;
using Portal.Domain.Time;
using Portal.Integration.Tests.TrainingPlan;

namespace Portal.Integration.Tests.Cli;

/// <summary>A SQLite file with the full demo, made by the administration tool, that <c>plan training --apply</c> may write to.</summary>
public sealed class PlanTrainingDatabase : IAsyncLifetime
{
    private static readonly string[] Fields = ["region", "by", "reachable", "earliestDate", "g2AtTarget", "coverageLostStaffHours", "sessions"];
    private static readonly string[] SessionFields = ["course", "site", "days", "capacity", "advisors"];

    private readonly string folder = Path.Combine(Path.GetTempPath(), "portal-tests", Guid.NewGuid().ToString("N"));

    public string File => Path.Combine(folder, "plan.db");

    public async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliApp.RunAsync([.. args, $"--ConnectionStrings:Portal=Data Source={File}"], output, error, input: new StringReader(""));
        return (exit, output.ToString(), error.ToString());
    }

    public long Count(string sql) => (long)Scalar(sql);

    public string Text(string sql) => (string)Scalar(sql);

    private object Scalar(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={File};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar()!;
    }

    public static DateOnly Today => LocalCalendar.Paris.Today(TimeProvider.System);

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly ParseDay(JsonElement element)
    {
        Assert.Equal(JsonValueKind.String, element.ValueKind);
        return DateOnly.ParseExact(element.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    /// <summary>Runs <c>plan training</c> for BPL with <c>--json</c> and checks the output has the issue's shape and types.</summary>
    public async Task<JsonElement> PlanAsync(string by, params string[] more)
    {
        var (exit, output, error) = await RunAsync(["plan", "training", "--region", "BPL", "--by", by, "--seconds", "2", .. more, "--json"]);
        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement.Clone();
        Assert.Equal(Fields, root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("BPL", root.GetProperty("region").GetString());
        Assert.Equal(by, Day(ParseDay(root.GetProperty("by"))));
        Assert.Contains(root.GetProperty("reachable").ValueKind, new[] { JsonValueKind.True, JsonValueKind.False });
        Assert.InRange(root.GetProperty("g2AtTarget").GetDouble(), 0, 1);
        Assert.True(root.GetProperty("coverageLostStaffHours").GetDouble() >= 0);
        Assert.Equal(JsonValueKind.Array, root.GetProperty("sessions").ValueKind);
        foreach (var session in root.GetProperty("sessions").EnumerateArray())
        {
            Assert.Equal(SessionFields, session.EnumerateObject().Select(p => p.Name));
            Assert.StartsWith("TRANSV-", session.GetProperty("course").GetString(), StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(session.GetProperty("site").GetString()));
            var days = session.GetProperty("days").EnumerateArray().Select(ParseDay).ToList();
            Assert.NotEmpty(days);
            Assert.All(days, d => Assert.True(d > Today, $"{d} is not after today"));
            Assert.Equal(days.Order(), days);
            var capacity = session.GetProperty("capacity").GetInt32();
            var advisors = session.GetProperty("advisors").EnumerateArray().Select(a => a.GetString()!).ToList();
            Assert.InRange(advisors.Count, 1, capacity);
            Assert.All(advisors, a => Assert.Matches("^E[0-9]+$", a));
            Assert.Equal(advisors.Distinct().Count(), advisors.Count);
        }
        return root;
    }

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(folder);
        var (exit, _, error) = await RunAsync("seed-demo");
        Assert.True(exit == 0, error);
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left to the system's temporary-folder cleaning.
        }
        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// <c>plan training --json</c> prints exactly the shape the issue gives, with the right types: a date the demo's BPL
/// reaches with what is planned (no session to add), and a date too close (not reachable, the earliest date given, the
/// sessions for it). The demo's planned sessions end one and two weeks ahead, so a week from today is always too close.
/// </summary>
public sealed class PlanTrainingCliTests(PlanTrainingDatabase database) : IClassFixture<PlanTrainingDatabase>
{
    private static DateOnly Today => PlanTrainingDatabase.Today;

    private static string Day(DateOnly day) => PlanTrainingDatabase.Day(day);

    private static DateOnly ParseDay(JsonElement element) => PlanTrainingDatabase.ParseDay(element);

    [Fact]
    public async Task The_json_has_the_issue_s_shape_for_a_reachable_date_and_for_one_too_close_with_its_earliest_date()
    {
        var planned = database.Text("SELECT PlannedSwitchDate FROM Regions WHERE Code = 'BPL'");

        var reachable = await database.PlanAsync(planned);
        var tooClose = await database.PlanAsync(Day(Today.AddDays(7)));

        Assert.True(reachable.GetProperty("reachable").GetBoolean());
        Assert.Equal(planned, reachable.GetProperty("earliestDate").GetString());
        Assert.True(reachable.GetProperty("g2AtTarget").GetDouble() >= 0.8);
        Assert.False(tooClose.GetProperty("reachable").GetBoolean());
        Assert.True(tooClose.GetProperty("g2AtTarget").GetDouble() < 0.8);
        var earliest = ParseDay(tooClose.GetProperty("earliestDate"));
        Assert.True(earliest > Today.AddDays(7), $"earliest {earliest}");
        // By the last day of the sessions already planned the gate passes with no session added, so the earliest date
        // is that day or sooner: the sessions planned after the date too close count from their last day.
        var lastPlanned = UpcomingTraining.LastDay(database.File, "BPL");
        var byLastPlanned = await database.PlanAsync(Day(lastPlanned));
        Assert.True(byLastPlanned.GetProperty("reachable").GetBoolean());
        Assert.Empty(byLastPlanned.GetProperty("sessions").EnumerateArray());
        Assert.True(earliest <= lastPlanned, $"earliest {earliest}, the planned sessions end {lastPlanned}");
    }
}

/// <summary>
/// <c>--apply</c> creates exactly the sessions and enrolments it prints, with one audit entry each and one for the plan.
/// Its own database, where BPL's upcoming enrolments in the required courses are cancelled, so that the date needs
/// sessions whatever the day of the week (with them, the demo's planned sessions may reach it alone).
/// </summary>
public sealed class PlanTrainingApplyCliTests(PlanTrainingDatabase database) : IClassFixture<PlanTrainingDatabase>
{
    [Fact]
    public async Task Apply_creates_exactly_the_sessions_and_enrolments_it_prints()
    {
        var cancelled = UpcomingTraining.Cancel(database.File, "BPL");
        Assert.True(cancelled > 0);
        var sessionsBefore = database.Count("SELECT COUNT(*) FROM TrainingSessions");
        var enrolmentsBefore = database.Count("SELECT COUNT(*) FROM Enrolments");
        var daysBefore = database.Count("SELECT COUNT(*) FROM SessionDays");

        var applied = await database.PlanAsync(PlanTrainingDatabase.Day(PlanTrainingDatabase.Today.AddDays(7)), "--apply");

        var sessions = applied.GetProperty("sessions").EnumerateArray().ToList();
        Assert.NotEmpty(sessions);
        Assert.Equal(sessionsBefore + sessions.Count, database.Count("SELECT COUNT(*) FROM TrainingSessions"));
        Assert.Equal(enrolmentsBefore + sessions.Sum(s => s.GetProperty("advisors").GetArrayLength()), database.Count("SELECT COUNT(*) FROM Enrolments"));
        Assert.Equal(daysBefore + sessions.Sum(s => s.GetProperty("days").GetArrayLength()), database.Count("SELECT COUNT(*) FROM SessionDays"));
        var first = sessions[0];
        var advisor = first.GetProperty("advisors")[0].GetString();
        var lastDay = first.GetProperty("days").EnumerateArray().Last().GetString();
        Assert.Equal(1, database.Count($"""
            SELECT COUNT(*) FROM Enrolments e JOIN Advisors a ON a.Id = e.AdvisorId JOIN TrainingSessions s ON s.Id = e.SessionId
            JOIN Courses c ON c.Id = s.CourseId JOIN Sites t ON t.Id = s.SiteId
            WHERE a.EmployeeNumber = '{advisor}' AND c.Code = '{first.GetProperty("course").GetString()}'
              AND t.Name = '{first.GetProperty("site").GetString()!.Replace("'", "''", StringComparison.Ordinal)}'
              AND (SELECT MAX(Date) FROM SessionDays d WHERE d.SessionId = s.Id) = '{lastDay}'
            """));
        Assert.Equal(sessions.Count + 1, database.Count("SELECT COUNT(*) FROM AuditEntries WHERE Action = 'TrainingPlan'"));
    }
}
