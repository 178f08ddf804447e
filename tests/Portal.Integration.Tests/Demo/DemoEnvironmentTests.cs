using Microsoft.EntityFrameworkCore;
using Portal.Domain.Regions;
using Portal.Services.Data;
using Portal.Testing;

namespace Portal.Integration.Tests.Demo;

/// <summary>Demo data never appears in production unless asked for; demo logins never outside development.</summary>
public class DemoEnvironmentTests
{
    private static async Task<(int Regions, int Users, int Roles)> CountsAfterStartAsync(string environment, string? demoSeed)
    {
        var settings = new Dictionary<string, string?>();
        if (demoSeed is not null)
        {
            settings["Demo:Seed"] = demoSeed;
        }
        await using var app = new PortalAppFactory(environment, settings);
        app.Start();
        await using var db = app.CreateDbContext();
        var ct = TestContext.Current.CancellationToken;
        return (await db.Regions.CountAsync(ct), await db.Users.CountAsync(ct), await db.Roles.CountAsync(ct));
    }

    [Fact]
    public async Task Production_starts_on_an_empty_migrated_database_with_its_roles_and_no_demo()
    {
        var (regions, users, roles) = await CountsAfterStartAsync("Production", demoSeed: null);

        Assert.Equal(0, regions);
        Assert.Equal(0, users);
        Assert.Equal(4, roles);
    }

    [Fact]
    public async Task Production_creates_the_demo_when_asked_for_but_no_demo_login()
    {
        var (regions, users, _) = await CountsAfterStartAsync("Production", demoSeed: "true");

        Assert.Equal(9, regions);
        Assert.Equal(0, users);
    }

    [Fact]
    public async Task Development_can_be_told_not_to_create_the_demo()
    {
        var (regions, users, _) = await CountsAfterStartAsync("Development", demoSeed: "false");

        Assert.Equal(0, regions);
        Assert.Equal(0, users);
    }

    [Fact]
    public async Task Development_never_adds_demo_logins_to_a_database_the_demo_did_not_create()
    {
        await using var app = new PortalAppFactory();
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        DatabaseSetup.Configure(options, DatabaseProvider.Sqlite, $"Data Source={app.DatabaseFile}");
        await using (var existing = new PortalDbContext(options.Options))
        {
            await DatabaseSetup.MigrateAsync(existing, TestContext.Current.CancellationToken);
            existing.Regions.AddRange(
                new Region { Code = "NC", Name = "Normandie-Centre", Wave = 1 },
                new Region { Code = "BPL", Name = "Bretagne-Pays de la Loire", Wave = 2 });
            await existing.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        app.Start();

        await using var db = app.CreateDbContext();
        Assert.Equal(2, await db.Regions.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, await db.Users.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_database_told_not_to_migrate_at_start_refuses_to_start_with_pending_migrations()
    {
        await using var app = new PortalAppFactory("Production", new Dictionary<string, string?> { ["Database:MigrateOnStart"] = "false" });

        var error = Assert.ThrowsAny<Exception>(app.Start);

        Assert.Contains("migration", error.GetBaseException().Message, StringComparison.Ordinal);
    }
}
