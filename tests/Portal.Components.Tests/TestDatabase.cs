using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Portal.Services.Data;

namespace Portal.Components.Tests;

/// <summary>The portal's schema in a SQLite file of its own that lives as long as the test.</summary>
public sealed class TestDatabase : IDbContextFactory<PortalDbContext>, IDisposable
{
    private readonly string file = Path.Combine(Path.GetTempPath(), "portal-component-tests", $"{Guid.NewGuid():N}.db");
    private readonly DbContextOptions<PortalDbContext> options;

    public TestDatabase(Action<PortalDbContext>? seed = null)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        options = new DbContextOptionsBuilder<PortalDbContext>().UseSqlite($"Data Source={file}").Options;
        using var db = CreateDbContext();
        db.Database.EnsureCreated();
        seed?.Invoke(db);
        db.SaveChanges();
    }

    public PortalDbContext CreateDbContext() => new(options);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(file);
    }
}
