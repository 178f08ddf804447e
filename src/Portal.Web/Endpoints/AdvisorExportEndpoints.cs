using Portal.Domain.Access;
using Portal.Services.Access;
using Portal.Services.Advisors;
using Portal.Web.Access;

namespace Portal.Web.Endpoints;

/// <summary><c>GET /advisors.csv</c>: the advisors the user may read, in the import format (a re-import changes nothing).</summary>
internal static class AdvisorExportEndpoints
{
    public static void MapAdvisorExportEndpoints(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/advisors.csv", async (HttpContext context, AdvisorExportService export, CancellationToken cancellationToken) =>
        {
            if (context.User.ToActor() is not { } actor)
            {
                return Results.NotFound();
            }
            using var buffer = new MemoryStream();
            await export.ExportAsync(actor, buffer, cancellationToken);
            return Results.File(buffer.ToArray(), "text/csv; charset=utf-8", "conseillers.csv");
        }).RequireAuthorization(AreaAuthorizeAttribute.Prefix + Area.Advisors);
}
