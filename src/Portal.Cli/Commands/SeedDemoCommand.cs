using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Portal.Services.Demo;

namespace Portal.Cli.Commands;

/// <summary><c>seed-demo</c>: the demo data, in an empty database only (refused otherwise, exit 1).</summary>
internal static class SeedDemoCommand
{
    public static Command Create(CliContext cli)
    {
        var command = new Command("seed-demo", "Migrate, then create the demo data in an empty database (demo logins in Development only).");
        command.SetAction(_ => cli.WithServicesAsync(async services =>
        {
            await MigrateCommand.MigrateAndCreateRolesAsync(services);
            var development = services.GetRequiredService<IHostEnvironment>().IsDevelopment();
            if (!await services.GetRequiredService<DemoSeeder>().SeedAsync(withAccounts: development))
            {
                await cli.Error.WriteLineAsync("error: the database is not empty; the demo is created only in an empty database. Nothing was written.");
                return CliApp.Refused;
            }
            await cli.Output.WriteLineAsync(development
                ? "Demo data and demo logins created."
                : "Demo data created (demo logins are created only in the Development environment).");
            return CliApp.Done;
        }));
        return command;
    }
}
