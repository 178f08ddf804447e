using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Access;
using Portal.Services;
using Portal.Services.Users;

namespace Portal.Cli.Commands;

/// <summary>
/// <c>users list|add|disable|enable|set-role|reset</c>: the users page's actions, through the same service and its
/// checks, with the tool's national rights. <c>add</c> and <c>reset</c> print the one-time set-password link (the
/// portal sends no e-mail); no password ever goes through the command line.
/// </summary>
internal static class UsersCommand
{
    public static Command Create(CliContext cli)
    {
        var group = new Command("users", "User administration: list, create, disable and enable logins, change roles, issue set-password links.");
        group.Subcommands.Add(List(cli));
        group.Subcommands.Add(Add(cli));
        group.Subcommands.Add(Toggle(cli, "disable", "Disable a login: it can no longer sign in and its open sessions end within a minute.", true));
        group.Subcommands.Add(Toggle(cli, "enable", "Enable a disabled login again.", false));
        group.Subcommands.Add(SetRole(cli));
        group.Subcommands.Add(Reset(cli));
        return group;
    }

    private static Argument<string> Email() => new("EMAIL") { Description = "The login's e-mail address." };

    private static Option<string> BaseUrl() =>
        CliOptions.Text("--base-url", "URL", "The portal's public address, to print the link in full (default: the path alone).");

    private static Command List(CliContext cli)
    {
        var search = CliOptions.Text("--search", "TEXT", "Only logins whose e-mail or name contains the text.");
        var json = CliOptions.Json(required: false);
        var command = new Command("list", "List the logins (100 at most), by e-mail.") { search, json };
        command.SetAction(parsed => cli.WithServicesAsync(async services =>
        {
            var page = await services.GetRequiredService<UsersService>().SearchAsync(Actor.System, new UserQuery(parsed.GetValue(search), PageSize: UserQuery.MaxPageSize));
            if (parsed.GetValue(json))
            {
                await cli.Output.WriteLineAsync(JsonSerializer.Serialize(new { page.Total, Users = page.Rows.Select(r => new
                {
                    r.Email, r.DisplayName, Role = r.Role?.ToString(), r.Region, r.Advisor, r.Disabled, r.LockedOut, r.TwoFactor,
                }) }, CliContext.Json));
                return CliApp.Done;
            }
            foreach (var row in page.Rows)
            {
                var binding = row.Region ?? row.Advisor ?? "";
                var state = row.Disabled ? "disabled" : row.LockedOut ? "locked out" : "enabled";
                await cli.Output.WriteLineAsync($"{row.Email}\t{row.Role}\t{binding}\t{state}\t{(row.TwoFactor ? "2FA" : "")}".TrimEnd());
            }
            await cli.Output.WriteLineAsync($"{page.Total} user(s).");
            return CliApp.Done;
        }));
        return command;
    }

    private static Command Add(CliContext cli)
    {
        var email = Email();
        var role = CliOptions.Role();
        var name = CliOptions.Text("--name", "NAME", "The name shown in the portal.");
        var region = CliOptions.Text("--region", "CODE", "The region a RegionalDirector is bound to (that role only).");
        var advisor = CliOptions.Text("--advisor", "EMPLOYEE_NUMBER", "The advisor record an Advisor login is linked to (that role only).");
        var baseUrl = BaseUrl();
        var command = new Command("add", "Create a login and print its one-time set-password link (valid 24 hours).") { email, role, name, region, advisor, baseUrl };
        command.SetAction(parsed => cli.WithServicesAsync(async services =>
        {
            var form = new UserForm
            {
                Email = parsed.GetRequiredValue(email), Role = parsed.GetValue(role), DisplayName = parsed.GetValue(name) ?? "",
                Region = parsed.GetValue(region), Advisor = parsed.GetValue(advisor),
            };
            var result = await services.GetRequiredService<UsersService>().CreateAsync(Actor.System, form);
            return await LinkAsync(cli, result, parsed.GetValue(baseUrl), $"User {form.Email} created as {form.Role}.");
        }));
        return command;
    }

    private static Command Toggle(CliContext cli, string name, string description, bool disabled)
    {
        var email = Email();
        var command = new Command(name, description) { email };
        command.SetAction(parsed => cli.WithServicesAsync(async services =>
        {
            var result = await services.GetRequiredService<UsersService>().SetDisabledAsync(Actor.System, parsed.GetRequiredValue(email), disabled);
            return await VerdictAsync(cli, result, $"User {parsed.GetRequiredValue(email)} {(disabled ? "disabled" : "enabled")}.");
        }));
        return command;
    }

    private static Command SetRole(CliContext cli)
    {
        var email = Email();
        var role = CliOptions.Role();
        var region = CliOptions.Text("--region", "CODE", "The region a RegionalDirector is bound to (that role only).");
        var advisor = CliOptions.Text("--advisor", "EMPLOYEE_NUMBER", "The advisor record an Advisor login is linked to (that role only).");
        var command = new Command("set-role", "Change a login's role and binding; its open sessions end within a minute.") { email, role, region, advisor };
        command.SetAction(parsed => cli.WithServicesAsync(async services =>
        {
            var form = new UserForm { Email = parsed.GetRequiredValue(email), Role = parsed.GetValue(role), Region = parsed.GetValue(region), Advisor = parsed.GetValue(advisor) };
            var result = await services.GetRequiredService<UsersService>().ChangeRoleAsync(Actor.System, form);
            return await VerdictAsync(cli, result, $"User {form.Email} is now {form.Role}.");
        }));
        return command;
    }

    private static Command Reset(CliContext cli)
    {
        var email = Email();
        var baseUrl = BaseUrl();
        var command = new Command("reset", "Issue a new one-time set-password link (valid 24 hours); earlier links and open sessions end.") { email, baseUrl };
        command.SetAction(parsed => cli.WithServicesAsync(async services =>
        {
            var result = await services.GetRequiredService<UsersService>().ResetPasswordAsync(Actor.System, parsed.GetRequiredValue(email));
            return await LinkAsync(cli, result, parsed.GetValue(baseUrl), $"New set-password link for {parsed.GetRequiredValue(email)}.");
        }));
        return command;
    }

    private static async Task<int> LinkAsync(CliContext cli, UserChangeResult result, string? baseUrl, string done)
    {
        var exit = await VerdictAsync(cli, result.Result, done);
        if (result.Link is { } link)
        {
            var address = baseUrl is { Length: > 0 } ? $"{baseUrl.TrimEnd('/')}/{link.Path}" : link.Path;
            await cli.Output.WriteLineAsync($"One-time link, valid until {link.ExpiresUtc:yyyy-MM-dd HH:mm} UTC: {address}");
        }
        return exit;
    }

    private static async Task<int> VerdictAsync(CliContext cli, SaveResult result, string done)
    {
        switch (result.Outcome)
        {
            case SaveOutcome.Saved:
                await cli.Output.WriteLineAsync(done);
                return CliApp.Done;
            case SaveOutcome.NotFound:
                await cli.Error.WriteLineAsync("error: no such user. Nothing was written.");
                return CliApp.Refused;
            default:
                var reasons = string.Join(" ", result.Errors.Select(e => $"{e.Key}: {Messages.Format(e.Value)}"));
                await cli.Error.WriteLineAsync($"error: {reasons} Nothing was written.");
                return CliApp.Refused;
        }
    }
}
