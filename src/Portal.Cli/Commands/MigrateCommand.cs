using System.CommandLine;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Services.Access;
using Portal.Services.Data;

namespace Portal.Cli.Commands;

/// <summary><c>migrate</c>: the database schema brought up to date, and the roles created.</summary>
internal static class MigrateCommand
{
    public static Command Create(CliContext cli)
    {
        var command = new Command("migrate", "Apply the database migrations and create the roles.");
        command.SetAction(_ => cli.WithServicesAsync(async services =>
        {
            await MigrateAndCreateRolesAsync(services);
            await cli.Output.WriteLineAsync("Migrations applied.");
            return CliApp.Done;
        }));
        return command;
    }

    public static async Task MigrateAndCreateRolesAsync(IServiceProvider services)
    {
        await using (var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            await DatabaseSetup.MigrateAsync(db);
        }
        await IdentitySetup.EnsureRolesAsync(services.GetRequiredService<RoleManager<IdentityRole>>());
    }
}
