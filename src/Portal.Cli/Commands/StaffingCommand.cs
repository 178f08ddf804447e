using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Portal.Domain.Staffing;
using Portal.Services;
using Portal.Services.Coverage;

namespace Portal.Cli.Commands;

/// <summary>
/// <c>staffing</c>: one interval's requirement from its inputs, as the calculator page computes it. Pure arithmetic:
/// no configuration, no database. The bounds are the calculator's own validator, never repeated here.
/// </summary>
internal static class StaffingCommand
{
    private static readonly StaffingInputValidator Validator = new();

    public static Command Create(CliContext cli)
    {
        var contacts = CliOptions.Number("--contacts", "N", "Contacts arriving in the interval.");
        var aht = CliOptions.Number("--aht", "SECONDS", "Average handling time of a contact, in seconds.");
        var minutes = CliOptions.WholeNumber("--interval-minutes", "M", "Length of the interval, in whole minutes.");
        var target = CliOptions.Number("--target", "P", "Service level target: the share answered within --answer-seconds (0.8 or 80).");
        var answer = CliOptions.Number("--answer-seconds", "T", "Target answer time, in seconds.");
        var shrinkage = CliOptions.Number("--shrinkage", "S", "Share of scheduled time not on the queue (0.3 or 30).", fallback: 0);
        var occupancy = CliOptions.Number("--max-occupancy", "O", "Occupancy cap of the agents on the queue (0.9 or 90).", fallback: 0.9);
        var concurrency = CliOptions.WholeNumber("--concurrency", "C", "Contacts an advisor handles at once (chat).", fallback: 1);
        var json = CliOptions.Json(required: true);
        var command = new Command("staffing", "Compute the requirement of one interval (Erlang C): traffic, agents, service level, answer time, occupancy, staff to schedule.")
        {
            contacts, aht, minutes, target, answer, shrinkage, occupancy, concurrency, json,
        };
        // Which option fills which field of the input, so the validator's failure names what the user typed.
        var fields = new Dictionary<string, Option>
        {
            [nameof(StaffingInput.Contacts)] = contacts,
            [nameof(StaffingInput.AverageHandlingSeconds)] = aht,
            [nameof(StaffingInput.IntervalSeconds)] = minutes,
            [nameof(StaffingInput.ServiceLevelTarget)] = target,
            [nameof(StaffingInput.TargetAnswerSeconds)] = answer,
            [nameof(StaffingInput.Shrinkage)] = shrinkage,
            [nameof(StaffingInput.MaxOccupancy)] = occupancy,
            [nameof(StaffingInput.Concurrency)] = concurrency,
        };
        command.SetAction(async parsed =>
        {
            var input = new StaffingInput(
                parsed.GetValue(contacts),
                parsed.GetValue(aht),
                (int)Math.Min(parsed.GetValue(minutes) * 60L, int.MaxValue),
                Percent(parsed.GetValue(target)),
                parsed.GetValue(answer),
                Percent(parsed.GetValue(shrinkage)),
                Percent(parsed.GetValue(occupancy)),
                parsed.GetValue(concurrency));
            if (Validator.Validate(input).Errors is [var failure, ..])
            {
                return await RefuseAsync(cli, parsed, fields[failure.PropertyName], failure.ErrorMessage);
            }
            var result = ErlangC.Required(input);
            if (result.Unstaffable)
            {
                // The validator's size check is on the traffic; the agents a service level needs can still pass the cap.
                return await RefuseAsync(cli, parsed, contacts, "Calculator_Invalid_TooLarge");
            }
            await cli.Output.WriteLineAsync(JsonSerializer.Serialize(new
            {
                traffic = Math.Round(result.Traffic, 6),
                agents = result.Agents,
                serviceLevel = Math.Round(result.ServiceLevel, 6),
                asa = Math.Round(result.AverageSpeedOfAnswer, 6),
                occupancy = Math.Round(result.Occupancy, 6),
                scheduled = result.Scheduled,
            }, CliContext.Json));
            return CliApp.Done;
        });
        return command;
    }

    /// <summary>80 and 0.8 both mean 80%.</summary>
    private static double Percent(double value) => value > 1 ? value / 100 : value;

    private static async Task<int> RefuseAsync(CliContext cli, ParseResult parsed, Option option, string messageKey)
    {
        var typed = parsed.GetResult(option)?.Tokens is [var token] ? token.Value : Convert.ToString(option.GetDefaultValue(), CultureInfo.InvariantCulture);
        await cli.Error.WriteLineAsync($"error: '{option.Name}' must be in bounds, got '{typed}': {Messages.Format(messageKey)}");
        return CliApp.BadArguments;
    }
}
