using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Portal.Services.Access;
using Portal.Services.Demo;

namespace Portal.Services.Data;

/// <summary>
/// What the portal does with its database when it starts: apply migrations (embedded database) or check none is
/// pending (server database), create the roles, and create the
/// demo on the embedded database in development (or anywhere with <c>Demo:Seed=true</c>). Demo logins exist
/// only in development.
/// </summary>
public static class DatabaseStartup
{
    public static async Task PrepareAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        using var scope = services.CreateScope();
        var provider = scope.ServiceProvider;
        var configuration = provider.GetRequiredService<IConfiguration>();
        var environment = provider.GetRequiredService<IHostEnvironment>();
        var dbFactory = provider.GetRequiredService<IDbContextFactory<PortalDbContext>>();

        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            // The embedded database migrates itself; a server database is migrated by its administrators
            // (the administration tool's migrate, or the idempotent script) unless told otherwise.
            var embedded = DatabaseSetup.ProviderOf(configuration) == DatabaseProvider.Sqlite;
            if (configuration.GetValue<bool?>("Database:MigrateOnStart") ?? embedded)
            {
                await DatabaseSetup.MigrateAsync(db, cancellationToken);
            }
            else if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList() is { Count: > 0 } pending)
            {
                throw new InvalidOperationException(
                    $"The database lacks {pending.Count} migration(s), from {pending[0]}: apply them with the administration tool's " +
                    "'migrate' or the idempotent script, or start once with Database:MigrateOnStart=true.");
            }
        }
        await KeyRingStartup.EnsureCurrentKeyAsync(provider, cancellationToken);
        await IdentitySetup.EnsureRolesAsync(provider.GetRequiredService<RoleManager<IdentityRole>>());

        var embeddedDevelopment = environment.IsDevelopment() && DatabaseSetup.ProviderOf(configuration) == DatabaseProvider.Sqlite;
        var seedAskedFor = configuration.GetValue<bool?>("Demo:Seed");
        if (seedAskedFor ?? embeddedDevelopment)
        {
            var seeder = provider.GetRequiredService<DemoSeeder>();
            await seeder.SeedAsync(withAccounts: environment.IsDevelopment(), cancellationToken);
            if (environment.IsDevelopment())
            {
                await seeder.EnsureDemoAccountsAsync(cancellationToken);
            }
        }
    }
}
