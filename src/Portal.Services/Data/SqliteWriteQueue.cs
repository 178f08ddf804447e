using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Portal.Services.Data;

/// <summary>
/// Lines up the portal's writers to one SQLite file in the order they arrive. SQLite lets one writer in at a time and
/// the others poll for the lock (every 100 ms once they have waited a little): whoever polls first after a commit gets
/// in, so on a loaded server, where each write lasts longer, one unlucky writer can lose every round and fail with
/// "database is locked" when its busy timeout runs out while later ones pass. Here every transaction of the process
/// waits its turn on the file's queue before it begins (the write lock is taken at the start: transactions begin
/// IMMEDIATE), and hands the turn on when it commits, rolls back or its connection closes. A writer that waited the
/// whole busy timeout goes ahead without its turn and falls back on SQLite's own waiting, so a turn never handed back
/// slows writers down and blocks none. Other processes on the same file (a second instance, the command line) still
/// meet through SQLite's busy timeout.
/// </summary>
public sealed class SqliteWriteQueue : IDbTransactionInterceptor, IDbConnectionInterceptor
{
    public static readonly SqliteWriteQueue Instance = new();

    private sealed class FileQueue
    {
        public SemaphoreSlim Turn { get; } = new(1, 1);
        public int Waiting;
    }

    private readonly ConcurrentDictionary<string, FileQueue> files = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<DbConnection, FileQueue> turns = new(ReferenceEqualityComparer.Instance);

    /// <summary>How many writers of the process wait for their turn on the file.</summary>
    public int Waiting(string dataSource) => files.TryGetValue(dataSource, out var queue) ? Volatile.Read(ref queue.Waiting) : 0;

    /// <summary>Whether a writer of the process holds the turn of the file.</summary>
    public bool Held(string dataSource) => turns.Values.Any(t => files.TryGetValue(dataSource, out var queue) && ReferenceEquals(t, queue));

    public InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result)
    {
        if (Queue(connection) is { } queue)
        {
            Interlocked.Increment(ref queue.Waiting);
            try
            {
                if (queue.Turn.Wait(SqliteConnectionSettings.BusyTimeout))
                {
                    turns[connection] = queue;
                }
            }
            finally
            {
                Interlocked.Decrement(ref queue.Waiting);
            }
        }
        return result;
    }

    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        if (Queue(connection) is { } queue)
        {
            Interlocked.Increment(ref queue.Waiting);
            try
            {
                if (await queue.Turn.WaitAsync(SqliteConnectionSettings.BusyTimeout, cancellationToken))
                {
                    turns[connection] = queue;
                }
            }
            finally
            {
                Interlocked.Decrement(ref queue.Waiting);
            }
        }
        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => HandOn(eventData.Context?.Database.GetDbConnection());

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        HandOn(eventData.Context?.Database.GetDbConnection());
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => HandOn(eventData.Context?.Database.GetDbConnection());

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        HandOn(eventData.Context?.Database.GetDbConnection());
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => HandOn(eventData.Context?.Database.GetDbConnection());

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        HandOn(eventData.Context?.Database.GetDbConnection());
        return Task.CompletedTask;
    }

    // A transaction disposed without a commit or a rollback (an exception on the way) ends with its connection.
    public InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        HandOn(connection);
        return result;
    }

    public ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        HandOn(connection);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult ConnectionDisposing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        HandOn(connection);
        return result;
    }

    public ValueTask<InterceptionResult> ConnectionDisposingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        HandOn(connection);
        return ValueTask.FromResult(result);
    }

    // In-memory databases are one per connection: nobody to wait for.
    private FileQueue? Queue(DbConnection connection) =>
        connection is SqliteConnection { DataSource: { Length: > 0 } file } && file != ":memory:" && !turns.ContainsKey(connection)
            ? files.GetOrAdd(file, _ => new FileQueue())
            : null;

    private void HandOn(DbConnection? connection)
    {
        if (connection is not null && turns.TryRemove(connection, out var queue))
        {
            queue.Turn.Release();
        }
    }
}
