using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Regions;
using Portal.Domain.Rollout;
using Portal.Domain.Time;
using Portal.Services.Audit;
using Portal.Services.Data;

namespace Portal.Services.Rollout;

/// <summary>The audit actions of the rollout, so that writing an entry and looking one up use the same word.</summary>
public static class RolloutActions
{
    public const string Switch = "Switch";
    public const string SwitchOverride = "SwitchOverride";
    public const string Rollback = "Rollback";
    public const string PlanUpdate = "PlanUpdate";
    public const string SettingsUpdate = "Update";
}

/// <summary>
/// Switching a region ("bascule") and rolling a switch back, by the rules of <see cref="SwitchRules"/>: the region's
/// director when every gate passes on the switch date, a national administrator also against failing gates or to roll
/// back, with a justification. Every switch and rollback is audited with the gate values at that moment; a region
/// changed since the page read it is a conflict.
/// </summary>
public sealed class SwitchService(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    public const string JustificationField = "Justification";
    public const string DateField = "Date";
    public const string GatesField = "Gates";
    public const string StatusField = "Status";

    /// <summary>Switches the region on <paramref name="date"/> (today or later): coverage applies the post-switch rule from that day on.</summary>
    public async Task<SaveResult> SwitchAsync(Actor actor, string regionCode, DateOnly date, string? justification, int version,
        CancellationToken cancellationToken = default)
    {
        if (!AccessRules.CanChangeSome(actor, Area.Rollout))
        {
            return SaveResult.NotFound;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var region = await ChangeableRegionAsync(db, actor, regionCode, cancellationToken);
        if (region is null)
        {
            return SaveResult.NotFound;
        }
        var today = LocalCalendar.Paris.Today(clock);
        if (date < today)
        {
            return SaveResult.Invalid(DateField, "Rollout_DateInPast");
        }
        var facts = await ReadinessService.LoadFactsAsync(db, region, [date], today, cancellationToken);
        var readiness = ReadinessRule.Evaluate(facts, date);
        var decision = SwitchRules.Switch(actor.Role, region.Status, readiness.Ready, justification);
        if (!decision.Allowed)
        {
            return Refused(decision.Refusal);
        }
        var before = Snapshot(region, null);
        region.Version = version;
        region.Status = RegionStatus.Switched;
        region.ActualSwitchDate = date;
        return await SaveAsync(db, actor, region, before, Snapshot(region, readiness), decision.Override ? RolloutActions.SwitchOverride : RolloutActions.Switch,
            decision.Override ? justification!.Trim() : null, cancellationToken);
    }

    /// <summary>Rolls a switch back: the region is preparing again and coverage pools subcontracted capacity as before.</summary>
    public async Task<SaveResult> RollBackAsync(Actor actor, string regionCode, string? justification, int version, CancellationToken cancellationToken = default)
    {
        if (!AccessRules.CanChangeSome(actor, Area.Rollout))
        {
            return SaveResult.NotFound;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var region = await ChangeableRegionAsync(db, actor, regionCode, cancellationToken);
        if (region is null)
        {
            return SaveResult.NotFound;
        }
        var decision = SwitchRules.RollBack(actor.Role, region.Status, justification);
        if (!decision.Allowed)
        {
            return Refused(decision.Refusal);
        }
        var today = LocalCalendar.Paris.Today(clock);
        var facts = await ReadinessService.LoadFactsAsync(db, region, [today], today, cancellationToken);
        var readiness = ReadinessRule.Evaluate(facts, today);
        var before = Snapshot(region, null);
        region.Version = version;
        region.Status = RegionStatus.Preparing;
        region.ActualSwitchDate = null;
        return await SaveAsync(db, actor, region, before, Snapshot(region, readiness), RolloutActions.Rollback, justification!.Trim(), cancellationToken);
    }

    private static async Task<Region?> ChangeableRegionAsync(PortalDbContext db, Actor actor, string regionCode, CancellationToken cancellationToken)
    {
        var code = regionCode.ToUpperInvariant();
        var region = await db.Regions.SingleOrDefaultAsync(r => r.Code == code, cancellationToken);
        return region is not null && AccessRules.CanChange(actor, Area.Rollout, region.Id) ? region : null;
    }

    private static SaveResult Refused(SwitchRefusal refusal) => refusal switch
    {
        SwitchRefusal.JustificationRequired => SaveResult.Invalid(JustificationField, "Rollout_JustificationRequired"),
        SwitchRefusal.GatesFail => SaveResult.Invalid(GatesField, "Rollout_GatesFail"),
        SwitchRefusal.AlreadySwitched => SaveResult.Invalid(StatusField, "Rollout_AlreadySwitched"),
        SwitchRefusal.NotSwitched => SaveResult.Invalid(StatusField, "Rollout_NotSwitched"),
        _ => SaveResult.NotFound,
    };

    private async Task<SaveResult> SaveAsync(PortalDbContext db, Actor actor, Region region, object before, object after, string action, string? justification,
        CancellationToken cancellationToken)
    {
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            AuditLog.Record(db, actor, clock, AuditEntities.Region, region.Code, region.Id, action, before, after, justification);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return SaveResult.Saved;
        }
        catch (DbUpdateConcurrencyException)
        {
            return SaveResult.Conflict;
        }
    }

    // The gate values are kept as they were when the decision was taken: a later reading may differ.
    private static object Snapshot(Region region, Readiness? readiness) => new
    {
        Status = region.Status.ToString(),
        ActualSwitchDate = region.ActualSwitchDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Date = readiness?.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Ready = readiness?.Ready,
        Gates = readiness?.Gates.Select(g => new
        {
            Code = g.Code.ToString(),
            g.Passes,
            Value = Math.Round(g.Value, 4),
            g.Threshold,
            Channels = g.Channels.Select(c => new { c.Channel, c.Passes, Value = Math.Round(c.Value, 4), c.Threshold }),
        }),
    };
}
