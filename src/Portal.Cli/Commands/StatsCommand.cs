using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Access;
using Portal.Services.Stats;

namespace Portal.Cli.Commands;

/// <summary><c>stats [--json]</c>: the counts of section 10 of the specification, as text or as one JSON object.</summary>
internal static class StatsCommand
{
    public static Command Create(CliContext cli)
    {
        var json = CliOptions.Json(required: false);
        var command = new Command("stats", "Print the counts: regions, sites by kind, advisors by region, courses, sessions, enrolments by status, shifts, users by role.")
        {
            json,
        };
        command.SetAction(parsed => cli.WithServicesAsync(services => PrintAsync(services, cli.Output, parsed.GetValue(json))));
        return command;
    }

    private static async Task<int> PrintAsync(IServiceProvider services, TextWriter output, bool json)
    {
        var stats = await services.GetRequiredService<StatsService>().GetAsync(Actor.System);
        if (json)
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(stats, CliContext.Json));
            return CliApp.Done;
        }
        await output.WriteLineAsync($"regions: {stats.Regions}");
        await output.WriteLineAsync($"sites: {string.Join(", ", stats.SitesByKind.Select(s => $"{s.Key} {s.Value}"))}");
        await output.WriteLineAsync($"advisors: {string.Join(", ", stats.AdvisorsByRegion.Select(a => $"{a.Key} {a.Value}"))}");
        await output.WriteLineAsync($"courses: {stats.Courses}, sessions: {stats.Sessions}");
        await output.WriteLineAsync($"enrolments: {string.Join(", ", stats.EnrolmentsByStatus.Select(e => $"{e.Key} {e.Value}"))}");
        await output.WriteLineAsync($"shifts: {stats.Shifts}, forecast intervals: {stats.ForecastIntervals}");
        await output.WriteLineAsync($"users: {string.Join(", ", stats.UsersByRole.Select(u => $"{u.Key} {u.Value}"))}");
        return CliApp.Done;
    }
}
