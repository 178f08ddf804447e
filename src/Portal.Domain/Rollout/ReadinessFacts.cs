using Portal.Domain.Coverage;
using Portal.Domain.Regions;

namespace Portal.Domain.Rollout;

/// <summary>A region as the sequence gate (G1) sees it.</summary>
public sealed record RegionWave(string Code, int Wave, RegionStatus Status);

/// <summary>A course flagged "required for regionalisation"; its code filters the list of who still needs it.</summary>
public sealed record RequiredCourse(int Id, string Title, string? Code = null);

/// <summary>
/// Where one advisor stands on one required course: the day it was completed (the session's last day), and the last
/// day of the first session the advisor is still planned in, if any.
/// </summary>
public sealed record CourseProgress(int CourseId, DateOnly? CompletedOn, DateOnly? PlannedLastDay);

/// <summary>An active in-house advisor of the region and the required courses he or she has completed or is planned in.</summary>
public sealed record AdvisorProgress(int AdvisorId, IReadOnlyList<CourseProgress> Courses);

/// <summary>
/// A channel the region may open: how many of its in-house advisors are certified (level 2 or more) in the channel's
/// skills, and the channel's coverage over the days the gates are asked about (every week starting at an evaluated date).
/// <paramref name="PlannedCertifications"/> holds, for each advisor not yet certified whom planned sessions will
/// certify, the day it happens: the last day of the last session needed (a completion grants its skills on that day).
/// </summary>
public sealed record ChannelFacts(string Code, int CertifiedAdvisors, IReadOnlyList<CoverageDay> Days, IReadOnlyList<DateOnly>? PlannedCertifications = null)
{
    /// <summary>The advisors certified on <paramref name="date"/>; with the plan, those its sessions certify by then too.</summary>
    public int CertifiedOn(DateOnly date, bool withPlan) =>
        CertifiedAdvisors + (withPlan && PlannedCertifications is { } planned ? planned.Count(day => day <= date) : 0);

    /// <summary>
    /// The days planned sessions certify advisors on a channel: an advisor who lacks some of the
    /// <paramref name="requiredSkills"/> is certified from the last day of the last session needed to grant them (a
    /// completion grants its skills on the session's last day, so a planned session counts from then); one who lacks a
    /// skill no planned session grants is not certified by the plan; one who holds them all already is not counted here.
    /// </summary>
    public static IReadOnlyList<DateOnly> CertifiedByPlan(IEnumerable<int> advisors, IReadOnlyCollection<int> requiredSkills,
        Func<int, int, bool> holds, IEnumerable<PlannedGrant> grants)
    {
        ArgumentNullException.ThrowIfNull(advisors);
        ArgumentNullException.ThrowIfNull(requiredSkills);
        ArgumentNullException.ThrowIfNull(holds);
        ArgumentNullException.ThrowIfNull(grants);
        // The first planned session that grants a skill is the one that counts.
        var earliest = grants.GroupBy(g => (g.AdvisorId, g.SkillId)).ToDictionary(g => g.Key, g => g.Min(x => x.LastDay));
        var days = new List<DateOnly>();
        foreach (var advisor in advisors)
        {
            var missing = requiredSkills.Where(skill => !holds(advisor, skill)).ToList();
            if (missing.Count == 0)
            {
                continue;
            }
            var granted = missing.Select(skill => earliest.TryGetValue((advisor, skill), out var day) ? day : (DateOnly?)null).ToList();
            if (granted.All(d => d is not null))
            {
                days.Add(granted.Max()!.Value);
            }
        }
        return days;
    }
}

/// <summary>A skill a planned session will grant an advisor (level 2 or more) when it ends, on <paramref name="LastDay"/>.</summary>
public sealed record PlannedGrant(int AdvisorId, int SkillId, DateOnly LastDay);

/// <summary>
/// Everything a region's readiness depends on, already read: the regions and their waves, the thresholds, the
/// required courses and each advisor's progress on them, and each channel's certified advisors and coverage.
/// Read once, these facts answer any number of dates (the outlook evaluates seventeen).
/// </summary>
public sealed class ReadinessFacts
{
    public required Region Region { get; init; }
    public required IReadOnlyList<RegionWave> Regions { get; init; }
    public required RolloutSettings Settings { get; init; }
    public required IReadOnlyList<RequiredCourse> RequiredCourses { get; init; }
    public required IReadOnlyList<AdvisorProgress> Advisors { get; init; }
    public required IReadOnlyList<ChannelFacts> Channels { get; init; }
}
