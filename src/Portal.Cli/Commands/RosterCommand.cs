using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Access;
using Portal.Services;
using Portal.Services.Roster;

namespace Portal.Cli.Commands;

/// <summary>
/// <c>roster --region CODE --week YYYY-MM-DD [--channel NAME] [--seconds N] [--out FILE] [--apply] --json</c>: proposes a
/// region's week, prints its figures, writes it as a shift file, saves it through the service the planner uses.
/// </summary>
internal static class RosterCommand
{
    public static Command Create(CliContext cli)
    {
        var region = CliOptions.Text("--region", "CODE", "The region's code (e.g. BPL).", required: true);
        var week = CliOptions.Date("--week", "A day of the week to plan (the week starts on its Monday).");
        var channel = CliOptions.Text("--channel", "NAME", "The channel's code, e.g. Voice (default: every channel).");
        var seconds = CliOptions.WholeNumber("--seconds", "N", "The solver's time limit in seconds (default: the configured one).", fallback: 0);
        var output = CliOptions.Text("--out", "FILE", "Write the proposed week in the shift file format (replaced if it exists).");
        var apply = new Option<bool>("--apply") { Description = "Save the proposal (all or nothing, every planning rule checked again).", Arity = ArgumentArity.Zero };
        var json = CliOptions.Json(required: true);
        var command = new Command("roster", "Propose a region's week of shifts: uncovered and over-covered staff-hours before and after, the lower bound on the uncovered ones.")
        {
            region, week, channel, seconds, output, apply, json,
        };
        command.SetAction(parsed => cli.WithServicesAsync(services => RunAsync(services, cli,
            new RosterQuery(parsed.GetRequiredValue(region), parsed.GetValue(week), parsed.GetValue(channel) is { } c ? [c] : null,
                parsed.GetValue(seconds) is > 0 and var s ? s : null),
            parsed.GetValue(output), parsed.GetValue(apply))));
        return command;
    }

    private static async Task<int> RunAsync(IServiceProvider services, CliContext cli, RosterQuery query, string? file, bool apply)
    {
        var service = services.GetRequiredService<RosterService>();
        var proposal = await service.ProposeAsync(Actor.System, query);
        if (proposal is null)
        {
            await cli.Error.WriteLineAsync($"error: no region '{query.RegionCode}'{(query.Channels is null ? "" : $" or no channel '{query.Channels[0]}'")}");
            return CliApp.BadArguments;
        }
        if (file is not null)
        {
            await using var stream = File.Create(file);
            await service.WriteShiftFileAsync(proposal, stream);
        }
        if (apply)
        {
            var result = await service.ApplyAsync(Actor.System, proposal);
            if (result.Outcome != SaveOutcome.Saved)
            {
                foreach (var message in result.Messages.DefaultIfEmpty(result.Outcome.ToString()))
                {
                    await cli.Error.WriteLineAsync($"error: {message}");
                }
                return CliApp.Refused;
            }
        }
        var draft = proposal.Draft;
        await cli.Output.WriteLineAsync(JsonSerializer.Serialize(new
        {
            region = proposal.Region.Code,
            week = proposal.Monday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            uncoveredBefore = draft.Before.Uncovered,
            uncoveredAfter = draft.After.Uncovered,
            overCoveredBefore = draft.Before.OverCovered,
            overCoveredAfter = draft.After.OverCovered,
            // The bound on the whole gap, as the uncovered figures beside it count the whole gap (not the core one).
            lowerBound = draft.LowerBound,
            shifts = draft.Shifts.Count,
            seconds = Math.Round(draft.Seconds, 2),
        }, CliContext.Json));
        return CliApp.Done;
    }
}
