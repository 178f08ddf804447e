using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Portal.Services.Data;

/// <summary>
/// Makes sure the data-protection key ring has a current key before any work starts. The key ring lives in the
/// database: if the first key (or the next one, near its predecessor's expiry) were created while an operation held
/// SQLite's write lock (a set-password link issued inside the user's transaction), writing the key would wait for
/// that very transaction and fail with "database is locked".
/// </summary>
public static class KeyRingStartup
{
    public static async Task EnsureCurrentKeyAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using (var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(cancellationToken))
        {
            // A database without its tables yet (the tool's migrate) has no key ring to prepare.
            if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
            {
                return;
            }
        }
        services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Portal.KeyRing").Protect([1]);
    }
}
