using Portal.Domain.Regions;

namespace Portal.Domain.Sites;

/// <summary>A call centre ("plateau"). <see cref="RegionId"/> is the region it serves by default.</summary>
public class Site
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string City { get; set; }
    public int RegionId { get; set; }
    public Region? Region { get; set; }
    public SiteKind Kind { get; set; }
    public int Seats { get; set; }
}

public enum SiteKind
{
    InHouse = 0,
    Subcontracted = 1,
    Offshore = 2,
}
