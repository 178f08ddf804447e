using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Regions;
using Portal.Services.Data;

namespace Portal.Services.Regions;

public sealed record RegionSummary(int Id, string Code, string Name, int Wave, RegionStatus Status, DateOnly PlannedSwitchDate, DateOnly? ActualSwitchDate);

public sealed record TimelineEntry(RegionSummary Region, bool Readable);

/// <summary>Looks regions up by the code used in addresses, answering only what the actor may read.</summary>
public sealed class RegionDirectory(IDbContextFactory<PortalDbContext> dbFactory)
{
    /// <summary>The region of an address, or null when it does not exist or the actor may not read it in that area.</summary>
    public async Task<RegionSummary?> FindAsync(Actor actor, string code, Area area, CancellationToken cancellationToken = default)
    {
        if (!AccessRules.CanReadSome(actor, area))
        {
            return null;
        }
        var upper = code.ToUpperInvariant();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var region = await db.Regions.AsNoTracking()
            .Where(r => r.Code == upper)
            .Select(r => new RegionSummary(r.Id, r.Code, r.Name, r.Wave, r.Status, r.PlannedSwitchDate, r.ActualSwitchDate))
            .SingleOrDefaultAsync(cancellationToken);
        return region is not null && AccessRules.CanRead(actor, area, region.Id) ? region : null;
    }

    /// <summary>
    /// The nine regions in wave order with their status and dates, a national aggregate without personal data;
    /// <see cref="TimelineEntry.Readable"/> says whether the actor may open the region's own page.
    /// </summary>
    public async Task<IReadOnlyList<TimelineEntry>> TimelineAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        if (!AccessRules.CanReadNationalAggregates(actor, Area.Rollout))
        {
            return [];
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var regions = await db.Regions.AsNoTracking().OrderBy(r => r.Wave)
            .Select(r => new RegionSummary(r.Id, r.Code, r.Name, r.Wave, r.Status, r.PlannedSwitchDate, r.ActualSwitchDate))
            .ToListAsync(cancellationToken);
        return regions.Select(r => new TimelineEntry(r, AccessRules.CanRead(actor, Area.Rollout, r.Id))).ToList();
    }

    /// <summary>The regions the actor may read in an area, in wave order (a director: the own region only).</summary>
    public async Task<IReadOnlyList<RegionSummary>> ReadableAsync(Actor actor, Area area, CancellationToken cancellationToken = default)
    {
        var readable = AccessRules.ReadableRegions(actor, area);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Regions.AsNoTracking()
            .Where(r => readable == null || readable.Contains(r.Id))
            .OrderBy(r => r.Wave)
            .Select(r => new RegionSummary(r.Id, r.Code, r.Name, r.Wave, r.Status, r.PlannedSwitchDate, r.ActualSwitchDate))
            .ToListAsync(cancellationToken);
    }
}
