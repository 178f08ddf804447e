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
    /// Reads the root settings file with the precedence of an ordinary <c>appsettings.json</c>: after the host's
    /// own JSON files, before environment variables and command-line arguments, which still override it.
    /// </summary>
    public static void AddPortalSettings(this IConfigurationBuilder configuration, string root)
    {
        var path = Path.Combine(root, SettingsFile);
        var sources = configuration.Sources;
        if (sources.OfType<JsonConfigurationSource>().Any(s => s.Path is not null && SamePath(s, path)))
        {
            return;
        }
        var source = new JsonConfigurationSource { Path = SettingsFile, Optional = true, ReloadOnChange = false };
        source.FileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(root);
        var lastAppSettings = sources.ToList().FindLastIndex(s =>
            s is JsonConfigurationSource json && json.Path?.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) == true);
        sources.Insert(lastAppSettings + 1, source);
    }

    private static bool SamePath(JsonConfigurationSource source, string path) =>
        source.FileProvider is Microsoft.Extensions.FileProviders.PhysicalFileProvider physical
        && string.Equals(Path.Combine(physical.Root, source.Path!), path, StringComparison.Ordinal);
}
