using Portal.Domain.Assignments;
using Portal.Domain.Roster;
using Portal.Services.Regions;

namespace Portal.Services.Roster;

/// <summary>
/// What a roster is asked for: a region, a day of the week, the channel codes (none: every channel), the solver's time
/// limit in seconds (none: the configured one) and the ids of shifts the director pins.
/// </summary>
public sealed record RosterQuery(string RegionCode, DateOnly Week, IReadOnlyList<string>? Channels = null, int? Seconds = null,
    IReadOnlyCollection<int>? PinnedShiftIds = null);

/// <summary>
/// A proposed roster for a region's week: the draft, the channels it plans, and the changes per advisor (shifts added,
/// shifts of the current plan removed), which the director accepts all together, per advisor, or discards. The request
/// it was made from is kept with it, so the draft can be read against the same facts (coverage per channel, checks).
/// </summary>
public sealed record RosterProposal(RegionSummary Region, DateOnly Monday, bool Published, IReadOnlyList<string> Channels, RosterDraft Draft,
    IReadOnlyList<RosterAdvisorChanges> Changes, RosterRequest? Request = null);

/// <summary>One advisor's changes in a proposal; removed shifts carry the id and version the proposal saw.</summary>
public sealed record RosterAdvisorChanges(int AdvisorId, string EmployeeNumber, string Name, IReadOnlyList<Shift> Added, IReadOnlyList<Shift> Removed);
