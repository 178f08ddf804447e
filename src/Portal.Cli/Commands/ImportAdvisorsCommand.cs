using System.CommandLine;

namespace Portal.Cli.Commands;

/// <summary><c>import advisors FILE</c>.</summary>
internal static class ImportAdvisorsCommand
{
    public static Command Create(CliContext cli)
    {
        var file = CliOptions.ExistingFile("The CSV file to read (employeeNumber;lastName;firstName;site;workingTimePercent;active;skills[;team]).");
        var command = new Command("advisors", "Load advisors (employee number, names, site, working time, skills): created, updated or left unchanged.") { file };
        command.SetAction(parsed => cli.WithServicesAsync(services => ImportPrinter.ImportAdvisorsAsync(services, cli, parsed.GetRequiredValue(file))));
        return command;
    }
}
