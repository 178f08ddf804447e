using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Portal.Domain.Time;
using Portal.Services.Access;
using Portal.Services.Data;

namespace Portal.Services.Demo;

/// <summary>Writes the demo into an empty database in one transaction, in bulk, then its logins.</summary>
public sealed class DemoSeeder(
    IDbContextFactory<PortalDbContext> dbFactory,
    UserManager<PortalUser> users,
    TimeProvider clock,
    ILogger<DemoSeeder> logger)
{
    /// <summary>Creates the demo if the database holds no region yet; returns false when it was not empty.</summary>
    public async Task<bool> SeedAsync(bool withAccounts, CancellationToken cancellationToken = default)
    {
        var watch = Stopwatch.StartNew();
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            if (await db.Regions.AnyAsync(cancellationToken))
            {
                return false;
            }
            var calendar = LocalCalendar.Paris;
            var data = new DemoBuilder(calendar.Today(clock), calendar).Build();
            await WriteAsync(db, data, cancellationToken);
            var (elapsed, advisors, shifts) = (watch.ElapsedMilliseconds, data.Advisors.Count, data.Shifts.Count);
            logger.LogInformation("Demo data written in {Elapsed} ms: {Advisors} advisors, {Shifts} shifts", elapsed, advisors, shifts);
        }
        if (withAccounts)
        {
            await EnsureDemoAccountsAsync(cancellationToken);
        }
        return true;
    }

    private static async Task WriteAsync(PortalDbContext db, DemoData data, CancellationToken cancellationToken)
    {
        var openingHoursId = 1;
        foreach (var hours in data.Channels.SelectMany(c => c.OpeningHours))
        {
            hours.Id = openingHoursId++;
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.InsertAllAsync(data.Regions, cancellationToken);
        await db.InsertAllAsync(data.Skills, cancellationToken);
        await db.InsertAllAsync(data.Channels, cancellationToken);
        await db.InsertAllAsync(data.Channels.SelectMany(c => c.OpeningHours), cancellationToken);
        await db.InsertAllAsync(data.Channels.SelectMany(c => c.RequiredSkills), cancellationToken);
        await db.InsertAllAsync(data.Courses, cancellationToken);
        await db.InsertAllAsync(data.Courses.SelectMany(c => c.GrantedSkills), cancellationToken);
        await db.InsertAllAsync(data.Sites, cancellationToken);
        await db.InsertAllAsync(data.Advisors, cancellationToken);
        await db.InsertAllAsync(data.AdvisorSkills, cancellationToken);
        await db.InsertAllAsync(data.Sessions, cancellationToken);
        await db.InsertAllAsync(data.SessionDays, cancellationToken);
        await db.InsertAllAsync(data.Enrolments, cancellationToken);
        await db.InsertAllAsync(data.Attendances, cancellationToken);
        await db.InsertAllAsync(data.Shifts, cancellationToken);
        await db.InsertAllAsync(data.Absences, cancellationToken);
        await db.InsertAllAsync(data.PublishedWeeks, cancellationToken);
        await db.InsertAllAsync(data.Capacities, cancellationToken);
        await db.InsertAllAsync(data.Forecast, cancellationToken);
        await db.InsertAllAsync(data.Audit, cancellationToken);
        await db.InsertAllAsync([data.Settings], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // Fresh statistics let the query planner pick the right indexes on the large tables.
            await db.Database.ExecuteSqlRawAsync("ANALYZE;", cancellationToken);
        }
    }

    /// <summary>
    /// Creates the demo logins that do not exist yet, linked to their region or advisor, and only in a database
    /// that the demo created (it carries the demo's audit entry): real data never gets logins with a published password.
    /// </summary>
    public async Task EnsureDemoAccountsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.AuditEntries.AnyAsync(a => a.Entity == DemoMarker.Entity && a.EntityKey == DemoMarker.Key, cancellationToken))
        {
            return;
        }
        var regions = await db.Regions.ToDictionaryAsync(r => r.Code, r => r.Id, cancellationToken);
        if (!DemoAccounts.All.All(a => a.RegionCode is null || regions.ContainsKey(a.RegionCode)))
        {
            return;
        }
        var demoAdvisor = await DemoAdvisorAsync(db, cancellationToken);
        foreach (var account in DemoAccounts.All)
        {
            if (await users.FindByEmailAsync(account.Email) is not null)
            {
                continue;
            }
            var user = new PortalUser
            {
                UserName = account.Email,
                Email = account.Email,
                EmailConfirmed = true,
                DisplayName = account.DisplayName,
            };
            if (account.Role == Domain.Access.PortalRole.Advisor)
            {
                if (demoAdvisor is not { } linked)
                {
                    continue;
                }
                user.AdvisorId = linked.Id;
                user.DisplayName = linked.Name;
            }
            else if (account.RegionCode is { } code)
            {
                user.RegionId = regions[code];
            }
            var result = await users.CreateAsync(user, DemoAccounts.Password);
            if (result.Succeeded)
            {
                result = await users.AddToRoleAsync(user, account.Role.ToString());
            }
            if (result.Succeeded && account.Email == DemoAccounts.National)
            {
                // Where Identity's store keeps an authenticator key: the demo's is a published one, so a person can try it.
                result = await users.SetAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey", DemoAccounts.NationalAuthenticatorKey);
                if (result.Succeeded)
                {
                    result = await users.SetTwoFactorEnabledAsync(user, true);
                }
            }
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"Demo account {account.Email}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
            }
        }
    }

    /// <summary>
    /// The BPL advisor of the demo login: the first BPL advisor (by employee number) with a planned training
    /// day in the coming two weeks and shifts, which the builder guarantees to exist.
    /// </summary>
    private async Task<(int Id, string Name)?> DemoAdvisorAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var today = LocalCalendar.Paris.Today(clock);
        var horizon = today.AddDays(14);
        var advisor = await db.Enrolments
            .Where(e => e.Status == Domain.Training.EnrolmentStatus.Planned
                        && e.Session!.Region!.Code == "BPL"
                        && e.Session.Days.Any(d => d.Date > today && d.Date <= horizon))
            .Join(db.Advisors, e => e.AdvisorId, a => a.Id, (e, a) => a)
            .Where(a => a.Active && db.Shifts.Any(s => s.AdvisorId == a.Id && s.Date > today))
            .OrderBy(a => a.EmployeeNumber)
            .Select(a => new { a.Id, a.FirstName, a.LastName })
            .FirstOrDefaultAsync(cancellationToken);
        return advisor is null ? null : (advisor.Id, $"{advisor.FirstName} {advisor.LastName}");
    }
}
