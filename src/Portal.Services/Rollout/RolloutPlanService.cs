using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Regions;
using Portal.Domain.Rollout;
using Portal.Domain.Time;
using Portal.Services.Audit;
using Portal.Services.Data;
using Portal.Services.Regions;

namespace Portal.Services.Rollout;

/// <summary>
/// A line of the timeline: the region, whether the actor may open its readiness page, and for those it may, the gates
/// passing at the planned date (none for the others: the timeline carries no region's own figures).
/// </summary>
public sealed record TimelineRow(RegionSummary Region, int Version, bool Readable, int? GatesPassing, int GatesTotal);

/// <summary>
/// The rollout plan: the timeline every role reads (statuses and dates, no personal data), the plan national
/// administrators edit (validated, version-checked, audited), and the rollout thresholds of the settings.
/// </summary>
public sealed class RolloutPlanService(IDbContextFactory<PortalDbContext> dbFactory, IValidator<RolloutPlanForm> planValidator,
    IValidator<RolloutSettingsForm> settingsValidator, TimeProvider clock)
{
    public async Task<IReadOnlyList<TimelineRow>> TimelineAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        if (!AccessRules.CanReadNationalAggregates(actor, Area.Rollout))
        {
            return [];
        }
        var today = LocalCalendar.Paris.Today(clock);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var regions = await db.Regions.AsNoTracking().OrderBy(r => r.Wave).ThenBy(r => r.Code).ToListAsync(cancellationToken);
        var rows = new List<TimelineRow>(regions.Count);
        foreach (var r in regions)
        {
            var readable = AccessRules.CanRead(actor, Area.Rollout, r.Id);
            int? passing = null;
            if (readable && r.Status != RegionStatus.Switched)
            {
                var date = r.PlannedSwitchDate < today ? today : r.PlannedSwitchDate;
                var facts = await ReadinessService.LoadFactsAsync(db, r, [date], today, cancellationToken);
                passing = ReadinessRule.Evaluate(facts, date).Gates.Count(g => g.Passes);
            }
            rows.Add(new TimelineRow(new RegionSummary(r.Id, r.Code, r.Name, r.Wave, r.Status, r.PlannedSwitchDate, r.ActualSwitchDate), r.Version,
                readable, passing, Enum.GetValues<GateCode>().Length));
        }
        return rows;
    }

    /// <summary>The plan as it stands, for editing; null when the actor may not edit it.</summary>
    public async Task<RolloutPlanForm?> PlanAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        if (!AccessRules.CanEditRolloutPlan(actor))
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var settings = await Training.EnrolmentFacts.SettingsAsync(db, cancellationToken);
        return new RolloutPlanForm
        {
            MaxRegionsPerWave = Math.Max(1, settings.MaxRegionsPerWave),
            Regions = await db.Regions.AsNoTracking().OrderBy(r => r.Wave).ThenBy(r => r.Code)
                .Select(r => new PlanEntry { RegionCode = r.Code, Wave = r.Wave, PlannedSwitchDate = r.PlannedSwitchDate, Version = r.Version })
                .ToListAsync(cancellationToken),
        };
    }

    /// <summary>Saves the waves and planned dates of every region at once; each changed region is audited.</summary>
    public async Task<SaveResult> SavePlanAsync(Actor actor, RolloutPlanForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!AccessRules.CanEditRolloutPlan(actor))
        {
            return SaveResult.NotFound;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var regions = await db.Regions.ToListAsync(cancellationToken);
        var byCode = form.Regions.GroupBy(r => r.RegionCode.ToUpperInvariant()).ToDictionary(g => g.Key, g => g.First());
        if (byCode.Count != regions.Count || regions.Any(r => !byCode.ContainsKey(r.Code)))
        {
            return SaveResult.NotFound;
        }
        // The limit is the stored plan's, not whatever the form claims.
        form.MaxRegionsPerWave = Math.Max(1, (await Training.EnrolmentFacts.SettingsAsync(db, cancellationToken)).MaxRegionsPerWave);
        var validation = await planValidator.ValidateAsync(form, cancellationToken);
        if (!validation.IsValid)
        {
            return new SaveResult(SaveOutcome.Invalid, validation.Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.First().ErrorMessage));
        }
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var changed = new List<(Region Region, object Before)>();
            foreach (var region in regions)
            {
                var entry = byCode[region.Code];
                if (entry.Wave == region.Wave && entry.PlannedSwitchDate == region.PlannedSwitchDate && entry.Version == region.Version)
                {
                    continue;
                }
                changed.Add((region, Snapshot(region)));
                region.Version = entry.Version;
                region.Wave = entry.Wave;
                region.PlannedSwitchDate = entry.PlannedSwitchDate;
            }
            await db.SaveChangesAsync(cancellationToken);
            foreach (var (region, before) in changed)
            {
                AuditLog.Record(db, actor, clock, AuditEntities.Region, region.Code, region.Id, RolloutActions.PlanUpdate, before, Snapshot(region));
            }
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return SaveResult.Saved;
        }
        catch (DbUpdateConcurrencyException)
        {
            return SaveResult.Conflict;
        }
    }

    /// <summary>The rollout thresholds for editing; null when the actor may not edit them.</summary>
    public async Task<RolloutSettingsForm?> SettingsAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        if (!AccessRules.CanEditRolloutPlan(actor))
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return RolloutSettingsForm.Of(await Training.EnrolmentFacts.SettingsAsync(db, cancellationToken));
    }

    public async Task<SaveResult> SaveSettingsAsync(Actor actor, RolloutSettingsForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!AccessRules.CanEditRolloutPlan(actor))
        {
            return SaveResult.NotFound;
        }
        var validation = await settingsValidator.ValidateAsync(form, cancellationToken);
        if (!validation.IsValid)
        {
            return new SaveResult(SaveOutcome.Invalid, validation.Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.First().ErrorMessage));
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var settings = await db.RolloutSettings.OrderBy(s => s.Id).FirstOrDefaultAsync(cancellationToken);
        object? before = null;
        if (settings is null)
        {
            settings = new RolloutSettings();
            db.RolloutSettings.Add(settings);
        }
        else
        {
            before = RolloutSettingsForm.Of(settings);
            settings.Version = form.Version;
        }
        settings.TrainingCompletionThreshold = form.TrainingCompletionThreshold;
        settings.CoreCoverageThreshold = form.CoreCoverageThreshold;
        settings.CoreIntervalFloor = form.CoreIntervalFloor;
        settings.TrainingPlanningFloor = form.TrainingPlanningFloor;
        settings.MaxTrainingDaysPerWeek = form.MaxTrainingDaysPerWeek;
        settings.MaxRegionsPerWave = form.MaxRegionsPerWave;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            var after = RolloutSettingsForm.Of(settings);
            AuditLog.Record(db, actor, clock, AuditEntities.RolloutSettings, settings.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), null,
                RolloutActions.SettingsUpdate, before is null ? null : SettingsSnapshot((RolloutSettingsForm)before), SettingsSnapshot(after));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return SaveResult.Saved;
        }
        catch (DbUpdateConcurrencyException)
        {
            return SaveResult.Conflict;
        }
    }

    private static object Snapshot(Region r) => new { r.Wave, PlannedSwitchDate = r.PlannedSwitchDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) };

    private static object SettingsSnapshot(RolloutSettingsForm f) => new
    {
        f.TrainingCompletionThreshold, f.CoreCoverageThreshold, f.CoreIntervalFloor, f.TrainingPlanningFloor, f.MaxTrainingDaysPerWeek, f.MaxRegionsPerWave,
    };
}
