using System.Text.Json;
using Portal.Cli;
using Portal.Domain.Staffing;
using Portal.Services;
using Portal.Services.Coverage;

namespace Portal.Integration.Tests.Cli;

/// <summary>
/// How the administration tool is used: the help it prints, the one line a bad argument gets, the calculator's
/// bounds, and configuration given as <c>--Key=Value</c> arguments.
/// </summary>
public sealed class CliUsageTests : IDisposable
{
    private static readonly string[] WorkedExample =
        ["staffing", "--contacts", "100", "--aht", "180", "--interval-minutes", "30", "--target", "0.8", "--answer-seconds", "20", "--json"];

    private readonly string folder = Path.Combine(Path.GetTempPath(), "portal-tests", Guid.NewGuid().ToString("N"));

    public CliUsageTests() => Directory.CreateDirectory(folder);

    private string DatabaseFile => Path.Combine(folder, "cli.db");

    /// <summary>Each command (or group) of the tool and the options, arguments or subcommands its help must list.</summary>
    public static TheoryData<string[], string[]> Commands => new()
    {
        { ["migrate"], [] },
        { ["seed-demo"], [] },
        { ["stats"], ["--json"] },
        { ["add-user"], ["<EMAIL>", "<ROLE>", "--region", "--advisor"] },
        { ["users"], ["list", "add", "disable", "enable", "set-role", "reset"] },
        { ["users", "list"], ["--search", "--json"] },
        { ["users", "add"], ["<EMAIL>", "<ROLE>", "--name", "--region", "--advisor", "--base-url"] },
        { ["users", "disable"], ["<EMAIL>"] },
        { ["users", "enable"], ["<EMAIL>"] },
        { ["users", "set-role"], ["<EMAIL>", "<ROLE>", "--region", "--advisor"] },
        { ["users", "reset"], ["<EMAIL>", "--base-url"] },
        { ["staffing"], ["--contacts", "--aht", "--interval-minutes", "--target", "--answer-seconds", "--shrinkage", "--max-occupancy", "--concurrency", "--json"] },
        { ["coverage"], ["--region", "--week", "--channel", "--json"] },
        { ["readiness"], ["--region", "--date", "--outlook", "--json"] },
        { ["roster"], ["--region", "--week", "--channel", "--seconds", "--out", "--apply", "--json"] },
        { ["plan"], ["training"] },
        { ["plan", "training"], ["--region", "--by", "--seconds", "--apply", "--json"] },
        { ["import"], ["advisors", "forecast", "shifts"] },
        { ["import", "advisors"], ["<FILE>"] },
        { ["import", "forecast"], ["<FILE>"] },
        { ["import", "shifts"], ["<FILE>"] },
        { ["export"], ["advisors", "completion", "shifts"] },
        { ["export", "shifts"], ["--region", "--week", "<FILE>"] },
        { ["export", "completion"], ["<FILE>"] },
        { ["export", "advisors"], ["<FILE>"] },
    };

    private async Task<(int Exit, string Output, string Error)> RunAsync(string[] args, string input = "")
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var reader = new StringReader(input);
        var exit = await CliApp.RunAsync(args, output, error, input: reader);
        return (exit, output.ToString(), error.ToString());
    }

    private Task<(int Exit, string Output, string Error)> RunOnOwnFileAsync(params string[] args) =>
        RunAsync([.. args, $"--ConnectionStrings:Portal=Data Source={DatabaseFile}"]);

    /// <summary>The lines of a help section ("Commands:", "Options:"…), up to the next blank line.</summary>
    private static List<string> Section(string help, string title) => help.Split('\n')
        .Select(l => l.TrimEnd('\r'))
        .SkipWhile(l => l != title).Skip(1)
        .TakeWhile(l => l.Trim().Length > 0)
        .ToList();

    [Fact]
    public async Task Help_of_the_tool_lists_every_command_with_its_description()
    {
        var (exit, output, error) = await RunOnOwnFileAsync("--help");

        Assert.Equal(0, exit);
        Assert.Empty(error);
        var listed = Section(output, "Commands:").Select(l => l.Trim().Split(' ')[0]).ToList();
        var expected = Commands.Select(row => row.Data.Item1).Where(path => path.Length == 1).Select(path => path[0]).ToList();
        Assert.Equal(expected, listed);
        Assert.All(Section(output, "Commands:"), line => Assert.Matches(@"\S\s{2,}\S", line.Trim()));
        Assert.False(File.Exists(DatabaseFile));
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Help_of_each_command_lists_its_options_and_arguments_each_with_a_description(string[] command, string[] symbols)
    {
        var (exit, output, error) = await RunOnOwnFileAsync([.. command, "--help"]);

        Assert.Equal(0, exit);
        Assert.Empty(error);
        Assert.NotEmpty(Section(output, "Description:"));
        var rows = Section(output, "Arguments:").Concat(Section(output, "Options:")).Concat(Section(output, "Commands:")).Select(l => l.Trim()).ToList();
        foreach (var symbol in symbols)
        {
            var row = Assert.Single(rows, r => r.Split(' ')[0] == symbol);
            // Name (and value) in the first column, a description in the second.
            Assert.Matches(@"\S\s{2,}\S", row);
        }
        Assert.False(File.Exists(DatabaseFile));
    }

    [Theory]
    [InlineData(new[] { "migrate", "--force" }, "'--force'")]
    [InlineData(new[] { "seed-demo", "now" }, "'now'")]
    [InlineData(new[] { "stats", "--json", "now" }, "'now'")]
    [InlineData(new[] { "add-user", "a@operator.fr", "Boss" }, "'Boss'")]
    [InlineData(new[] { "add-user", "a@operator.fr", "RegionalDirector", "--region" }, "'--region'")]
    [InlineData(new[] { "staffing", "--contacts", "100", "--aht", "180", "--interval-minutes", "30", "--answer-seconds", "20", "--json" }, "'--target'")]
    [InlineData(new[] { "staffing", "--contacts", "100", "--aht", "180", "--interval-minutes", "0.5", "--target", "0.8", "--answer-seconds", "20", "--json" }, "'--interval-minutes'")]
    [InlineData(new[] { "staffing", "--contacts", "cent", "--aht", "180", "--interval-minutes", "30", "--target", "0.8", "--answer-seconds", "20", "--json" }, "'--contacts'")]
    [InlineData(new[] { "coverage", "--region", "BPL", "--week", "2026-02-30", "--json" }, "'--week'")]
    [InlineData(new[] { "coverage", "--region", "BPL", "--week", "2026-12-14" }, "'--json'")]
    [InlineData(new[] { "coverage", "--region", "BPL", "--week", "2026-12-14", "--channel", "--json" }, "'--channel'")]
    [InlineData(new[] { "readiness", "--region", "BPL", "--json" }, "'--date' or '--outlook'")]
    [InlineData(new[] { "readiness", "--region", "BPL", "--date", "2026-02-30", "--json" }, "'--date'")]
    [InlineData(new[] { "readiness", "--region", "BPL", "--date", "2026-12-14", "--outlook", "--json" }, "'--outlook'")]
    [InlineData(new[] { "readiness", "--region", "BPL", "--outlook" }, "'--json'")]
    [InlineData(new[] { "readiness", "--date", "2026-12-14", "--json" }, "'--region'")]
    [InlineData(new[] { "import", "advisors", "/no/such/advisors.csv" }, "'/no/such/advisors.csv'")]
    [InlineData(new[] { "import", "forecast", "/no/such/forecast.csv" }, "'/no/such/forecast.csv'")]
    [InlineData(new[] { "import", "shifts", "/no/such/shifts.csv" }, "'/no/such/shifts.csv'")]
    [InlineData(new[] { "export", "shifts", "--region", "BPL", "--week", "2026-13-01", "shifts.csv" }, "'--week'")]
    [InlineData(new[] { "export", "shifts", "--week", "2026-12-14", "shifts.csv" }, "'--region'")]
    [InlineData(new[] { "export", "shifts", "--region", "BPL", "--week", "2026-12-14", "/no/such/folder/shifts.csv" }, "'/no/such/folder/shifts.csv'")]
    [InlineData(new[] { "export", "advisors", "/no/such/folder/advisors.csv" }, "'/no/such/folder/advisors.csv'")]
    [InlineData(new[] { "export", "completion", "/no/such/folder/completion.csv" }, "'/no/such/folder/completion.csv'")]
    [InlineData(new[] { "export", "trainers", "trainers.csv" }, "'trainers'")]
    public async Task Each_command_names_its_bad_argument_on_one_line_with_exit_code_2_and_writes_nothing(string[] args, string named)
    {
        var (exit, output, error) = await RunOnOwnFileAsync(args);

        Assert.Equal(2, exit);
        Assert.Empty(output);
        var line = Assert.Single(error.TrimEnd().Split('\n'));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains(named, line, StringComparison.Ordinal);
        Assert.False(File.Exists(DatabaseFile));
    }

    /// <summary>Out-of-bounds values: what the calculator's validator says of the same input, on the option typed.</summary>
    public static TheoryData<string, string, StaffingInput, string> Refused => new()
    {
        { "--contacts", "-5", Example with { Contacts = -5 }, "Calculator_Invalid_Contacts" },
        { "--aht", "0", Example with { AverageHandlingSeconds = 0 }, "Calculator_Invalid_Aht" },
        { "--interval-minutes", "0", Example with { IntervalSeconds = 0 }, "Calculator_Invalid_Interval" },
        { "--target", "100", Example with { ServiceLevelTarget = 1 }, "Calculator_Invalid_Target" },
        { "--answer-seconds", "-1", Example with { TargetAnswerSeconds = -1 }, "Calculator_Invalid_AnswerSeconds" },
        { "--shrinkage", "1", Example with { Shrinkage = 1 }, "Calculator_Invalid_Shrinkage" },
        { "--max-occupancy", "0", Example with { MaxOccupancy = 0 }, "Calculator_Invalid_MaxOccupancy" },
        { "--concurrency", "0", Example with { Concurrency = 0 }, "Calculator_Invalid_Concurrency" },
        { "--contacts", "1e9", Example with { Contacts = 1e9 }, "Calculator_Invalid_TooLarge" },
    };

    private static StaffingInput Example => new(100, 180, 1800, 0.8, 20);

    private static string[] Staffing(string option, string value)
    {
        var args = WorkedExample.ToList();
        var at = args.IndexOf(option);
        if (at >= 0)
        {
            args[at + 1] = value;
        }
        else
        {
            args.InsertRange(args.Count - 1, [option, value]);
        }
        return [.. args];
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Staffing_refuses_what_the_calculator_validator_refuses_with_its_message(string option, string value, StaffingInput same, string key)
    {
        var failure = Assert.Single(new StaffingInputValidator().Validate(same).Errors);
        Assert.Equal(key, failure.ErrorMessage);

        var (exit, output, error) = await RunOnOwnFileAsync(Staffing(option, value));

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Equal($"error: '{option}' must be in bounds, got '{value}': {Messages.Format(key)}", error.TrimEnd());
    }

    [Fact]
    public async Task Staffing_names_contacts_when_the_occupancy_cap_makes_the_queue_too_large()
    {
        var (exit, _, error) = await RunOnOwnFileAsync(Staffing("--max-occupancy", "0.000001"));

        Assert.Equal(2, exit);
        Assert.Equal($"error: '--contacts' must be in bounds, got '100': {Messages.Format("Calculator_Invalid_TooLarge")}", error.TrimEnd());
    }

    [Theory]
    [InlineData("--answer-seconds", "0")]
    [InlineData("--target", "99.9")]
    [InlineData("--max-occupancy", "100")]
    [InlineData("--contacts", "0")]
    public async Task Staffing_computes_at_the_edges_the_validator_accepts(string option, string value)
    {
        var (exit, output, error) = await RunOnOwnFileAsync(Staffing(option, value));

        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        Assert.True(json.RootElement.GetProperty("scheduled").GetInt32() >= json.RootElement.GetProperty("agents").GetInt32());
    }

    [Fact]
    public async Task Configuration_arguments_select_the_database_wherever_they_stand()
    {
        var first = Path.Combine(folder, "first.db");
        var second = Path.Combine(folder, "second.db");

        var migrated = await RunAsync([$"--ConnectionStrings:Portal=Data Source={first}", "migrate", "--Database:Provider=Sqlite"]);
        var created = await RunAsync(["add-user", $"--ConnectionStrings:Portal=Data Source={first}", "admin@operator.fr", "NationalAdmin"], "a long enough passphrase\n");
        await RunAsync(["migrate", $"--ConnectionStrings:Portal=Data Source={second}"]);
        var statsOfFirst = await RunAsync(["stats", "--json", $"--ConnectionStrings:Portal=Data Source={first}"]);
        var statsOfSecond = await RunAsync(["stats", "--json", $"--ConnectionStrings:Portal=Data Source={second}"]);

        Assert.True(migrated.Exit == 0, migrated.Error);
        Assert.True(created.Exit == 0, created.Error);
        Assert.True(File.Exists(first));
        Assert.True(File.Exists(second));
        using var firstJson = JsonDocument.Parse(statsOfFirst.Output);
        using var secondJson = JsonDocument.Parse(statsOfSecond.Output);
        Assert.Equal(1, firstJson.RootElement.GetProperty("usersByRole").GetProperty("NationalAdmin").GetInt32());
        Assert.Empty(secondJson.RootElement.GetProperty("usersByRole").EnumerateObject());
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
