using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Portal.Services.Data;

namespace Portal.Integration.Tests.Data;

/// <summary>
/// The busy timeout and write-ahead logging are in force on every connection the portal opens, including on a file
/// that never went through the portal's migration (a copied or restored database) and on the running app's own.
/// </summary>
public sealed class SqliteConnectionSettingsTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "portal-tests", Guid.NewGuid().ToString("N"));

    private static async Task<(string JournalMode, long BusyTimeout)> PragmasAsync(PortalDbContext db)
    {
        var ct = TestContext.Current.CancellationToken;
        await db.Database.OpenConnectionAsync(ct);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        var journal = (string)(await command.ExecuteScalarAsync(ct))!;
        command.CommandText = "PRAGMA busy_timeout";
        var busy = (long)(await command.ExecuteScalarAsync(ct))!;
        return (journal, busy);
    }

    [Fact]
    public async Task A_fresh_context_on_a_file_the_portal_never_migrated_waits_for_writers_and_uses_write_ahead_logging()
    {
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "restored.db");
        await using (var plain = new SqliteConnection($"Data Source={file};Pooling=False"))
        {
            await plain.OpenAsync(TestContext.Current.CancellationToken);
            await using var create = plain.CreateCommand();
            create.CommandText = "CREATE TABLE Restored (Id INTEGER PRIMARY KEY); PRAGMA journal_mode";
            Assert.Equal("delete", (string)(await create.ExecuteScalarAsync(TestContext.Current.CancellationToken))!);
        }
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        DatabaseSetup.Configure(options, DatabaseProvider.Sqlite, $"Data Source={file}");

        await using var db = new PortalDbContext(options.Options);
        var (journal, busy) = await PragmasAsync(db);

        Assert.Equal("wal", journal);
        Assert.Equal((long)SqliteConnectionSettings.BusyTimeout.TotalMilliseconds, busy);
        Assert.True(busy >= 30_000);
    }

    [Fact]
    public async Task Every_context_of_the_running_portal_has_the_busy_timeout_and_write_ahead_logging()
    {
        await using var app = new Portal.Testing.PortalAppFactory("Production");
        app.Start();
        for (var i = 0; i < 3; i++)
        {
            // Pooled connections come back without their per-connection settings unless they are set again on each open.
            await using var db = app.CreateDbContext();
            var (journal, busy) = await PragmasAsync(db);
            Assert.Equal("wal", journal);
            Assert.Equal(30_000, busy);
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
