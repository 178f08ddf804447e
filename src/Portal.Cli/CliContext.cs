using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Portal.Services;
using Portal.Services.Data;

namespace Portal.Cli;

/// <summary>What every command's action may use: the writers, standard input, and the app's services on demand.</summary>
internal sealed class CliContext(TextWriter output, TextWriter error, TextReader input, string[] settings, Action<IHostApplicationBuilder>? configure)
{
    public static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = true };

    public TextWriter Output { get; } = output;

    public TextWriter Error { get; } = error;

    public TextReader Input { get; } = input;

    /// <summary>Runs <paramref name="run"/> in one scope of a host built from the configuration arguments.</summary>
    public async Task<int> WithServicesAsync(Func<IServiceProvider, Task<int>> run)
    {
        using var host = BuildHost();
        using var scope = host.Services.CreateScope();
        await KeyRingStartup.EnsureCurrentKeyAsync(scope.ServiceProvider);
        return await run(scope.ServiceProvider);
    }

    private IHost BuildHost()
    {
        var builder = Host.CreateApplicationBuilder(settings);
        var portalRoot = PortalRoot.Find(builder.Environment.ContentRootPath);
        builder.Configuration.AddPortalSettings(portalRoot, builder.Environment.EnvironmentName);
        // Standard output carries the command's result (JSON for --json): logs go to standard error.
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddPortalServices(portalRoot);
        configure?.Invoke(builder);
        return builder.Build();
    }
}
