using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Portal.Services;
using Portal.Services.Data;
using Portal.Services.Demo;

namespace Portal.Soak;

/// <summary>The portal's services over the full demo, created in a temporary SQLite file, as the benchmarks build theirs.</summary>
internal sealed class SoakDatabase : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "portal-soak", Guid.NewGuid().ToString("N"));

    public SoakDatabase()
    {
        Directory.CreateDirectory(folder);
        File = Path.Combine(folder, "soak.db");
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Portal"] = $"Data Source={File}" })
            .Build();
        var collection = new ServiceCollection();
        collection.AddSingleton<IConfiguration>(configuration);
        collection.AddLogging();
        collection.AddSingleton<IHostEnvironment>(new SoakEnvironment());
        collection.AddPortalServices(folder);
        Services = collection.BuildServiceProvider();

        using var scope = Services.CreateScope();
        using var db = scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext();
        DatabaseSetup.MigrateAsync(db).GetAwaiter().GetResult();
        scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(withAccounts: false).GetAwaiter().GetResult();
    }

    public string File { get; }

    public ServiceProvider Services { get; }

    public PortalDbContext CreateDbContext() => Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext();

    public void Dispose()
    {
        Services.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    private sealed class SoakEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Production";
        public string ApplicationName { get; set; } = "Portal.Soak";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
