using Portal.Domain.Access;
using Portal.Services.Access;
using Portal.Services.Files;
using Portal.Services.Training;
using Portal.Web.Access;

namespace Portal.Web.Endpoints;

/// <summary>
/// The completion page's figures as files, through the same service (so the same access rules: a director gets the
/// own region's figures, a role without training 404).
/// </summary>
internal static class CompletionExportEndpoints
{
    public static void MapCompletionExportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var training = endpoints.MapGroup("/training").RequireAuthorization(AreaAuthorizeAttribute.Prefix + Area.Training);

        training.MapGet("/completion.csv", async (HttpContext context, TrainingCompletionService service, CancellationToken cancellationToken) =>
            await service.GetAsync(context.User.ToActor()!, cancellationToken) is { } view
                ? await SkillsExportEndpoints.FileAsync(CsvTable.WriteAsync, TrainingCompletionFile.Figures(view), "text/csv; charset=utf-8", "completion.csv", cancellationToken)
                : Results.NotFound());

        training.MapGet("/completion.xlsx", async (HttpContext context, TrainingCompletionService service, CancellationToken cancellationToken) =>
            await service.GetAsync(context.User.ToActor()!, cancellationToken) is { } view
                ? await SkillsExportEndpoints.FileAsync(ExcelTable.WriteAsync, TrainingCompletionFile.Figures(view),
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "completion.xlsx", cancellationToken)
                : Results.NotFound());
    }
}
