using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Portal.Services.Data;

namespace Portal.Integration.Tests.Data;

/// <summary>Both providers' migrations stay in step with the model; SQL Server cannot run here, so its script is generated, not applied.</summary>
public class MigrationsTests
{
    private static PortalDbContext Context(DatabaseProvider provider, string connection)
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        DatabaseSetup.Configure(options, provider, connection);
        return new PortalDbContext(options.Options);
    }

    public static TheoryData<DatabaseProvider, string> Providers => new()
    {
        { DatabaseProvider.Sqlite, "Data Source=:memory:" },
        { DatabaseProvider.SqlServer, "Server=(none);Database=Portal;Trusted_Connection=True;TrustServerCertificate=True" },
    };

    [Theory]
    [MemberData(nameof(Providers))]
    public void The_migrations_of_each_provider_match_the_model(DatabaseProvider provider, string connection)
    {
        using var db = Context(provider, connection);

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public void The_idempotent_sql_server_script_generates()
    {
        using var db = Context(DatabaseProvider.SqlServer, "Server=(none);Database=Portal;Trusted_Connection=True;TrustServerCertificate=True");

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.Contains("IF NOT EXISTS", script, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE [Advisors]", script, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE [ForecastIntervals]", script, StringComparison.Ordinal);
    }

    [Fact]
    public void The_sqlite_script_generates()
    {
        // SQLite does not support idempotent scripts; the plain script shows the schema a new file gets.
        using var db = Context(DatabaseProvider.Sqlite, "Data Source=:memory:");

        var script = db.GetService<IMigrator>().GenerateScript();

        Assert.Contains("CREATE TABLE \"Advisors\"", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_sqlite_file_is_created_under_its_folder_and_migrated_in_write_ahead_mode()
    {
        var folder = Path.Combine(Path.GetTempPath(), "portal-tests", Guid.NewGuid().ToString("N"));
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Portal"] = "Data Source=nested/portal.db" })
            .Build();
        var connection = DatabaseSetup.ConnectionStringOf(configuration, DatabaseProvider.Sqlite, folder);

        await using (var db = Context(DatabaseProvider.Sqlite, connection))
        {
            await DatabaseSetup.MigrateAsync(db, TestContext.Current.CancellationToken);
            Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
            var connectionObject = db.Database.GetDbConnection();
            await connectionObject.OpenAsync(TestContext.Current.CancellationToken);
            await using var command = connectionObject.CreateCommand();
            command.CommandText = "PRAGMA journal_mode";
            Assert.Equal("wal", await command.ExecuteScalarAsync(TestContext.Current.CancellationToken));
            await connectionObject.CloseAsync();
        }

        Assert.True(File.Exists(Path.Combine(folder, "nested", "portal.db")));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void An_unknown_provider_is_refused_with_its_name()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Database:Provider"] = "Oracle" })
            .Build();

        var error = Assert.Throws<InvalidOperationException>(() => { DatabaseSetup.ProviderOf(configuration); });

        Assert.Contains("Oracle", error.Message, StringComparison.Ordinal);
    }
}
