using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Portal.Services.Data;

public enum DatabaseProvider
{
    Sqlite = 0,
    SqlServer = 1,
}

/// <summary>
/// Chooses the provider from <c>Database:Provider</c> and the connection from <c>ConnectionStrings:Portal</c>.
/// One DbContext serves both providers; each provider's migrations live in their own assembly.
/// </summary>
public static class DatabaseSetup
{
    public const string SqliteMigrationsAssembly = "Portal.Migrations.Sqlite";
    public const string SqlServerMigrationsAssembly = "Portal.Migrations.SqlServer";
    public const string DefaultSqliteFile = "data/portal.db";

    /// <summary>
    /// Registers the context factory. The configuration is read when the first context is made, not now, so
    /// that every configuration source of the host (test hosts included) has been added by then.
    /// </summary>
    public static IServiceCollection AddPortalDatabase(this IServiceCollection services, string portalRoot)
    {
        services.AddDbContextFactory<PortalDbContext>((serviceProvider, options) =>
        {
            var configuration = serviceProvider.GetRequiredService<IConfiguration>();
            var provider = ProviderOf(configuration);
            Configure(options, provider, ConnectionStringOf(configuration, provider, portalRoot));
        });
        return services;
    }

    public static DatabaseProvider ProviderOf(IConfiguration configuration)
    {
        var text = configuration["Database:Provider"];
        if (string.IsNullOrWhiteSpace(text))
        {
            return DatabaseProvider.Sqlite;
        }
        return Enum.TryParse<DatabaseProvider>(text, ignoreCase: true, out var provider)
            ? provider
            : throw new InvalidOperationException($"Database:Provider '{text}' is not supported: use Sqlite or SqlServer.");
    }

    /// <summary>
    /// The configured connection string; for SQLite a relative data source is resolved against the content
    /// root (SQLite would resolve it against the working directory) and its folder is created.
    /// </summary>
    public static string ConnectionStringOf(IConfiguration configuration, DatabaseProvider provider, string contentRoot)
    {
        var configured = configuration.GetConnectionString("Portal");
        if (provider == DatabaseProvider.SqlServer)
        {
            return string.IsNullOrWhiteSpace(configured)
                ? throw new InvalidOperationException("ConnectionStrings:Portal is required with the SqlServer provider.")
                : configured;
        }

        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured) ? $"Data Source={DefaultSqliteFile}" : configured);
        if (!string.IsNullOrEmpty(builder.DataSource) && builder.DataSource != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            builder.DataSource = Path.GetFullPath(builder.DataSource, contentRoot);
            Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        }
        // Writers wait for each other up to this many seconds instead of failing at once with "database is locked".
        var busySeconds = (int)SqliteConnectionSettings.BusyTimeout.TotalSeconds;
        builder.DefaultTimeout = builder.DefaultTimeout <= busySeconds ? busySeconds : builder.DefaultTimeout;
        builder.Pooling = true;
        return builder.ToString();
    }

    public static void Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString)
    {
        if (provider == DatabaseProvider.SqlServer)
        {
            options.UseSqlServer(connectionString, sql => sql.MigrationsAssembly(SqlServerMigrationsAssembly));
        }
        else
        {
            options.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(SqliteMigrationsAssembly));
            options.AddInterceptors(SqliteConnectionSettings.Instance, SqliteWriteQueue.Instance);
        }
        if (FaultPause.Enabled)
        {
            options.AddInterceptors(new FaultPause());
        }
    }

    /// <summary>Applies the migrations; on SQLite also switches the file to write-ahead logging (kept in the file).</summary>
    public static async Task MigrateAsync(PortalDbContext db, CancellationToken cancellationToken = default)
    {
        if (db.Database.IsSqlite())
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            try
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
                await db.Database.MigrateAsync(cancellationToken);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
            return;
        }
        await db.Database.MigrateAsync(cancellationToken);
    }
}
