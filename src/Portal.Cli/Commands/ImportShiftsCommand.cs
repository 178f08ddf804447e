using System.CommandLine;

namespace Portal.Cli.Commands;

/// <summary><c>import shifts FILE</c>.</summary>
internal static class ImportShiftsCommand
{
    public static Command Create(CliContext cli)
    {
        var file = CliOptions.ExistingFile("The CSV file to read (employeeNumber;date;start;end;channel;breakStart;breakMinutes).");
        var command = new Command("shifts", "Replace the listed advisors' shifts on the listed days, every planning rule checked.") { file };
        command.SetAction(parsed => cli.WithServicesAsync(services => ImportPrinter.ImportShiftsAsync(services, cli, parsed.GetRequiredValue(file))));
        return command;
    }
}
