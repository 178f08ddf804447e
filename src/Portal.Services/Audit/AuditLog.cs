using System.Text.Json;
using Portal.Domain.Access;
using Portal.Domain.Audit;
using Portal.Services.Data;

namespace Portal.Services.Audit;

/// <summary>Adds the audit entry of a change to the context that saves it, so both are written or neither.</summary>
public static class AuditLog
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public static AuditEntry Record(PortalDbContext db, Actor actor, TimeProvider clock, string entity, string key, int? regionId, string action,
        object? before, object? after, string? justification = null, string? ipAddress = null) =>
        db.AuditEntries.Add(new AuditEntry
        {
            AtUtc = clock.GetUtcNow().UtcDateTime,
            UserName = actor.UserName,
            Entity = entity,
            EntityKey = key,
            RegionId = regionId,
            Action = action,
            Before = before is null ? null : JsonSerializer.Serialize(before, Json),
            After = after is null ? null : JsonSerializer.Serialize(after, Json),
            Justification = justification,
            IpAddress = ipAddress,
        }).Entity;
}
