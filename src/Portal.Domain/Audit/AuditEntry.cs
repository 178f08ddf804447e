namespace Portal.Domain.Audit;

/// <summary>Who changed what, when (UTC), from what to what, and why where a justification is required.</summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTime AtUtc { get; set; }
    public required string UserName { get; set; }
    public required string Entity { get; set; }
    public required string EntityKey { get; set; }

    /// <summary>The region the change belongs to, so a director's audit view can be limited to it.</summary>
    public int? RegionId { get; set; }
    public required string Action { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
    public string? Justification { get; set; }

    /// <summary>The address a security event came from (sign-in, two-factor, user administration from the portal).</summary>
    public string? IpAddress { get; set; }
}
