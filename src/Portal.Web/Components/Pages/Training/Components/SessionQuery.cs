using Portal.Services.Training;

namespace Portal.Web.Components.Pages.Training.Components;

/// <summary>What the sessions page shows, as its address holds it (<c>?region=&amp;course=&amp;site=&amp;status=&amp;month=&amp;view=</c>).</summary>
public sealed record SessionQuery(string? Region, int? CourseId, int? SiteId, SessionStatus? Status, DateOnly Month, bool Calendar)
{
    public SessionFilter Filter => new(CourseId, SiteId, Status);
}
