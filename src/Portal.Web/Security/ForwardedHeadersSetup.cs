using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Portal.Web.Security;

/// <summary>
/// Behind a TLS proxy the client's address and the scheme come from the proxy's X-Forwarded-For and -Proto headers,
/// believed only from the proxies named in <c>ForwardedHeaders:KnownProxies</c> (addresses) or <c>KnownNetworks</c>
/// (CIDR). None named: the headers are ignored, whoever sends them (not even loopback is trusted by default).
/// </summary>
public static class ForwardedHeadersSetup
{
    public const string Section = "ForwardedHeaders";

    public static IServiceCollection AddPortalForwardedHeaders(this IServiceCollection services) =>
        services.AddOptions<ForwardedHeadersOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
#pragma warning disable ASPDEPR005 // The older list is still read by the middleware: it must be emptied too.
            options.KnownNetworks.Clear();
#pragma warning restore ASPDEPR005
            foreach (var proxy in configuration.GetSection($"{Section}:KnownProxies").Get<string[]>() ?? [])
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }
            foreach (var network in configuration.GetSection($"{Section}:KnownNetworks").Get<string[]>() ?? [])
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        }).Services;

    /// <summary>
    /// Applies the forwarded headers only when a proxy is named: the framework's middleware, given an empty list,
    /// believes every sender, which would let any client write the address the audit log keeps.
    /// </summary>
    public static IApplicationBuilder UsePortalForwardedHeaders(this WebApplication app)
    {
        var section = app.Configuration.GetSection(Section);
        var named = (section.GetSection("KnownProxies").Get<string[]>()?.Length ?? 0) + (section.GetSection("KnownNetworks").Get<string[]>()?.Length ?? 0);
        return named > 0 ? app.UseForwardedHeaders() : app;
    }
}
