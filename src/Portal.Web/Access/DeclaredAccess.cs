using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Endpoints;

namespace Portal.Web.Access;

/// <summary>
/// Deny by default, for endpoints as for pages: an endpoint answers only when it says who may use it, with an area
/// policy (<see cref="AreaAuthorizeAttribute"/>) or a deliberate <c>AllowAnonymous</c> (health, preferences, sign-in).
/// Any other endpoint answers 404 to everyone, so one mapped without a policy leaks nothing by being forgotten. Pages
/// are components: their own attributes say who may see them (tested page by page), as do the circuit's hub endpoints.
/// </summary>
public static class DeclaredAccess
{
    /// <summary>Whether the endpoint names who may use it.</summary>
    public static bool IsDeclared(Endpoint endpoint)
    {
        var metadata = endpoint.Metadata;
        if (metadata.GetMetadata<IAllowAnonymous>() is not null || metadata.GetMetadata<ComponentTypeMetadata>() is not null)
        {
            return true;
        }
        if (metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy?.StartsWith(AreaAuthorizeAttribute.Prefix, StringComparison.Ordinal) == true))
        {
            return true;
        }
        return IsCircuit(endpoint);
    }

    /// <summary>Refuses, as if it did not exist, an endpoint that does not name who may use it.</summary>
    public static IApplicationBuilder UseDeclaredAccessOnly(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.GetEndpoint() is { } endpoint && !IsDeclared(endpoint))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            await next(context);
        });

    // The framework's own endpoints (the interactive circuit's hub, the redirect of an enhanced navigation) belong to
    // the pages: they carry no policy of their own and each page they render is authorized as a page.
    private static bool IsCircuit(Endpoint endpoint) =>
        endpoint is RouteEndpoint { RoutePattern.RawText: { } route }
        && (route.StartsWith("/_blazor", StringComparison.Ordinal) || route.StartsWith("/_framework/", StringComparison.Ordinal));
}
