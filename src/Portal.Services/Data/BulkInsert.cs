using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Portal.Services.Data;

/// <summary>
/// Inserts many rows with one prepared command inside the caller's transaction, using the EF model's
/// table, column names and type mappings, so rows are stored exactly as SaveChanges would store them.
/// Keys are taken from the objects (the caller assigns them), which keeps the demo deterministic.
/// Run against SQLite in the tests; the SQL Server path (identity insert) has not run against a server.
/// </summary>
internal static class BulkInsert
{
    public static async Task InsertAllAsync<T>(this PortalDbContext db, IEnumerable<T> rows, CancellationToken cancellationToken = default)
        where T : class
    {
        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var columns = entityType.GetProperties()
            .Select(p => (Property: p, Column: p.GetColumnName(table)))
            .Where(c => c.Column is not null)
            .ToList();
        var sql = db.GetService<ISqlGenerationHelper>();
        var tableName = sql.DelimitIdentifier(table.Name, table.Schema);

        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Bulk inserts run inside a transaction.");
        // Rows carry their own keys; SQL Server must be told to accept them in an identity column.
        var identityInsert = db.Database.IsSqlServer()
            && columns.Any(c => SqlServerPropertyExtensions.GetValueGenerationStrategy(c.Property, table) == SqlServerValueGenerationStrategy.IdentityColumn);

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var mappings = new RelationalTypeMapping[columns.Count];
        for (var i = 0; i < columns.Count; i++)
        {
            mappings[i] = (RelationalTypeMapping)columns[i].Property.GetRelationalTypeMapping();
            command.Parameters.Add(mappings[i].CreateParameter(command, $"@p{i}", null, columns[i].Property.IsNullable));
        }
        var insert = $"INSERT INTO {tableName} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Column!)))}) " +
                     $"VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})";
        command.CommandText = identityInsert ? $"SET IDENTITY_INSERT {tableName} ON; {insert}; SET IDENTITY_INSERT {tableName} OFF;" : insert;
        await command.PrepareAsync(cancellationToken);

        var getters = columns.Select(c => c.Property.GetGetter()).ToArray();
        foreach (var row in rows)
        {
            for (var i = 0; i < getters.Length; i++)
            {
                var value = getters[i].GetClrValueUsingContainingEntity(row);
                var converter = mappings[i].Converter;
                if (value is not null && converter is not null)
                {
                    value = converter.ConvertToProvider(value);
                }
                ((DbParameter)command.Parameters[i]).Value = value ?? DBNull.Value;
            }
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
