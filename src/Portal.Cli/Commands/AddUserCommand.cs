using System.CommandLine;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Access;
using Portal.Services.Data;

namespace Portal.Cli.Commands;

/// <summary>
/// <c>add-user EMAIL ROLE [--region CODE] [--advisor EMPLOYEE_NUMBER]</c>, the password read from the first line of
/// standard input (never from the command line, where it would stay in the shell history). How a production
/// database gets its first national administrator.
/// </summary>
internal static class AddUserCommand
{
    public static Command Create(CliContext cli)
    {
        var email = new Argument<string>("EMAIL") { Description = "The user's e-mail address, also the sign-in name." };
        email.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>() is { } value && !value.Contains('@', StringComparison.Ordinal))
            {
                result.AddError($"'{value}' is not an e-mail address");
            }
        });
        var role = CliOptions.Role();
        var region = CliOptions.Text("--region", "CODE", "The region a RegionalDirector is bound to (required for that role only).");
        var advisor = CliOptions.Text("--advisor", "EMPLOYEE_NUMBER", "The advisor record an Advisor account is linked to (required for that role only).");
        var command = new Command("add-user", "Create a user; the password is read from the first line of standard input.")
        {
            email, role, region, advisor,
        };
        command.SetAction(parsed => AddAsync(cli, parsed.GetRequiredValue(email), parsed.GetValue(role), parsed.GetValue(region), parsed.GetValue(advisor)));
        return command;
    }

    private static async Task<int> AddAsync(CliContext cli, string email, PortalRole role, string? region, string? advisor)
    {
        var binding = (role, region, advisor) switch
        {
            (PortalRole.RegionalDirector, null, _) => "a RegionalDirector needs --region CODE",
            (PortalRole.Advisor, _, null) => "an Advisor needs --advisor EMPLOYEE_NUMBER",
            (not PortalRole.RegionalDirector, not null, _) => "--region is for a RegionalDirector only",
            (not PortalRole.Advisor, _, not null) => "--advisor is for an Advisor only",
            _ => null,
        };
        if (binding is not null)
        {
            await cli.Error.WriteLineAsync($"error: {binding}");
            return CliApp.BadArguments;
        }
        var password = await cli.Input.ReadLineAsync();
        if (string.IsNullOrEmpty(password))
        {
            await cli.Error.WriteLineAsync("error: the password is read from standard input, and none was given. Nothing was written.");
            return CliApp.BadArguments;
        }
        return await cli.WithServicesAsync(services => CreateAsync(services, cli, new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email },
            password, role, region, advisor));
    }

    private static async Task<int> CreateAsync(IServiceProvider services, CliContext cli, PortalUser user, string password, PortalRole role, string? region, string? advisor)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        if (region is not null)
        {
            var code = region.ToUpperInvariant();
            var regionId = await db.Regions.Where(r => r.Code == code).Select(r => (int?)r.Id).SingleOrDefaultAsync();
            if (regionId is null)
            {
                await cli.Error.WriteLineAsync($"error: no region '{region}'. Nothing was written.");
                return CliApp.Refused;
            }
            user.RegionId = regionId;
        }
        if (advisor is not null)
        {
            var linked = await db.Advisors.Where(a => a.EmployeeNumber == advisor).Select(a => new { a.Id, a.FirstName, a.LastName }).SingleOrDefaultAsync();
            if (linked is null)
            {
                await cli.Error.WriteLineAsync($"error: no advisor '{advisor}'. Nothing was written.");
                return CliApp.Refused;
            }
            user.AdvisorId = linked.Id;
            user.DisplayName = $"{linked.FirstName} {linked.LastName}";
        }

        var users = services.GetRequiredService<UserManager<PortalUser>>();
        var result = await users.CreateAsync(user, password);
        if (result.Succeeded)
        {
            result = await users.AddToRoleAsync(user, role.ToString());
        }
        if (!result.Succeeded)
        {
            if (user.Id is { Length: > 0 } && await users.FindByIdAsync(user.Id) is { } created)
            {
                await users.DeleteAsync(created);
            }
            await cli.Error.WriteLineAsync($"error: {string.Join(" ", result.Errors.Select(e => e.Description))} Nothing was written.");
            return CliApp.Refused;
        }
        await cli.Output.WriteLineAsync($"User {user.Email} created as {role}{(region is null ? "" : $" of {region.ToUpperInvariant()}")}.");
        return CliApp.Done;
    }
}
