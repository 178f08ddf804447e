using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Access;
using Portal.Services.Training;
using Portal.Services.TrainingPlan;

namespace Portal.Cli.Commands;

/// <summary>
/// <c>plan training --region CODE --by YYYY-MM-DD [--seconds N] [--apply] --json</c>: proposes the sessions that bring a
/// region's training gate to its threshold by the date (or says the earliest date that can), prints them, and saves
/// them through the service the rollout page uses.
/// </summary>
internal static class PlanTrainingCommand
{
    public static Command Create(CliContext cli)
    {
        var region = CliOptions.Text("--region", "CODE", "The region's code (e.g. BPL).", required: true);
        var by = CliOptions.Date("--by", "The switch date the training gate must pass on.");
        var seconds = CliOptions.WholeNumber("--seconds", "N", "The solver's time limit in seconds (default: the configured one).", fallback: 0);
        var apply = new Option<bool>("--apply") { Description = "Create the sessions and enrolments (all or nothing, every training rule checked again).", Arity = ArgumentArity.Zero };
        var json = CliOptions.Json(required: true);
        var command = new Command("training", "Propose the training sessions to a region's switch: the training gate reached, the earliest date, the coverage lost.")
        {
            region, by, seconds, apply, json,
        };
        command.SetAction(parsed => cli.WithServicesAsync(services => RunAsync(services, cli, parsed.GetRequiredValue(region), parsed.GetValue(by),
            parsed.GetValue(seconds) is > 0 and var s ? s : null, parsed.GetValue(apply))));
        return command;
    }

    private static async Task<int> RunAsync(IServiceProvider services, CliContext cli, string regionCode, DateOnly by, int? seconds, bool apply)
    {
        var service = services.GetRequiredService<TrainingPlanService>();
        var proposal = await service.ProposeAsync(Actor.System, regionCode, by, seconds);
        if (proposal is null)
        {
            await cli.Error.WriteLineAsync($"error: no region '{regionCode}'");
            return CliApp.BadArguments;
        }
        if (apply)
        {
            var result = await service.AcceptAsync(Actor.System, proposal);
            if (result.Outcome != TrainingOutcome.Saved)
            {
                var messages = result.Refusals.Select(r => $"{r.EmployeeNumber}: {r.Text}").Concat(result.Conflicts ?? []).ToList();
                if (result.DaysRefused is { } key)
                {
                    messages.Add(Portal.Services.Messages.Format(key));
                }
                foreach (var message in messages.DefaultIfEmpty(result.Outcome.ToString()))
                {
                    await cli.Error.WriteLineAsync($"error: {message}");
                }
                return CliApp.Refused;
            }
        }
        var plan = proposal.Plan;
        await cli.Output.WriteLineAsync(JsonSerializer.Serialize(new
        {
            region = proposal.Region.Code,
            by = Day(plan.Target),
            reachable = plan.Reachable,
            earliestDate = plan.EarliestDate is { } e ? Day(e) : null,
            g2AtTarget = Math.Round(plan.G2AtTarget, 4),
            coverageLostStaffHours = plan.CoverageLostStaffHours,
            sessions = plan.Sessions.Select(s => new
            {
                course = s.Course,
                site = s.Site,
                days = s.Days.Select(Day).ToList(),
                capacity = s.Capacity,
                advisors = proposal.Numbers(s),
            }),
        }, CliContext.Json));
        return CliApp.Done;
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
