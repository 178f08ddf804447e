using System.Text.Json;
using System.Text.RegularExpressions;
using Portal.Cli;

namespace Portal.Integration.Tests.Users;

/// <summary><c>users list|add|disable|enable|set-role|reset</c> against a migrated database of the test's own.</summary>
public sealed partial class UsersCliTests : IAsyncLifetime
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "portal-tests", Guid.NewGuid().ToString("N"));

    private async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliApp.RunAsync([.. args, $"--ConnectionStrings:Portal=Data Source={Path.Combine(folder, "cli.db")}"], output, error, input: new StringReader(""));
        return (exit, output.ToString(), error.ToString());
    }

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(folder);
        Assert.Equal(0, (await RunAsync("migrate")).Exit);
    }

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
        return ValueTask.CompletedTask;
    }

    [GeneratedRegex(@"(Account/SetPassword\?email=[^&\s]+&code=[A-Za-z0-9_-]+)")]
    private static partial Regex LinkPattern();

    private async Task<JsonElement> UserAsync(string email)
    {
        var list = await RunAsync("users", "list", "--search", email, "--json");
        Assert.Equal(0, list.Exit);
        return JsonDocument.Parse(list.Output).RootElement.GetProperty("users").EnumerateArray().Single();
    }

    [Fact]
    public async Task Add_prints_a_one_time_link_and_list_shows_the_new_login()
    {
        var add = await RunAsync("users", "add", "camille@operator.test", "HR", "--name", "Camille Roux", "--base-url", "https://portal.operator.test/");

        Assert.Equal(0, add.Exit);
        Assert.Contains("User camille@operator.test created as HR.", add.Output, StringComparison.Ordinal);
        Assert.Contains("https://portal.operator.test/Account/SetPassword?email=camille%40operator.test&code=", add.Output, StringComparison.Ordinal);
        var user = await UserAsync("camille@operator.test");
        Assert.Equal("Camille Roux", user.GetProperty("displayName").GetString());
        Assert.Equal("HR", user.GetProperty("role").GetString());
        Assert.False(user.GetProperty("disabled").GetBoolean());
    }

    [Fact]
    public async Task Disable_then_enable_switch_the_login_and_say_so()
    {
        await RunAsync("users", "add", "leaver@operator.test", "HR");

        var disable = await RunAsync("users", "disable", "leaver@operator.test");
        var disabled = await UserAsync("leaver@operator.test");
        var enable = await RunAsync("users", "enable", "leaver@operator.test");

        Assert.Equal((0, "User leaver@operator.test disabled."), (disable.Exit, disable.Output.Trim()));
        Assert.True(disabled.GetProperty("disabled").GetBoolean());
        Assert.Equal(0, enable.Exit);
        Assert.False((await UserAsync("leaver@operator.test")).GetProperty("disabled").GetBoolean());
    }

    [Fact]
    public async Task Set_role_changes_the_role_and_refuses_a_binding_the_role_does_not_take()
    {
        await RunAsync("users", "add", "promoted@operator.test", "HR");

        var promoted = await RunAsync("users", "set-role", "promoted@operator.test", "NationalAdmin");
        var wrong = await RunAsync("users", "set-role", "promoted@operator.test", "HR", "--region", "BPL");

        Assert.Equal(0, promoted.Exit);
        Assert.Equal("NationalAdmin", (await UserAsync("promoted@operator.test")).GetProperty("role").GetString());
        Assert.Equal(1, wrong.Exit);
        Assert.Contains("Region:", wrong.Error, StringComparison.Ordinal);
        Assert.Equal("NationalAdmin", (await UserAsync("promoted@operator.test")).GetProperty("role").GetString());
    }

    [Fact]
    public async Task Reset_prints_a_new_link_different_from_the_first()
    {
        var add = await RunAsync("users", "add", "forgetful@operator.test", "HR");

        var reset = await RunAsync("users", "reset", "forgetful@operator.test");

        Assert.Equal(0, reset.Exit);
        var first = LinkPattern().Match(add.Output).Value;
        var second = LinkPattern().Match(reset.Output).Value;
        Assert.NotEmpty(second);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task An_unknown_login_is_refused_with_exit_code_1()
    {
        var disable = await RunAsync("users", "disable", "nobody@operator.test");

        Assert.Equal(1, disable.Exit);
        Assert.Contains("no such user", disable.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_role_is_a_bad_argument()
    {
        var add = await RunAsync("users", "add", "x@operator.test", "Boss");

        Assert.Equal(2, add.Exit);
        Assert.Contains("unknown role 'Boss'", add.Error, StringComparison.Ordinal);
    }
}
