using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;

namespace Portal.Services.Data;

/// <summary>
/// The portal's root folder: where its <c>appsettings.json</c> lives and where relative paths (the SQLite file
/// under <c>data/</c>) resolve. From a source checkout it is the repository root (the folder of
/// <c>Portal.sln</c>), so the web app and the administration tool share one configuration and one database;
/// a published build carries <c>appsettings.json</c> beside its binaries and uses that folder.
/// </summary>
public static class PortalRoot
{
    public const string SettingsFile = "appsettings.json";

    public static string Find(string contentRoot)
    {
        foreach (var start in new[] { contentRoot, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Portal.sln")) && File.Exists(Path.Combine(dir.FullName, SettingsFile)))
                {
                    return dir.FullName;
                }
            }
        }
        return File.Exists(Path.Combine(AppContext.BaseDirectory, SettingsFile)) ? AppContext.BaseDirectory : contentRoot;
    }

    /// <summary>
    /// Reads the root <c>appsettings.json</c> and <c>appsettings.{environment}.json</c> with the precedence of the
    /// host's own: right after the content root's <c>appsettings.json</c> (or first, when there is none), so the
    /// environment's file, environment variables and command-line arguments still override them.
    /// </summary>
    public static void AddPortalSettings(this IConfigurationBuilder configuration, string root, string environmentName)
    {
        var path = Path.Combine(root, SettingsFile);
        var sources = configuration.Sources;
        if (sources.OfType<JsonConfigurationSource>().Any(s => s.Path is not null && SamePath(s, path)))
        {
            return;
        }
        var index = sources.ToList().FindIndex(s => s is JsonConfigurationSource { Path: SettingsFile });
        foreach (var file in new[] { SettingsFile, $"appsettings.{environmentName}.json" })
        {
            var source = new JsonConfigurationSource
            {
                Path = file,
                Optional = true,
                ReloadOnChange = false,
                FileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(root),
            };
            sources.Insert(++index, source);
        }
    }

    private static bool SamePath(JsonConfigurationSource source, string path) =>
        source.FileProvider is Microsoft.Extensions.FileProviders.PhysicalFileProvider physical
        && string.Equals(Path.Combine(physical.Root, source.Path!), path, StringComparison.Ordinal);
}
