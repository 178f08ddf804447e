using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Portal.Services.Data;

/// <summary>
/// Sets SQLite's own busy timeout on every connection the context opens, to the connection's default timeout. Without
/// it a writer that finds the file locked fails at once and the driver retries only every 150 ms, so under many
/// concurrent writers one can lose every retry for 30 s and report "database is locked"; SQLite's handler waits for
/// the lock itself, retrying within milliseconds.
/// </summary>
internal sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    public static readonly SqliteBusyTimeout Instance = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        if (connection is SqliteConnection sqlite)
        {
            using var command = sqlite.CreateCommand();
            command.CommandText = $"PRAGMA busy_timeout = {Math.Max(1, sqlite.DefaultTimeout) * 1000};";
            command.ExecuteNonQuery();
        }
    }
}
