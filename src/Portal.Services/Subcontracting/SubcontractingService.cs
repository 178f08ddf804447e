using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Sites;
using Portal.Domain.Subcontracting;
using Portal.Services.Audit;
using Portal.Services.Data;

namespace Portal.Services.Subcontracting;

public sealed record CapacityRow(int Id, int Version, string RegionCode, int SiteId, string Site, SiteKind Kind, int ChannelId, string Channel,
    Weekdays Days, TimeOnly From, TimeOnly To, int Agents);

/// <summary>The sites (subcontracted and offshore only) and channels a capacity line may name.</summary>
public sealed record CapacityChoices(IReadOnlyList<Choice> Sites, IReadOnlyList<Choice> Channels);

/// <summary>
/// Subcontracted and offshore capacity serving a region: directors see and change their own region's, national
/// administrators all. A line serves the region of its site. Every change is audited; concurrent edits are refused.
/// </summary>
public sealed class SubcontractingService(IDbContextFactory<PortalDbContext> dbFactory, IValidator<CapacityForm> validator, TimeProvider clock)
{
    public async Task<IReadOnlyList<CapacityRow>> ListAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        var readable = AccessRules.ReadableRegions(actor, Area.Subcontracting);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.SubcontractorCapacities.AsNoTracking()
            .Where(c => readable == null || readable.Contains(c.RegionId))
            .OrderBy(c => c.Region!.Wave).ThenBy(c => c.Site!.Name).ThenBy(c => c.ChannelId).ThenBy(c => c.From)
            .Select(c => new CapacityRow(c.Id, c.Version, c.Region!.Code, c.SiteId, c.Site!.Name, c.Site.Kind, c.ChannelId, c.Channel!.Code,
                c.Days, c.From, c.To, c.Agents))
            .ToListAsync(cancellationToken);
    }

    public async Task<CapacityChoices> ChoicesAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        var readable = AccessRules.ReadableRegions(actor, Area.Subcontracting);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var sites = await db.Sites.AsNoTracking()
            .Where(s => s.Kind != SiteKind.InHouse && (readable == null || readable.Contains(s.RegionId)))
            .OrderBy(s => s.Name).Select(s => new Choice(s.Id, s.Name)).ToListAsync(cancellationToken);
        var channels = await db.Channels.AsNoTracking().OrderBy(c => c.Id).Select(c => new Choice(c.Id, c.Code)).ToListAsync(cancellationToken);
        return new CapacityChoices(sites, channels);
    }

    public async Task<SaveResult> SaveAsync(Actor actor, CapacityForm form, CancellationToken cancellationToken = default)
    {
        if (!AccessRules.CanChangeSome(actor, Area.Subcontracting))
        {
            return SaveResult.NotFound;
        }
        var validation = await validator.ValidateAsync(form, cancellationToken);
        if (!validation.IsValid)
        {
            return new SaveResult(SaveOutcome.Invalid, validation.Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.First().ErrorMessage));
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var site = await db.Sites.AsNoTracking().SingleOrDefaultAsync(s => s.Id == form.SiteId, cancellationToken);
        if (site is null || !AccessRules.CanChange(actor, Area.Subcontracting, site.RegionId))
        {
            return SaveResult.NotFound;
        }
        if (site.Kind == SiteKind.InHouse)
        {
            return SaveResult.Invalid(nameof(CapacityForm.SiteId), "Capacity_SiteKind");
        }
        if (!await db.Channels.AnyAsync(c => c.Id == form.ChannelId, cancellationToken))
        {
            return SaveResult.Invalid(nameof(CapacityForm.ChannelId), "Capacity_ChannelRequired");
        }

        SubcontractorCapacity capacity;
        object? before = null;
        if (form.Id is { } id)
        {
            var existing = await db.SubcontractorCapacities.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
            if (existing is null || !AccessRules.CanChange(actor, Area.Subcontracting, existing.RegionId))
            {
                return SaveResult.NotFound;
            }
            before = Snapshot(existing);
            capacity = existing;
            capacity.Version = form.Version;
        }
        else
        {
            capacity = new SubcontractorCapacity();
            db.SubcontractorCapacities.Add(capacity);
        }
        capacity.SiteId = site.Id;
        capacity.RegionId = site.RegionId;
        capacity.ChannelId = form.ChannelId;
        capacity.Days = form.Days;
        capacity.From = form.From;
        capacity.To = form.To;
        capacity.Agents = form.Agents;
        return await SaveWithAuditAsync(db, actor, capacity, before, form.Id is null ? "Create" : "Update", cancellationToken);
    }

    public async Task<SaveResult> DeleteAsync(Actor actor, int id, int version, CancellationToken cancellationToken = default)
    {
        if (!AccessRules.CanChangeSome(actor, Area.Subcontracting))
        {
            return SaveResult.NotFound;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var existing = await db.SubcontractorCapacities.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (existing is null || !AccessRules.CanChange(actor, Area.Subcontracting, existing.RegionId))
        {
            return SaveResult.NotFound;
        }
        var before = Snapshot(existing);
        db.Entry(existing).Property(c => c.Version).OriginalValue = version;
        db.SubcontractorCapacities.Remove(existing);
        return await SaveWithAuditAsync(db, actor, existing, before, "Delete", cancellationToken);
    }

    private async Task<SaveResult> SaveWithAuditAsync(PortalDbContext db, Actor actor, SubcontractorCapacity capacity, object? before, string action,
        CancellationToken cancellationToken)
    {
        try
        {
            // The change and its audit entry are written together or not at all.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            AuditLog.Record(db, actor, clock, "SubcontractorCapacity", capacity.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                capacity.RegionId, action, before, action == "Delete" ? null : Snapshot(capacity));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return SaveResult.Saved;
        }
        catch (DbUpdateConcurrencyException)
        {
            return SaveResult.Conflict;
        }
    }

    private static object Snapshot(SubcontractorCapacity c) =>
        new { c.SiteId, c.RegionId, c.ChannelId, Days = c.Days.ToString(), From = c.From.ToString("HH:mm"), To = c.To.ToString("HH:mm"), c.Agents };
}
