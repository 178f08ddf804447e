using Portal.Services.Audit;

namespace Portal.Web.Security;

/// <summary>
/// The address of the request being served, after the forwarded headers of a known proxy were applied. In an
/// interactive circuit it is the address the circuit's connection came from.
/// </summary>
internal sealed class HttpClientAddress(IHttpContextAccessor accessor) : IClientAddress
{
    public string? Current => accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();
}
