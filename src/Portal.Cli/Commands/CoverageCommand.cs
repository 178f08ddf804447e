using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Access;
using Portal.Services.Coverage;

namespace Portal.Cli.Commands;

/// <summary><c>coverage --region CODE --week YYYY-MM-DD [--channel NAME] --json</c>: a region's week, as the page shows it.</summary>
internal static class CoverageCommand
{
    public static Command Create(CliContext cli)
    {
        var region = CliOptions.Text("--region", "CODE", "The region's code (e.g. BPL).", required: true);
        var week = CliOptions.Date("--week", "A day of the week to show (the week starts on its Monday).");
        var channel = CliOptions.Text("--channel", "NAME", "The channel's code, e.g. Chat (default: the first channel).");
        var json = CliOptions.Json(required: true);
        var command = new Command("coverage", "Print a region's coverage for a week: per half hour, required, in-house, subcontracted, gap and losses.")
        {
            region, week, channel, json,
        };
        command.SetAction(parsed => cli.WithServicesAsync(services =>
            PrintAsync(services, cli, parsed.GetRequiredValue(region), parsed.GetValue(week), parsed.GetValue(channel))));
        return command;
    }

    private static async Task<int> PrintAsync(IServiceProvider services, CliContext cli, string region, DateOnly week, string? channel)
    {
        var view = await services.GetRequiredService<CoverageService>().GetWeekAsync(Actor.System, region, week, channel);
        if (view is null)
        {
            await cli.Error.WriteLineAsync($"error: no region '{region}'{(channel is null ? "" : $" or no channel '{channel}'")}");
            return CliApp.BadArguments;
        }
        await cli.Output.WriteLineAsync(JsonSerializer.Serialize(new
        {
            region = view.Region.Code,
            week = view.Week.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            channel = view.Channel.Code,
            days = view.Days.Select(d => new
            {
                date = d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                requiredStaffHours = d.RequiredStaffHours,
                suppliedStaffHours = d.SuppliedStaffHours,
                intervals = d.Cells.Select(c => new
                {
                    start = c.Interval.LocalStart.ToString("HH:mm", CultureInfo.InvariantCulture),
                    startUtc = c.Interval.StartUtc.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
                    slot = c.Slot.ToString(),
                    contacts = Math.Round(c.Contacts, 2),
                    required = c.Required,
                    agents = c.Requirement.Agents,
                    serviceLevel = Math.Round(c.Requirement.ServiceLevel, 4),
                    asa = Math.Round(c.Requirement.AverageSpeedOfAnswer, 1),
                    inHouse = c.InHouse,
                    subcontracted = c.Subcontracted,
                    gap = c.Gap,
                    coverage = Math.Round(c.Coverage, 4),
                    status = c.Status.ToString(),
                    lost = new { training = c.Losses.Training, absence = c.Losses.Absence, notCertified = c.Losses.NotCertified, subcontractorsAfterSwitch = c.Losses.SubcontractorsAfterSwitch },
                }),
            }),
        }, CliContext.Json));
        return CliApp.Done;
    }
}
