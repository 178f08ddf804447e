using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Portal.Services.Data;

namespace Portal.Components.Tests;

/// <summary>The portal's schema in an in-memory SQLite database that lives as long as the test.</summary>
public sealed class MemoryDatabase : IDbContextFactory<PortalDbContext>, IDisposable
{
    private readonly SqliteConnection connection = new("Data Source=:memory:");
    private readonly DbContextOptions<PortalDbContext> options;

    public MemoryDatabase(Action<PortalDbContext>? seed = null)
    {
        connection.Open();
        options = new DbContextOptionsBuilder<PortalDbContext>().UseSqlite(connection).Options;
        using var db = CreateDbContext();
        db.Database.EnsureCreated();
        seed?.Invoke(db);
        db.SaveChanges();
    }

    public PortalDbContext CreateDbContext() => new(options);

    public void Dispose() => connection.Dispose();
}
