using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Portal.Services.Data;

/// <summary>
/// Puts SQLite's settings in force on every connection the portal opens, not only on the one that migrated: a busy
/// timeout (a connection setting, lost with each new connection) so that a writer waits for another instead of failing
/// with "database is locked", and write-ahead logging (kept in the file, so this only repairs a file that lost it,
/// e.g. one copied in or restored without it), under which readers never wait for the writer.
/// </summary>
public sealed class SqliteConnectionSettings : DbConnectionInterceptor
{
    /// <summary>How long a writer waits for another before failing.</summary>
    public static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(30);

    public static readonly SqliteConnectionSettings Instance = new();

    private static readonly string Pragmas =
        $"PRAGMA busy_timeout = {(int)BusyTimeout.TotalMilliseconds}; PRAGMA journal_mode = WAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }
}
