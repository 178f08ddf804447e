using Microsoft.AspNetCore.Authorization;
using Portal.Domain.Access;

namespace Portal.Web.Access;

/// <summary>Requires a signed-in user whose role may use the area, as <see cref="AccessRules.CanUse"/> decides.</summary>
public sealed class AreaAuthorizeAttribute : AuthorizeAttribute
{
    public const string Prefix = "area:";

    public AreaAuthorizeAttribute(Area area)
    {
        Area = area;
        Policy = Prefix + area;
    }

    public Area Area { get; }
}
