using System.CommandLine;
using System.CommandLine.Parsing;
using Portal.Cli.Commands;

namespace Portal.Cli;

/// <summary>
/// Every command of the tool, one line each: a command is defined in its own file under <c>Commands/</c> and
/// registered here. A group (<c>import</c>, <c>export</c>) only holds its subcommands.
/// </summary>
internal static class CliCommands
{
    public static RootCommand Root(CliContext cli)
    {
        var root = Commands(cli);
        RequireSwitches(root);
        return root;
    }

    private static RootCommand Commands(CliContext cli) => new("Administration tool of the portal: same configuration and services as the web app. "
        + "Configuration is given as --Key=Value or --Section:Key=Value (e.g. --ConnectionStrings:Portal=\"Data Source=portal.db\").")
    {
        MigrateCommand.Create(cli),
        SeedDemoCommand.Create(cli),
        StatsCommand.Create(cli),
        AddUserCommand.Create(cli),
        UsersCommand.Create(cli),
        StaffingCommand.Create(cli),
        CoverageCommand.Create(cli),
        ReadinessCommand.Create(cli),
        RosterCommand.Create(cli),
        Group("plan", "Propose a plan to review before saving it.",
            PlanTrainingCommand.Create(cli)),
        Group("import", "Load a CSV file, all or nothing: every bad row is printed and nothing is written.",
            ImportAdvisorsCommand.Create(cli),
            ImportForecastCommand.Create(cli),
            ImportShiftsCommand.Create(cli)),
        Group("export", "Write a CSV file that the matching import reads back.",
            ExportAdvisorsCommand.Create(cli),
            ExportCompletionCommand.Create(cli),
            ExportShiftsCommand.Create(cli)),
    };

    /// <summary>
    /// System.CommandLine does not enforce <see cref="Option.Required"/> on a switch (it always has a value, false):
    /// <c>--json</c> where the result exists only as JSON is checked here, for every command at once.
    /// </summary>
    private static void RequireSwitches(Command command)
    {
        var switches = command.Options.Where(o => o.Required && o.Arity.MaximumNumberOfValues == 0).ToList();
        if (switches.Count > 0)
        {
            command.Validators.Add(result =>
            {
                // A switch taken as the value of the option before it (--week --json) is that option's missing value.
                var values = result.Children.OfType<OptionResult>().SelectMany(o => o.Tokens).Select(t => t.Value).ToHashSet();
                foreach (var option in switches.Where(o => result.GetResult(o) is not { IdentifierToken: not null } && !values.Contains(o.Name)))
                {
                    result.AddError($"'{option.Name}' is required");
                }
            });
        }
        foreach (var subcommand in command.Subcommands)
        {
            RequireSwitches(subcommand);
        }
    }

    private static Command Group(string name, string description, params Command[] commands)
    {
        var group = new Command(name, description);
        foreach (var command in commands)
        {
            group.Subcommands.Add(command);
        }
        return group;
    }
}
