using System.CommandLine;

namespace Portal.Cli.Commands;

/// <summary><c>export advisors FILE</c>.</summary>
internal static class ExportAdvisorsCommand
{
    public static Command Create(CliContext cli)
    {
        var file = CliOptions.NewFile("The CSV file to write (replaced if it exists).");
        var command = new Command("advisors", "Write every advisor, in the format import advisors reads.") { file };
        command.SetAction(parsed => cli.WithServicesAsync(services => ImportPrinter.ExportAdvisorsAsync(services, cli, parsed.GetRequiredValue(file))));
        return command;
    }
}
