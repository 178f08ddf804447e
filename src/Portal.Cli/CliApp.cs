using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Portal.Domain.Access;
using Portal.Services;
using Portal.Services.Access;
using Portal.Services.Advisors;
using Portal.Services.Data;
using Portal.Services.Demo;
using Portal.Services.Forecast;
using Portal.Services.Stats;

namespace Portal.Cli;

/// <summary>
/// The administration tool: the web app's configuration and services, driven from the command line.
/// Arguments shaped <c>--Key=Value</c> or <c>--Section:Key=Value</c> are configuration; the others are the command.
/// Exit codes: 0 done, 1 refused (nothing written), 2 bad arguments (nothing written).
/// </summary>
public static class CliApp
{
    public const int Done = 0;
    public const int Refused = 1;
    public const int BadArguments = 2;

    private const string ImportUsage = "import advisors|forecast FILE";
    private const string ExportUsage = "export advisors FILE";

    private const string Commands = "migrate | seed-demo | stats [--json] | " + UserCommand.Usage + " | "
        + CoverageCommands.StaffingUsage + " | " + CoverageCommands.CoverageUsage + " | " + ImportUsage + " | " + ExportUsage;

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = true };

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error,
        Action<IHostApplicationBuilder>? configure = null, TextReader? input = null)
    {
        var configuration = args.Where(IsSetting).ToArray();
        var words = args.Where(a => !IsSetting(a)).ToArray();
        if (words.Length == 0)
        {
            await error.WriteLineAsync($"error: a command is required: {Commands}");
            return BadArguments;
        }

        var command = words[0];
        var options = words.Skip(1).ToArray();
        var (addUser, addUserError) = command == "add-user" ? UserCommand.Parse(options) : (null, null);
        var (staffing, staffingError) = command == "staffing" ? CoverageCommands.ParseStaffing(options) : (null, null);
        var (coverage, coverageError) = command == "coverage" ? CoverageCommands.ParseCoverage(options) : (null, null);
        var known = command switch
        {
            "migrate" or "seed-demo" => options.Length == 0 ? null : $"error: '{command}' takes no argument, got '{options[0]}'",
            "stats" => options.FirstOrDefault(o => o != "--json") is { } unknown ? $"error: unknown argument '{unknown}' for 'stats' (expected --json)" : null,
            "add-user" => addUserError,
            "import" => options switch
            {
                ["advisors" or "forecast", var file] => File.Exists(file) ? null : $"error: no file '{file}'",
                _ => $"error: usage: {ImportUsage}",
            },
            "export" => options switch
            {
                ["advisors", var file] => Directory.Exists(Path.GetDirectoryName(Path.GetFullPath(file))) ? null : $"error: no folder for '{file}'",
                _ => $"error: usage: {ExportUsage}",
            },
            "staffing" => staffingError,
            "coverage" => coverageError,
            _ => $"error: unknown command '{command}' (expected {Commands})",
        };
        if (known is not null)
        {
            await error.WriteLineAsync(known);
            return BadArguments;
        }

        if (staffing is not null)
        {
            // Pure arithmetic: no configuration, no database.
            return await CoverageCommands.StaffingAsync(staffing, output, error);
        }

        using var host = BuildHost(configuration, configure);
        var services = host.Services;
        try
        {
            return command switch
            {
                "migrate" => await MigrateAsync(services, output),
                "seed-demo" => await SeedDemoAsync(services, output, error),
                "add-user" => await addUser!.RunAsync(services, input ?? Console.In, output, error),
                "coverage" => await CoverageCommands.CoverageAsync(services, coverage!, output, error),
                "import" when options[0] == "advisors" => await ImportAdvisorsAsync(services, options[1], output, error),
                "import" => await ImportForecastAsync(services, options[1], output, error),
                "export" => await ExportAdvisorsAsync(services, options[1], output),
                _ => await StatsAsync(services, output, options.Contains("--json")),
            };
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            await error.WriteLineAsync($"error: {ex.Message}");
            return BadArguments;
        }
    }

    private static bool IsSetting(string arg) => arg.StartsWith("--", StringComparison.Ordinal) && arg.Contains('=', StringComparison.Ordinal);

    private static IHost BuildHost(string[] configuration, Action<IHostApplicationBuilder>? configure)
    {
        var builder = Host.CreateApplicationBuilder(configuration);
        var portalRoot = PortalRoot.Find(builder.Environment.ContentRootPath);
        builder.Configuration.AddPortalSettings(portalRoot, builder.Environment.EnvironmentName);
        // Standard output carries the command's result (JSON for --json): logs go to standard error.
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddPortalServices(portalRoot);
        configure?.Invoke(builder);
        return builder.Build();
    }

    private static async Task<int> MigrateAsync(IServiceProvider services, TextWriter output)
    {
        await MigrateAndCreateRolesAsync(services);
        await output.WriteLineAsync("Migrations applied.");
        return Done;
    }

    private static async Task<int> SeedDemoAsync(IServiceProvider services, TextWriter output, TextWriter error)
    {
        await MigrateAndCreateRolesAsync(services);
        using var scope = services.CreateScope();
        var development = scope.ServiceProvider.GetRequiredService<IHostEnvironment>().IsDevelopment();
        var seeded = await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(withAccounts: development);
        if (!seeded)
        {
            await error.WriteLineAsync("error: the database is not empty; the demo is created only in an empty database. Nothing was written.");
            return Refused;
        }
        await output.WriteLineAsync(development
            ? "Demo data and demo logins created."
            : "Demo data created (demo logins are created only in the Development environment).");
        return Done;
    }

    private static async Task<int> StatsAsync(IServiceProvider services, TextWriter output, bool json)
    {
        using var scope = services.CreateScope();
        var stats = await scope.ServiceProvider.GetRequiredService<StatsService>().GetAsync(Actor.System);
        if (json)
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(stats, Json));
            return Done;
        }
        await output.WriteLineAsync($"regions: {stats.Regions}");
        await output.WriteLineAsync($"sites: {string.Join(", ", stats.SitesByKind.Select(s => $"{s.Key} {s.Value}"))}");
        await output.WriteLineAsync($"advisors: {string.Join(", ", stats.AdvisorsByRegion.Select(a => $"{a.Key} {a.Value}"))}");
        await output.WriteLineAsync($"courses: {stats.Courses}, sessions: {stats.Sessions}");
        await output.WriteLineAsync($"enrolments: {string.Join(", ", stats.EnrolmentsByStatus.Select(e => $"{e.Key} {e.Value}"))}");
        await output.WriteLineAsync($"shifts: {stats.Shifts}, forecast intervals: {stats.ForecastIntervals}");
        await output.WriteLineAsync($"users: {string.Join(", ", stats.UsersByRole.Select(u => $"{u.Key} {u.Value}"))}");
        return Done;
    }

    /// <summary>A refused import: every bad row on standard error, then the one-line verdict; nothing was written.</summary>
    private static async Task<int> RefuseImportAsync(TextWriter error, IEnumerable<string> messages, int more)
    {
        foreach (var message in messages)
        {
            await error.WriteLineAsync(message);
        }
        if (more > 0)
        {
            await error.WriteLineAsync($"... +{more}");
        }
        await error.WriteLineAsync("error: nothing was imported.");
        return Refused;
    }

    /// <summary>All or nothing: every bad row is printed on standard error and nothing is written (exit 1).</summary>
    private static async Task<int> ImportForecastAsync(IServiceProvider services, string file, TextWriter output, TextWriter error)
    {
        using var scope = services.CreateScope();
        await using var stream = File.OpenRead(file);
        var result = await scope.ServiceProvider.GetRequiredService<ForecastImportService>().ImportAsync(Actor.System, stream);
        if (!result.Succeeded)
        {
            return await RefuseImportAsync(error, result.Errors.Select(e => e.Message), result.MoreErrors);
        }
        await output.WriteLineAsync($"{result.Counts.Rows} row(s) imported: {result.Counts.Created} intervals stored over {result.Counts.Replaced} day(s).");
        return Done;
    }

    /// <summary>All or nothing, as the forecast import: every bad row on standard error, nothing written (exit 1).</summary>
    private static async Task<int> ImportAdvisorsAsync(IServiceProvider services, string file, TextWriter output, TextWriter error)
    {
        using var scope = services.CreateScope();
        await using var stream = File.OpenRead(file);
        var result = await scope.ServiceProvider.GetRequiredService<AdvisorImportService>().ImportAsync(Actor.System, stream);
        if (!result.Succeeded)
        {
            return await RefuseImportAsync(error, result.Errors.Select(e => e.Message), result.MoreErrors);
        }
        await output.WriteLineAsync($"{result.Counts.Created} advisor(s) created, {result.Counts.Updated} updated, {result.Counts.Unchanged} unchanged.");
        return Done;
    }

    /// <summary>Written to a temporary file first, so a failed export never leaves half a file under the name asked for.</summary>
    private static async Task<int> ExportAdvisorsAsync(IServiceProvider services, string file, TextWriter output)
    {
        using var scope = services.CreateScope();
        var partial = file + ".partial";
        int count;
        try
        {
            await using (var stream = File.Create(partial))
            {
                count = await scope.ServiceProvider.GetRequiredService<AdvisorExportService>().ExportAsync(Actor.System, stream);
            }
            File.Move(partial, file, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }
        await output.WriteLineAsync($"{count} advisor(s) exported to {file}.");
        return Done;
    }

    private static async Task MigrateAndCreateRolesAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        await using (var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            await DatabaseSetup.MigrateAsync(db);
        }
        await IdentitySetup.EnsureRolesAsync(scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>());
    }
}
