using System.Linq.Expressions;
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

    /// <summary>
    /// A site of the operator's own staff: only in-house advisors are the region's supply of their own, count towards
    /// its readiness and are managed in the portal; subcontracted and offshore sites bring capacity, not people.
    /// </summary>
    public static Expression<Func<Site, bool>> InHouse { get; } = s => s.Kind == SiteKind.InHouse;

    private static readonly Func<Site, bool> IsInHouseCompiled = InHouse.Compile();

    /// <inheritdoc cref="InHouse"/>
    public bool IsInHouse => IsInHouseCompiled(this);
}

public enum SiteKind
{
    InHouse = 0,
    Subcontracted = 1,
    Offshore = 2,
}
