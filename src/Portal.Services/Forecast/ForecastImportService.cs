using Portal.Domain.Access;
using Portal.Services.Files;
using Portal.Services.Regions;

namespace Portal.Services.Forecast;

/// <summary>
/// Replaces the forecast of the regions and channels a file covers, day by day (<see cref="ForecastFile"/>), all or
/// nothing, through the import pipeline. Only a role that may change coverage imports; each row is checked for its region.
/// </summary>
public sealed class ForecastImportService(ImportPipeline pipeline, RegionDirectory regions, TimeProvider clock)
{
    public static ImportFormat Format => ForecastFile.Columns;

    /// <param name="onlyRegion">When given (an import from a region's page), rows of any other region are refused.</param>
    public async Task<ImportResult> ImportAsync(Actor actor, Stream csv, string? onlyRegion = null, CancellationToken cancellationToken = default)
    {
        if (AccessRules.GrantOf(actor.Role, Area.Coverage).Change == Reach.None)
        {
            return ImportResult.Refused(Messages.Format("ForecastImport_Forbidden"));
        }
        if (onlyRegion is not null
            && (await regions.FindAsync(actor, onlyRegion, Area.Coverage, cancellationToken) is not { } region || !AccessRules.CanChange(actor, Area.Coverage, region.Id)))
        {
            return ImportResult.Refused(Messages.Format("ForecastImport_Region", onlyRegion));
        }
        return await pipeline.RunAsync(csv, new ForecastFile(actor, onlyRegion, pipeline.Limits, clock), cancellationToken);
    }
}
