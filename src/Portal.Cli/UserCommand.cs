using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Access;
using Portal.Services.Data;

namespace Portal.Cli;

/// <summary>
/// <c>add-user EMAIL ROLE [--region CODE] [--advisor EMPLOYEE_NUMBER]</c>, the password read from the first line of
/// standard input (never from the command line, where it would stay in the shell history). How a production
/// database gets its first national administrator; later accounts are made the same way until the users page exists.
/// </summary>
internal sealed record UserCommand(string Email, PortalRole Role, string? Region, string? Advisor)
{
    public const string Usage = "add-user EMAIL ROLE [--region CODE] [--advisor EMPLOYEE_NUMBER] (password on standard input)";

    /// <summary>The command from its words, or the one-line reason they are wrong.</summary>
    public static (UserCommand? Command, string? Error) Parse(string[] words)
    {
        if (words.Length < 2)
        {
            return (null, $"error: usage: {Usage}");
        }
        if (!words[0].Contains('@', StringComparison.Ordinal))
        {
            return (null, $"error: '{words[0]}' is not an e-mail address");
        }
        if (!Enum.TryParse<PortalRole>(words[1], ignoreCase: false, out var role) || !Enum.IsDefined(role))
        {
            return (null, $"error: unknown role '{words[1]}' (expected {string.Join(" | ", Enum.GetNames<PortalRole>())})");
        }
        string? region = null, advisor = null;
        for (var i = 2; i < words.Length; i += 2)
        {
            var value = i + 1 < words.Length ? words[i + 1] : null;
            switch (words[i])
            {
                case "--region" when value is not null: region = value; break;
                case "--advisor" when value is not null: advisor = value; break;
                default: return (null, $"error: unknown or incomplete argument '{words[i]}' for 'add-user'");
            }
        }
        return (role, region, advisor) switch
        {
            (PortalRole.RegionalDirector, null, _) => (null, "error: a RegionalDirector needs --region CODE"),
            (PortalRole.Advisor, _, null) => (null, "error: an Advisor needs --advisor EMPLOYEE_NUMBER"),
            (not PortalRole.RegionalDirector, not null, _) => (null, "error: --region is for a RegionalDirector only"),
            (not PortalRole.Advisor, _, not null) => (null, "error: --advisor is for an Advisor only"),
            _ => (new UserCommand(words[0], role, region, advisor), null),
        };
    }

    public async Task<int> RunAsync(IServiceProvider services, TextReader input, TextWriter output, TextWriter error)
    {
        var password = await input.ReadLineAsync();
        if (string.IsNullOrEmpty(password))
        {
            await error.WriteLineAsync("error: the password is read from standard input, and none was given. Nothing was written.");
            return CliApp.BadArguments;
        }
        using var scope = services.CreateScope();
        var provider = scope.ServiceProvider;
        await using var db = await provider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var user = new PortalUser { UserName = Email, Email = Email, EmailConfirmed = true, DisplayName = Email };
        if (Region is not null)
        {
            var code = Region.ToUpperInvariant();
            var regionId = await db.Regions.Where(r => r.Code == code).Select(r => (int?)r.Id).SingleOrDefaultAsync();
            if (regionId is null)
            {
                await error.WriteLineAsync($"error: no region '{Region}'. Nothing was written.");
                return CliApp.Refused;
            }
            user.RegionId = regionId;
        }
        if (Advisor is not null)
        {
            var advisor = await db.Advisors.Where(a => a.EmployeeNumber == Advisor).Select(a => new { a.Id, a.FirstName, a.LastName }).SingleOrDefaultAsync();
            if (advisor is null)
            {
                await error.WriteLineAsync($"error: no advisor '{Advisor}'. Nothing was written.");
                return CliApp.Refused;
            }
            user.AdvisorId = advisor.Id;
            user.DisplayName = $"{advisor.FirstName} {advisor.LastName}";
        }

        var users = provider.GetRequiredService<UserManager<PortalUser>>();
        var result = await users.CreateAsync(user, password);
        if (result.Succeeded)
        {
            result = await users.AddToRoleAsync(user, Role.ToString());
        }
        if (!result.Succeeded)
        {
            if (user.Id is { Length: > 0 } && await users.FindByIdAsync(user.Id) is { } created)
            {
                await users.DeleteAsync(created);
            }
            await error.WriteLineAsync($"error: {string.Join(" ", result.Errors.Select(e => e.Description))} Nothing was written.");
            return CliApp.Refused;
        }
        await output.WriteLineAsync($"User {Email} created as {Role}{(Region is null ? "" : $" of {Region.ToUpperInvariant()}")}.");
        return CliApp.Done;
    }
}
