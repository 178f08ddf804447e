using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Access;
using Portal.Services.Assignments;

namespace Portal.Cli.Commands;

/// <summary><c>export shifts --region CODE --week YYYY-MM-DD FILE</c>: a region's week in the file <c>import shifts</c> reads.</summary>
internal static class ExportShiftsCommand
{
    public static Command Create(CliContext cli)
    {
        var region = CliOptions.Text("--region", "CODE", "The region's code (e.g. BPL).", required: true);
        var week = CliOptions.Date("--week", "A day of the week to write (the week starts on its Monday).");
        var file = CliOptions.NewFile("The CSV file to write (replaced if it exists).");
        var command = new Command("shifts", "Write a region's shifts of one week: employeeNumber;date;start;end;channel;breakStart;breakMinutes.")
        {
            region, week, file,
        };
        command.SetAction(parsed => cli.WithServicesAsync(services =>
            ExportAsync(services, cli, parsed.GetRequiredValue(region), parsed.GetValue(week), parsed.GetRequiredValue(file))));
        return command;
    }

    /// <summary>Written to a temporary file first, so a failed export never leaves half a file under the name asked for.</summary>
    private static async Task<int> ExportAsync(IServiceProvider services, CliContext cli, string region, DateOnly week, string file)
    {
        var partial = file + ".partial";
        int? count;
        try
        {
            await using (var stream = File.Create(partial))
            {
                count = await services.GetRequiredService<ShiftFileService>().ExportAsync(Actor.System, region, week, stream);
            }
            if (count is not null)
            {
                File.Move(partial, file, overwrite: true);
            }
        }
        finally
        {
            File.Delete(partial);
        }
        if (count is null)
        {
            await cli.Error.WriteLineAsync($"error: no region '{region}'");
            return CliApp.BadArguments;
        }
        await cli.Output.WriteLineAsync($"{count} shift(s) exported to {file}.");
        return CliApp.Done;
    }
}
