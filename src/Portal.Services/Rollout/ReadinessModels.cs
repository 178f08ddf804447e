using Portal.Domain.Rollout;
using Portal.Services.Regions;

namespace Portal.Services.Rollout;

/// <summary>
/// A gate as the page and the tool show it: the domain's figures and the sentence in the user's language; for G2, the
/// code of the required course most often missing, which the link to who still needs it filters on.
/// </summary>
public sealed record GateView(GateCode Code, bool Passes, double Value, double Threshold, string Text, IReadOnlyList<ChannelGate> Channels,
    string? MissingCourse = null);

/// <summary>A region's readiness for a date; <see cref="RegionVersion"/> is what a switch from this page must still find.</summary>
public sealed record ReadinessView(RegionSummary Region, int RegionVersion, DateOnly Date, bool Ready, IReadOnlyList<GateView> Gates);

/// <summary>
/// The readiness outlook of a region: the planned date and the coming sixteen Mondays with the gates at each, the
/// earliest date from which every gate passes (none within the weeks), and the sentence that says so.
/// </summary>
public sealed record OutlookView(RegionSummary Region, DateOnly PlannedSwitchDate, IReadOnlyList<ReadinessView> Weeks, DateOnly? EarliestReady,
    GateCode? Blocking, string Sentence);

/// <summary>
/// A session not saved, that the outlook counts as planned (a proposal under review): its course, its days and the
/// advisors it would enrol.
/// </summary>
public sealed record HypotheticalSession(int CourseId, IReadOnlyList<DateOnly> Days, IReadOnlyList<int> Advisors)
{
    public DateOnly LastDay => Days.Max();
}
