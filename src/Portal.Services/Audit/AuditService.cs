using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Services.Data;

namespace Portal.Services.Audit;

public sealed record AuditQuery(string? Entity = null, string? User = null, string? Key = null, DateOnly? From = null, DateOnly? To = null, int Page = 0, int PageSize = 50)
{
    public const int MaxPageSize = 200;
}

public sealed record AuditLine(DateTime AtUtc, string UserName, string Entity, string EntityKey, string? Region, string Action, string? Before, string? After, string? Justification,
    string? IpAddress = null);

public sealed record AuditPage(IReadOnlyList<AuditLine> Lines, int Total, IReadOnlyList<string> Entities);

/// <summary>
/// The audit log, newest first: national administrators read all of it, a director the entries of the own region
/// (entries without a region, such as national settings, are national only); others nothing.
/// </summary>
public sealed class AuditService(IDbContextFactory<PortalDbContext> dbFactory)
{
    public async Task<AuditPage> SearchAsync(Actor actor, AuditQuery query, CancellationToken cancellationToken = default)
    {
        var readable = AccessRules.ReadableRegions(actor, Area.Audit);
        if (readable is { Count: 0 })
        {
            return new AuditPage([], 0, []);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entries = db.AuditEntries.AsNoTracking().Where(a => readable == null || (a.RegionId != null && readable.Contains(a.RegionId.Value)));
        var entities = await entries.Select(a => a.Entity).Distinct().OrderBy(e => e).ToListAsync(cancellationToken);
        if (query.Entity is { Length: > 0 } entity)
        {
            entries = entries.Where(a => a.Entity == entity);
        }
        if (query.User is { Length: > 0 } user)
        {
            entries = entries.Where(a => EF.Functions.Like(a.UserName, $"%{user}%"));
        }
        if (query.Key is { Length: > 0 } key)
        {
            entries = entries.Where(a => EF.Functions.Like(a.EntityKey, $"{key}%"));
        }
        if (query.From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue);
            entries = entries.Where(a => a.AtUtc >= start);
        }
        if (query.To is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue);
            entries = entries.Where(a => a.AtUtc < end);
        }
        var total = await entries.CountAsync(cancellationToken);
        var size = Math.Clamp(query.PageSize, 1, AuditQuery.MaxPageSize);
        var lines = await entries.OrderByDescending(a => a.AtUtc).ThenByDescending(a => a.Id)
            .Skip(Math.Max(0, query.Page) * size).Take(size)
            .Select(a => new AuditLine(a.AtUtc, a.UserName, a.Entity, a.EntityKey,
                db.Regions.Where(r => r.Id == a.RegionId).Select(r => r.Code).FirstOrDefault(), a.Action, a.Before, a.After, a.Justification, a.IpAddress))
            .ToListAsync(cancellationToken);
        return new AuditPage(lines, total, entities);
    }
}
