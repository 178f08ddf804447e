using System.CommandLine;

namespace Portal.Cli.Commands;

/// <summary><c>import forecast FILE</c>.</summary>
internal static class ImportForecastCommand
{
    public static Command Create(CliContext cli)
    {
        var file = CliOptions.ExistingFile("The CSV file to read (region;channel;start;contacts;aht).");
        var command = new Command("forecast", "Load the forecast (contacts and handling time per region, channel and half hour).") { file };
        command.SetAction(parsed => cli.WithServicesAsync(services => ImportPrinter.ImportForecastAsync(services, cli, parsed.GetRequiredValue(file))));
        return command;
    }
}
