using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Access;
using Portal.Services.Training;

namespace Portal.Cli.Commands;

/// <summary><c>export completion FILE</c>: the completion file of every region (specification, section 10).</summary>
internal static class ExportCompletionCommand
{
    public static Command Create(CliContext cli)
    {
        var file = CliOptions.NewFile("The CSV file to write (replaced if it exists).");
        var command = new Command("completion",
            "Write one row per active in-house advisor and required course: region;site;employeeNumber;lastName;firstName;course;status;completedOn.") { file };
        command.SetAction(parsed => cli.WithServicesAsync(services => ExportAsync(services, cli, parsed.GetRequiredValue(file))));
        return command;
    }

    /// <summary>Written to a temporary file first, so a failed export never leaves half a file under the name asked for.</summary>
    private static async Task<int> ExportAsync(IServiceProvider services, CliContext cli, string file)
    {
        var partial = file + ".partial";
        int count;
        try
        {
            await using (var stream = File.Create(partial))
            {
                count = await services.GetRequiredService<TrainingCompletionService>().ExportAsync(Actor.System, stream);
            }
            File.Move(partial, file, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }
        await cli.Output.WriteLineAsync($"{count} row(s) exported to {file}.");
        return CliApp.Done;
    }
}
