using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Access;
using Portal.Services.Advisors;
using Portal.Services.Assignments;
using Portal.Services.Files;
using Portal.Services.Forecast;

namespace Portal.Cli.Commands;

/// <summary>
/// The one place that runs the CSV imports and exports and prints what they did. Imports are all or nothing: a
/// refused file gets every bad row on standard error, then one verdict line, and exit 1.
/// </summary>
internal static class ImportPrinter
{
    public static Task<int> ImportAdvisorsAsync(IServiceProvider services, CliContext cli, string file) =>
        ImportAsync(cli, file, stream => services.GetRequiredService<AdvisorImportService>().ImportAsync(Actor.System, stream),
            counts => $"{counts.Created} advisor(s) created, {counts.Updated} updated, {counts.Unchanged} unchanged.");

    public static Task<int> ImportForecastAsync(IServiceProvider services, CliContext cli, string file) =>
        ImportAsync(cli, file, stream => services.GetRequiredService<ForecastImportService>().ImportAsync(Actor.System, stream),
            counts => $"{counts.Rows} row(s) imported: {counts.Created} intervals stored over {counts.Replaced} day(s).");

    public static Task<int> ImportShiftsAsync(IServiceProvider services, CliContext cli, string file) =>
        ImportAsync(cli, file, stream => services.GetRequiredService<ShiftFileService>().ImportAsync(Actor.System, stream),
            counts => $"{counts.Rows} row(s) imported: {counts.Created} shift(s) stored over {counts.Replaced} advisor day(s).");

    private static async Task<int> ImportAsync(CliContext cli, string file, Func<Stream, Task<ImportResult>> import, Func<ImportCounts, string> summary)
    {
        await using var stream = File.OpenRead(file);
        var result = await import(stream);
        return result.Succeeded
            ? await DoneAsync(cli, summary(result.Counts))
            : await RefuseAsync(cli, result.Errors.Select(e => e.Message), result.MoreErrors);
    }

    /// <summary>Written to a temporary file first, so a failed export never leaves half a file under the name asked for.</summary>
    public static async Task<int> ExportAdvisorsAsync(IServiceProvider services, CliContext cli, string file)
    {
        var partial = file + ".partial";
        int count;
        try
        {
            await using (var stream = File.Create(partial))
            {
                count = await services.GetRequiredService<AdvisorExportService>().ExportAsync(Actor.System, stream);
            }
            File.Move(partial, file, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }
        return await DoneAsync(cli, $"{count} advisor(s) exported to {file}.");
    }

    private static async Task<int> DoneAsync(CliContext cli, string summary)
    {
        await cli.Output.WriteLineAsync(summary);
        return CliApp.Done;
    }

    private static async Task<int> RefuseAsync(CliContext cli, IEnumerable<string> messages, int more)
    {
        foreach (var message in messages)
        {
            await cli.Error.WriteLineAsync(message);
        }
        if (more > 0)
        {
            await cli.Error.WriteLineAsync($"... +{more}");
        }
        await cli.Error.WriteLineAsync("error: nothing was imported.");
        return CliApp.Refused;
    }
}
