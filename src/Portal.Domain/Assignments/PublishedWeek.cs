namespace Portal.Domain.Assignments;

/// <summary>
/// A region's week (Monday to Sunday) whose shifts its director has published: advisors see the shifts of published
/// weeks only; the others are drafts.
/// </summary>
public class PublishedWeek
{
    public int Id { get; set; }
    public int RegionId { get; set; }
    public DateOnly Monday { get; set; }
    public DateTime PublishedAtUtc { get; set; }
    public required string PublishedBy { get; set; }
}

/// <summary>
/// An advisor's side of the published schedule: when the advisor last looked at it (so changes since are flagged) and
/// the hash of the secret token of the personal calendar address (the token itself is never stored).
/// </summary>
public class AdvisorCalendar
{
    public int AdvisorId { get; set; }
    public DateTime? SeenAtUtc { get; set; }
    public string? TokenHash { get; set; }
}
