using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Access;
using Portal.Domain.Rollout;
using Portal.Services.Rollout;

namespace Portal.Cli.Commands;

/// <summary>
/// <c>readiness --region CODE --date YYYY-MM-DD --json</c>: a region's gates at a date, as the readiness page shows them;
/// <c>readiness --region CODE --outlook --json</c>: the outlook (the planned date and the coming sixteen Mondays).
/// </summary>
internal static class ReadinessCommand
{
    // The gates' sentences are for people: accented letters are written as they are, not escaped.
    private static readonly JsonSerializerOptions Json = new(CliContext.Json)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    public static Command Create(CliContext cli)
    {
        var region = CliOptions.Text("--region", "CODE", "The region's code (e.g. BPL).", required: true);
        var date = CliOptions.Date("--date", "The switch date the gates are evaluated for.");
        // One of --date and --outlook: checked below, so that the missing one is named.
        date.Required = false;
        var outlook = new Option<bool>("--outlook") { Description = "Print the outlook instead: the planned date and every Monday of the coming 16 weeks, with the plan." };
        var json = CliOptions.Json(required: true);
        var command = new Command("readiness", "Print a region's readiness gates (G1 to G4) for a switch date, or its outlook.")
        {
            region, date, outlook, json,
        };
        command.Validators.Add(result =>
        {
            var dated = result.GetResult(date) is { IdentifierToken: not null };
            var ahead = result.GetResult(outlook) is { IdentifierToken: not null };
            if (dated == ahead)
            {
                result.AddError(dated ? "'--date' and '--outlook' cannot be given together" : "'--date' or '--outlook' is required");
            }
        });
        command.SetAction(parsed => cli.WithServicesAsync(services => parsed.GetValue(outlook)
            ? PrintOutlookAsync(services, cli, parsed.GetRequiredValue(region))
            : PrintAsync(services, cli, parsed.GetRequiredValue(region), parsed.GetValue(date))));
        return command;
    }

    private static async Task<int> PrintAsync(IServiceProvider services, CliContext cli, string region, DateOnly date)
    {
        var view = await services.GetRequiredService<ReadinessService>().GetAsync(Actor.System, region, date);
        if (view is null)
        {
            await cli.Error.WriteLineAsync($"error: no region '{region}'");
            return CliApp.BadArguments;
        }
        await cli.Output.WriteLineAsync(JsonSerializer.Serialize(new
        {
            region = view.Region.Code,
            date = Iso(view.Date),
            ready = view.Ready,
            gates = Gates(view),
        }, Json));
        return CliApp.Done;
    }

    private static async Task<int> PrintOutlookAsync(IServiceProvider services, CliContext cli, string region)
    {
        var view = await services.GetRequiredService<ReadinessService>().OutlookAsync(Actor.System, region);
        if (view is null)
        {
            await cli.Error.WriteLineAsync($"error: no region '{region}'");
            return CliApp.BadArguments;
        }
        await cli.Output.WriteLineAsync(JsonSerializer.Serialize(new
        {
            region = view.Region.Code,
            weeks = view.Weeks.Select(w => new { date = Iso(w.Date), ready = w.Ready, gates = Gates(w) }),
            earliestReady = view.EarliestReady is { } earliest ? Iso(earliest) : null,
        }, Json));
        return CliApp.Done;
    }

    private static IEnumerable<object> Gates(ReadinessView view) => view.Gates.Select(g => new
    {
        code = g.Code.ToString(),
        passes = g.Passes,
        value = Math.Round(g.Value, 4),
        threshold = g.Threshold,
        text = g.Text,
        channels = g.Channels.Select(c => Channel(g.Code, c)),
    });

    private static object Channel(GateCode gate, ChannelGate c) => gate == GateCode.G4
        ? new { channel = c.Channel, passes = c.Passes, value = Math.Round(c.Value, 4), threshold = c.Threshold, lowestInterval = Math.Round(c.LowestInterval ?? 0, 4), intervalFloor = c.IntervalFloor ?? 0 }
        : new { channel = c.Channel, passes = c.Passes, value = c.Value, threshold = c.Threshold };

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
