using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Access;
using Portal.Domain.Coverage;
using Portal.Domain.Staffing;
using Portal.Services.Coverage;

namespace Portal.Cli;

/// <summary><c>staffing</c> (one interval's requirement from its inputs) and <c>coverage</c> (a region's week, as the page shows it).</summary>
internal static class CoverageCommands
{
    public const string StaffingUsage = "staffing --contacts N --aht SECONDS --interval-minutes M --target P --answer-seconds T [--shrinkage S] [--max-occupancy O] [--concurrency C] --json";
    public const string CoverageUsage = "coverage --region CODE --week YYYY-MM-DD [--channel NAME] --json";

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = true };

    /// <summary>Reads <c>--name value</c> pairs and the <c>--json</c> switch; the one-line error names the argument.</summary>
    public static (Dictionary<string, string>? Values, string? Error) Options(string command, string[] words, string[] allowed)
    {
        var values = new Dictionary<string, string>();
        for (var i = 0; i < words.Length; i++)
        {
            var name = words[i];
            if (name == "--json")
            {
                values["json"] = "true";
                continue;
            }
            if (!name.StartsWith("--", StringComparison.Ordinal) || !allowed.Contains(name[2..]))
            {
                return (null, $"error: unknown argument '{name}' for '{command}'");
            }
            if (i + 1 >= words.Length || words[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                return (null, $"error: '{name}' needs a value");
            }
            values[name[2..]] = words[++i];
        }
        return (values, null);
    }

    public static (StaffingInput? Input, string? Error) ParseStaffing(string[] words)
    {
        var (values, error) = Options("staffing", words,
            ["contacts", "aht", "interval-minutes", "target", "answer-seconds", "shrinkage", "max-occupancy", "concurrency"]);
        if (values is null)
        {
            return (null, error);
        }
        foreach (var required in new[] { "contacts", "aht", "interval-minutes", "target", "answer-seconds" })
        {
            if (!values.ContainsKey(required))
            {
                return (null, $"error: '--{required}' is required ({StaffingUsage})");
            }
        }
        if (!values.ContainsKey("json"))
        {
            return (null, "error: '--json' is required: the result is printed as JSON");
        }

        double Number(string name, double fallback) => values.TryGetValue(name, out var text)
            ? double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value : double.NaN
            : fallback;
        var fields = new (string Name, double Value, Func<double, bool> Valid, string Rule)[]
        {
            ("contacts", Number("contacts", 0), v => v >= 0, "a number of contacts, 0 or more"),
            ("aht", Number("aht", 0), v => v > 0, "an average handling time in seconds, above 0"),
            ("interval-minutes", Number("interval-minutes", 0), v => v > 0 && v == Math.Floor(v), "a whole number of minutes, above 0"),
            ("target", Percent(Number("target", 0)), v => v > 0 && v < 1, "a service level above 0 and below 100% (0.8 or 80)"),
            ("answer-seconds", Number("answer-seconds", 0), v => v >= 0, "a number of seconds, 0 or more"),
            ("shrinkage", Percent(Number("shrinkage", 0)), v => v >= 0 && v < 1, "a share from 0 to below 100% (0.3 or 30)"),
            ("max-occupancy", Percent(Number("max-occupancy", 0.9)), v => v > 0 && v <= 1, "a share above 0 and up to 100% (0.9 or 90)"),
            ("concurrency", Number("concurrency", 1), v => v >= 1 && v == Math.Floor(v), "a whole number, 1 or more"),
        };
        foreach (var field in fields)
        {
            if (double.IsNaN(field.Value) || !field.Valid(field.Value))
            {
                return (null, $"error: '--{field.Name}' must be {field.Rule}, got '{values.GetValueOrDefault(field.Name)}'");
            }
        }
        return (new StaffingInput(fields[0].Value, fields[1].Value, (int)(fields[2].Value * 60), fields[3].Value, fields[4].Value,
            fields[5].Value, fields[6].Value, (int)fields[7].Value), null);
    }

    /// <summary>80 and 0.8 both mean 80%.</summary>
    private static double Percent(double value) => value > 1 ? value / 100 : value;

    public static async Task<int> StaffingAsync(StaffingInput input, TextWriter output, TextWriter error)
    {
        StaffingResult result;
        try
        {
            result = ErlangC.Required(input);
        }
        catch (ArgumentOutOfRangeException)
        {
            result = StaffingResult.CannotBeStaffed(double.NaN);
        }
        // Typed inputs that no queue can be sized for are a typing error here, as on the calculator page.
        if (result.Unstaffable)
        {
            await error.WriteLineAsync($"error: '--contacts' and '--aht' need more than {ErlangC.MaxAgents:N0} agents in one interval: check the values");
            return CliApp.BadArguments;
        }
        await output.WriteLineAsync(JsonSerializer.Serialize(new
        {
            traffic = Math.Round(result.Traffic, 6),
            agents = result.Agents,
            serviceLevel = Math.Round(result.ServiceLevel, 6),
            asa = Math.Round(result.AverageSpeedOfAnswer, 6),
            occupancy = Math.Round(result.Occupancy, 6),
            scheduled = result.Scheduled,
        }, Json));
        return CliApp.Done;
    }

    public static (CoverageRequest? Request, string? Error) ParseCoverage(string[] words)
    {
        var (values, error) = Options("coverage", words, ["region", "week", "channel"]);
        if (values is null)
        {
            return (null, error);
        }
        if (!values.TryGetValue("region", out var region))
        {
            return (null, $"error: '--region' is required ({CoverageUsage})");
        }
        if (!values.TryGetValue("week", out var weekText))
        {
            return (null, $"error: '--week' is required ({CoverageUsage})");
        }
        if (!DateOnly.TryParseExact(weekText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var week))
        {
            return (null, $"error: '--week' must be a date as YYYY-MM-DD, got '{weekText}'");
        }
        if (!values.ContainsKey("json"))
        {
            return (null, "error: '--json' is required: the result is printed as JSON");
        }
        return (new CoverageRequest(region, week, values.GetValueOrDefault("channel")), null);
    }

    public static async Task<int> CoverageAsync(IServiceProvider services, CoverageRequest request, TextWriter output, TextWriter error)
    {
        using var scope = services.CreateScope();
        var view = await scope.ServiceProvider.GetRequiredService<CoverageService>().GetWeekAsync(Actor.System, request.Region, request.Week, request.Channel);
        if (view is null)
        {
            await error.WriteLineAsync($"error: no region '{request.Region}'{(request.Channel is null ? "" : $" or no channel '{request.Channel}'")}");
            return CliApp.BadArguments;
        }
        await output.WriteLineAsync(JsonSerializer.Serialize(new
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
        }, Json));
        return CliApp.Done;
    }
}

internal sealed record CoverageRequest(string Region, DateOnly Week, string? Channel);
