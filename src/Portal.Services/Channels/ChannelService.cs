using System.Globalization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Channels;
using Portal.Services.Audit;
using Portal.Services.Data;

namespace Portal.Services.Channels;

/// <summary>
/// The channel parameters of the settings page, for national administrators only: read one channel, change it
/// (validated, version-checked, audited with the old and new values). Coverage, readiness and the planner read the
/// channels afresh on each computation, so a saved change counts from the next one on.
/// </summary>
public sealed class ChannelService(IDbContextFactory<PortalDbContext> dbFactory, IValidator<ChannelForm> validator, TimeProvider clock)
{
    /// <summary>The channels an administrator may open, in their usual order; empty for anyone else.</summary>
    public async Task<IReadOnlyList<Choice>> ChannelsAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        if (!AccessRules.CanEditChannels(actor))
        {
            return [];
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Channels.AsNoTracking().OrderBy(c => c.Id).Select(c => new Choice(c.Id, c.Code)).ToListAsync(cancellationToken);
    }

    /// <summary>One channel's parameters for editing; null when it does not exist or the actor may not edit it.</summary>
    public async Task<ChannelForm?> GetAsync(Actor actor, int channelId, CancellationToken cancellationToken = default)
    {
        if (!AccessRules.CanEditChannels(actor))
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var channel = await db.Channels.AsNoTracking().Include(c => c.OpeningHours).SingleOrDefaultAsync(c => c.Id == channelId, cancellationToken);
        return channel is null ? null : ChannelForm.Of(channel);
    }

    public async Task<SaveResult> SaveAsync(Actor actor, ChannelForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!AccessRules.CanEditChannels(actor))
        {
            return SaveResult.NotFound;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var channel = await db.Channels.Include(c => c.OpeningHours).SingleOrDefaultAsync(c => c.Id == form.ChannelId, cancellationToken);
        if (channel is null)
        {
            return SaveResult.NotFound;
        }
        // The kind is the stored channel's, not whatever the form claims: the concurrency rule depends on it.
        form.Kind = channel.Kind;
        form.Code = channel.Code;
        var validation = await validator.ValidateAsync(form, cancellationToken);
        if (!validation.IsValid)
        {
            return new SaveResult(SaveOutcome.Invalid, validation.Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.First().ErrorMessage));
        }

        var before = Snapshot(channel);
        channel.ServiceLevelTarget = form.ServiceLevelTargetPercent / 100;
        channel.TargetAnswerSeconds = form.TargetAnswerSeconds;
        channel.AverageHandlingSeconds = form.AverageHandlingSeconds;
        channel.Concurrency = form.Concurrency;
        channel.MaxOccupancy = form.MaxOccupancyPercent / 100;
        channel.Shrinkage = form.ShrinkagePercent / 100;
        foreach (var day in form.OpeningHours)
        {
            var stored = channel.OpeningHours.FirstOrDefault(o => o.Day == day.Day);
            if (!day.Open)
            {
                if (stored is not null)
                {
                    channel.OpeningHours.Remove(stored);
                }
                continue;
            }
            if (stored is null)
            {
                stored = new OpeningHours { ChannelId = channel.Id, Day = day.Day };
                channel.OpeningHours.Add(stored);
            }
            stored.Opens = day.Opens;
            stored.Closes = day.Closes;
        }
        // The version is checked even when only the opening hours (other rows) changed: the channel row carries it.
        channel.Version = form.Version;
        db.Entry(channel).Property(c => c.Version).IsModified = true;
        try
        {
            // The change and its audit entry are written together or not at all.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            AuditLog.Record(db, actor, clock, AuditEntities.Channel, channel.Code, null, ChannelActions.Update, before, Snapshot(channel));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return SaveResult.Saved;
        }
        catch (DbUpdateConcurrencyException)
        {
            return SaveResult.Conflict;
        }
    }

    private static object Snapshot(Channel c) => new
    {
        c.ServiceLevelTarget, c.TargetAnswerSeconds, c.AverageHandlingSeconds, c.Concurrency, c.MaxOccupancy, c.Shrinkage,
        OpeningHours = ChannelForm.Week.Select(day => c.OpeningHours.FirstOrDefault(o => o.Day == day) is { } h
            ? $"{day}: {h.Opens.ToString("HH:mm", CultureInfo.InvariantCulture)}-{(h.Closes == TimeOnly.MinValue ? "24:00" : h.Closes.ToString("HH:mm", CultureInfo.InvariantCulture))}"
            : $"{day}: closed").ToList(),
    };
}
