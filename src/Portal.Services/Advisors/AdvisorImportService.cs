using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Services.Files;

namespace Portal.Services.Advisors;

/// <summary>
/// Creates and updates in-house advisors from an advisor file (<see cref="AdvisorFile"/>), all or nothing, through
/// the import pipeline. Only a role that may change advisors imports; each row is checked for the region it touches.
/// </summary>
public sealed class AdvisorImportService(
    ImportPipeline pipeline,
    IValidator<NewAdvisor> advisorRules,
    IValidator<SkillChange> skillRules,
    TimeProvider clock)
{
    public static ImportFormat Format => AdvisorFile.Columns;

    public async Task<ImportResult> ImportAsync(Actor actor, Stream csv, CancellationToken cancellationToken = default)
    {
        if (AccessRules.GrantOf(actor.Role, Area.Advisors).Change == Reach.None)
        {
            return ImportResult.Refused(Messages.Format("AdvisorImport_Forbidden"));
        }
        return await pipeline.RunAsync(csv, new AdvisorFile(actor, advisorRules, skillRules, clock), cancellationToken);
    }
}
