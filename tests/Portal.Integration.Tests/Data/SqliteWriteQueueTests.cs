using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Regions;
using Portal.Services.Data;

namespace Portal.Integration.Tests.Data;

/// <summary>
/// Writers to one SQLite file take their turns in the order they arrive, instead of racing for the lock each time it
/// is freed (where one writer can lose every race until its busy timeout runs out), and a transaction that ends in any
/// way hands the turn on.
/// </summary>
public sealed class SqliteWriteQueueTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "portal-tests", Guid.NewGuid().ToString("N"));
    private readonly string file;

    public SqliteWriteQueueTests()
    {
        Directory.CreateDirectory(folder);
        file = Path.Combine(folder, "queue.db");
    }

    private PortalDbContext Context()
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        DatabaseSetup.Configure(options, DatabaseProvider.Sqlite, $"Data Source={file};Default Timeout=30");
        return new PortalDbContext(options.Options);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 1000 && !condition(); i++)
        {
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }
        Assert.True(condition());
    }

    [Fact]
    public async Task Writers_waiting_for_the_file_write_in_the_order_they_arrived()
    {
        var ct = TestContext.Current.CancellationToken;
        await using (var setup = Context())
        {
            await setup.Database.ExecuteSqlRawAsync("CREATE TABLE Turns (Id INTEGER PRIMARY KEY AUTOINCREMENT, Writer INTEGER NOT NULL)", ct);
        }

        var writers = new List<Task>();
        await using (var holder = Context())
        {
            await using var held = await holder.Database.BeginTransactionAsync(ct);
            await holder.Database.ExecuteSqlRawAsync("INSERT INTO Turns (Writer) VALUES (0)", ct);
            for (var w = 1; w <= 6; w++)
            {
                var writer = w;
                writers.Add(Task.Run(async () =>
                {
                    await using var db = Context();
                    await using var transaction = await db.Database.BeginTransactionAsync(ct);
                    await db.Database.ExecuteSqlAsync($"INSERT INTO Turns (Writer) VALUES ({writer})", ct);
                    // Holding the lock a little gives the writers behind a chance to overtake, were they racing.
                    await Task.Delay(30, ct);
                    await transaction.CommitAsync(ct);
                }, ct));
                await WaitUntilAsync(() => SqliteWriteQueue.Instance.Waiting(file) == writer);
            }
            await held.CommitAsync(ct);
        }
        await Task.WhenAll(writers);

        await using var read = Context();
        var order = await read.Database.SqlQueryRaw<long>("SELECT Writer AS Value FROM Turns ORDER BY Id").ToListAsync(ct);
        Assert.Equal([0, 1, 2, 3, 4, 5, 6], order);
        Assert.False(SqliteWriteQueue.Instance.Held(file));
    }

    [Fact]
    public async Task A_transaction_abandoned_without_commit_or_rollback_hands_the_turn_on_with_its_context()
    {
        var ct = TestContext.Current.CancellationToken;
        await using (var db = Context())
        {
            await db.Database.ExecuteSqlRawAsync("CREATE TABLE Items (Id INTEGER PRIMARY KEY)", ct);
            var abandoned = await db.Database.BeginTransactionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("INSERT INTO Items (Id) VALUES (1)", ct);
            Assert.True(SqliteWriteQueue.Instance.Held(file));
            await abandoned.DisposeAsync();
            Assert.False(SqliteWriteQueue.Instance.Held(file));

            // The connection opened by hand stays open: its next transaction takes a turn of its own again.
            await db.Database.OpenConnectionAsync(ct);
            _ = await db.Database.BeginTransactionAsync(ct);
            Assert.True(SqliteWriteQueue.Instance.Held(file));
        }
        Assert.False(SqliteWriteQueue.Instance.Held(file));

        await using var next = Context();
        await using (var transaction = await next.Database.BeginTransactionAsync(ct))
        {
            await next.Database.ExecuteSqlRawAsync("INSERT INTO Items (Id) VALUES (2)", ct);
            await transaction.CommitAsync(ct);
        }
        Assert.Equal([2], await next.Database.SqlQueryRaw<int>("SELECT Id AS Value FROM Items").ToListAsync(ct));
    }

    [Fact]
    public async Task Saving_without_an_explicit_transaction_takes_and_hands_back_a_turn()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = Context();
        await DatabaseSetup.MigrateAsync(db, ct);
        Assert.False(SqliteWriteQueue.Instance.Held(file));
        db.Regions.Add(new Region { Code = "QQ", Name = "Queue", Wave = 99 });
        await db.SaveChangesAsync(ct);
        Assert.False(SqliteWriteQueue.Instance.Held(file));
        Assert.Equal(0, SqliteWriteQueue.Instance.Waiting(file));
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
