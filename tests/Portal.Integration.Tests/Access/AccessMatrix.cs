using System.Reflection;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Routing;
using Portal.Domain.Access;

namespace Portal.Integration.Tests.Access;

/// <summary>
/// What the portal has to answer for: its routable pages (the Razor route table), its endpoints (the running app's
/// endpoint data source) and its service commands (public methods of the public services taking an <see cref="Actor"/>),
/// each named by a key the expected-answer table uses.
/// </summary>
public static class AccessMatrix
{
    /// <summary>Page route templates, as <c>@page</c> declares them.</summary>
    public static IReadOnlyList<string> Pages() =>
        typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t))
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>().Select(r => r.Template))
            .Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>
    /// Endpoints other than pages, as "METHOD /route"; the static files (framework scripts, styles) are one key, since
    /// they are mapped together and answer the same to anyone.
    /// </summary>
    public static IReadOnlyList<string> Endpoints(EndpointDataSource source) =>
        source.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ComponentTypeMetadata>() is null)
            .Select(EndpointKey)
            .Distinct().Order(StringComparer.Ordinal).ToList();

    public const string StaticFiles = "static files";

    public static string EndpointKey(RouteEndpoint endpoint)
    {
        if (endpoint.Metadata.Any(m => m.GetType().Namespace == "Microsoft.AspNetCore.StaticAssets"))
        {
            return StaticFiles;
        }
        var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } list ? string.Join(',', list) : "ANY";
        return $"{methods} {endpoint.RoutePattern.RawText}";
    }

    /// <summary>Service commands as "Service.Method".</summary>
    public static IReadOnlyList<string> Commands() =>
        typeof(Portal.Services.Messages).Assembly.GetExportedTypes()
            .Where(t => t.IsClass && !t.IsAbstract)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(m => m.GetParameters().Any(p => p.ParameterType == typeof(Actor)))
                .Select(m => $"{t.Name}.{m.Name}"))
            .Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>What is found but has no row in the table: a reviewer must decide who may use it before it ships.</summary>
    public static IReadOnlyList<string> Missing(IEnumerable<string> found, IEnumerable<string> table)
    {
        var rows = table.ToHashSet(StringComparer.Ordinal);
        return found.Where(f => !rows.Contains(f)).ToList();
    }
}
