using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Portal.Services.Data;

namespace Portal.Migrations.SqlServer;

/// <summary>Lets <c>dotnet ef</c> build the model for SQL Server; no server is contacted to add a migration or script one.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        DatabaseSetup.Configure(options, DatabaseProvider.SqlServer, "Server=(design-time);Database=Portal;Trusted_Connection=True;TrustServerCertificate=True");
        return new PortalDbContext(options.Options);
    }
}
