using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Portal.Services;
using Portal.Services.Data;
using Portal.Services.Demo;

namespace Portal.Benchmarks;

/// <summary>The portal's services over the full demo, created once in a temporary SQLite file.</summary>
internal sealed class DemoDatabase : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "portal-bench", Guid.NewGuid().ToString("N"));

    public DemoDatabase()
    {
        Directory.CreateDirectory(folder);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Portal"] = $"Data Source={Path.Combine(folder, "bench.db")}" })
            .Build();
        var collection = new ServiceCollection();
        collection.AddSingleton<IConfiguration>(configuration);
        collection.AddLogging();
        collection.AddSingleton<IHostEnvironment>(new BenchmarkEnvironment());
        collection.AddPortalServices(folder);
        Services = collection.BuildServiceProvider();

        using var scope = Services.CreateScope();
        using var db = scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext();
        DatabaseSetup.MigrateAsync(db).GetAwaiter().GetResult();
        scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(withAccounts: false).GetAwaiter().GetResult();
    }

    public ServiceProvider Services { get; }

    public PortalDbContext CreateDbContext() => Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext();

    public void Dispose()
    {
        Services.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    private sealed class BenchmarkEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Production";
        public string ApplicationName { get; set; } = "Portal.Benchmarks";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
