using System.CommandLine;
using Portal.Cli.Commands;

namespace Portal.Cli;

/// <summary>
/// Every command of the tool, one line each: a command is defined in its own file under <c>Commands/</c> and
/// registered here. A group (<c>import</c>, <c>export</c>) only holds its subcommands.
/// </summary>
internal static class CliCommands
{
    public static RootCommand Root(CliContext cli) => new("Administration tool of the portal: same configuration and services as the web app. "
        + "Configuration is given as --Key=Value or --Section:Key=Value (e.g. --ConnectionStrings:Portal=\"Data Source=portal.db\").")
    {
        MigrateCommand.Create(cli),
        SeedDemoCommand.Create(cli),
        StatsCommand.Create(cli),
        AddUserCommand.Create(cli),
        StaffingCommand.Create(cli),
        CoverageCommand.Create(cli),
        Group("import", "Load a CSV file, all or nothing: every bad row is printed and nothing is written.",
            ImportAdvisorsCommand.Create(cli),
            ImportForecastCommand.Create(cli)),
        Group("export", "Write a CSV file that the matching import reads back.",
            ExportAdvisorsCommand.Create(cli)),
    };

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
