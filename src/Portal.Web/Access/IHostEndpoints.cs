namespace Portal.Web.Access;

/// <summary>
/// Endpoints a host maps besides the portal's own (a test host proving that deny by default holds). They get no
/// exception: without a declared policy they answer 404 like any other.
/// </summary>
public interface IHostEndpoints
{
    void Map(IEndpointRouteBuilder endpoints);
}
