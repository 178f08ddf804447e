namespace Portal.Domain.Access;

/// <summary>How far a grant reaches.</summary>
public enum Reach
{
    None = 0,
    OwnRegion = 1,
    AllRegions = 2,
}

public readonly record struct Grant(Reach Read, Reach Change);

/// <summary>
/// The one place that decides what a user may see and change in which region. Services call it before
/// reading or writing; pages only hide what it would refuse anyway. The table below is the specification's
/// section 2 written as data; its tests read the same table.
/// </summary>
public static class AccessRules
{
    private static readonly Grant No = new(Reach.None, Reach.None);

    private static readonly Dictionary<(PortalRole, Area), Grant> Table = new()
    {
        [(PortalRole.NationalAdmin, Area.Dashboard)] = new(Reach.AllRegions, Reach.None),
        [(PortalRole.NationalAdmin, Area.Rollout)] = new(Reach.AllRegions, Reach.AllRegions),
        [(PortalRole.NationalAdmin, Area.Advisors)] = new(Reach.AllRegions, Reach.AllRegions),
        [(PortalRole.NationalAdmin, Area.Skills)] = new(Reach.AllRegions, Reach.AllRegions),
        [(PortalRole.NationalAdmin, Area.Training)] = new(Reach.AllRegions, Reach.AllRegions),
        [(PortalRole.NationalAdmin, Area.Coverage)] = new(Reach.AllRegions, Reach.AllRegions),
        [(PortalRole.NationalAdmin, Area.Subcontracting)] = new(Reach.AllRegions, Reach.AllRegions),
        [(PortalRole.NationalAdmin, Area.Assignments)] = new(Reach.AllRegions, Reach.AllRegions),
        [(PortalRole.NationalAdmin, Area.Audit)] = new(Reach.AllRegions, Reach.None),
        [(PortalRole.NationalAdmin, Area.Administration)] = new(Reach.AllRegions, Reach.AllRegions),

        [(PortalRole.RegionalDirector, Area.Dashboard)] = new(Reach.OwnRegion, Reach.None),
        [(PortalRole.RegionalDirector, Area.Rollout)] = new(Reach.OwnRegion, Reach.OwnRegion),
        [(PortalRole.RegionalDirector, Area.Advisors)] = new(Reach.OwnRegion, Reach.OwnRegion),
        [(PortalRole.RegionalDirector, Area.Skills)] = new(Reach.OwnRegion, Reach.OwnRegion),
        [(PortalRole.RegionalDirector, Area.Training)] = new(Reach.OwnRegion, Reach.OwnRegion),
        [(PortalRole.RegionalDirector, Area.Coverage)] = new(Reach.OwnRegion, Reach.OwnRegion),
        [(PortalRole.RegionalDirector, Area.Subcontracting)] = new(Reach.OwnRegion, Reach.OwnRegion),
        [(PortalRole.RegionalDirector, Area.Assignments)] = new(Reach.OwnRegion, Reach.OwnRegion),
        [(PortalRole.RegionalDirector, Area.Audit)] = new(Reach.OwnRegion, Reach.None),

        [(PortalRole.HR, Area.Dashboard)] = new(Reach.AllRegions, Reach.None),
        [(PortalRole.HR, Area.Advisors)] = new(Reach.AllRegions, Reach.None),
        [(PortalRole.HR, Area.Skills)] = new(Reach.AllRegions, Reach.None),
        [(PortalRole.HR, Area.Training)] = new(Reach.AllRegions, Reach.AllRegions),

        [(PortalRole.Advisor, Area.Dashboard)] = new(Reach.None, Reach.None),
        [(PortalRole.Advisor, Area.Me)] = new(Reach.None, Reach.None),
    };

    /// <summary>The grant of a role on an area, as written in the table (no grant: nothing).</summary>
    public static Grant GrantOf(PortalRole role, Area area) => Table.GetValueOrDefault((role, area), No);

    /// <summary>Whether the role has any use of the area at all (drives the navigation).</summary>
    public static bool CanUse(Actor actor, Area area) => area switch
    {
        Area.Dashboard => true,
        Area.Me => actor.Role == PortalRole.Advisor && actor.AdvisorId is not null,
        // Every role reads the rollout timeline (statuses and dates of the nine regions); a region's own readiness
        // page still follows the table.
        Area.Rollout => true,
        _ => GrantOf(actor.Role, area).Read != Reach.None,
    };

    /// <summary>May the actor read the area's data of one region (personal data included)?</summary>
    public static bool CanRead(Actor actor, Area area, int regionId) =>
        Reaches(actor, GrantOf(actor.Role, area).Read, regionId);

    /// <summary>May the actor change the area's data of one region?</summary>
    public static bool CanChange(Actor actor, Area area, int regionId) =>
        Reaches(actor, GrantOf(actor.Role, area).Change, regionId);

    /// <summary>
    /// May the actor read national figures of the area, without personal data? Every role sees the rollout
    /// timeline of all nine regions (statuses and dates): directors as the national aggregate the specification
    /// allows, HR and advisors because the timeline is all they may read of the rollout.
    /// </summary>
    public static bool CanReadNationalAggregates(Actor actor, Area area) =>
        GrantOf(actor.Role, area).Read == Reach.AllRegions || area == Area.Rollout;

    /// <summary>
    /// May the actor change the area's data of at least one region? Asked first by a command whose region is only
    /// known once its data is read, so that a role that may change nothing learns nothing, not even what exists.
    /// </summary>
    public static bool CanChangeSome(Actor actor, Area area) => GrantOf(actor.Role, area).Change switch
    {
        Reach.AllRegions => true,
        Reach.OwnRegion => actor.RegionId is not null,
        _ => false,
    };

    /// <summary>May the actor read the area's data of at least one region? The reading counterpart of <see cref="CanChangeSome"/>.</summary>
    public static bool CanReadSome(Actor actor, Area area) => GrantOf(actor.Role, area).Read switch
    {
        Reach.AllRegions => true,
        Reach.OwnRegion => actor.RegionId is not null,
        _ => false,
    };

    /// <summary>The regions whose data the actor may read in the area: null means every region.</summary>
    public static IReadOnlySet<int>? ReadableRegions(Actor actor, Area area) =>
        GrantOf(actor.Role, area).Read switch
        {
            Reach.AllRegions => null,
            Reach.OwnRegion when actor.RegionId is { } own => new HashSet<int> { own },
            _ => new HashSet<int>(),
        };

    /// <summary>
    /// May the actor change the national course catalogue? It belongs to no region, so only a role whose training change
    /// reaches every region may edit it (national administrators, HR); a director's own-region change does not.
    /// </summary>
    public static bool CanEditCatalogue(Actor actor) => GrantOf(actor.Role, Area.Training).Change == Reach.AllRegions;

    /// <summary>An advisor sees only the own record; other roles follow the region rules.</summary>
    public static bool CanReadAdvisor(Actor actor, int advisorId, int advisorRegionId) =>
        actor.Role == PortalRole.Advisor
            ? actor.AdvisorId == advisorId
            : CanRead(actor, Area.Advisors, advisorRegionId);

    /// <summary>
    /// May the actor plan, change and fill (enrol) the training sessions of a region? Directors of the region and
    /// national administrators: the plan takes advisors off the floor, which is the coverage's owners' call. HR
    /// changes training data of every region but only records what happened (attendance, results).
    /// </summary>
    public static bool CanPlanTraining(Actor actor, int regionId) =>
        actor.Role != PortalRole.HR && CanChange(actor, Area.Training, regionId);

    /// <summary>May the actor plan sessions in at least one region? Asked before the session (and its region) is read.</summary>
    public static bool CanPlanSomeTraining(Actor actor) =>
        actor.Role != PortalRole.HR && CanChangeSome(actor, Area.Training);

    /// <summary>May the actor enrol an advisor in another region's session? National administrators only.</summary>
    public static bool CanEnrolAcrossRegions(Actor actor) => actor.Role == PortalRole.NationalAdmin;

    /// <summary>May the actor record a session's attendance and results? The region's director, HR (every region), national administrators.</summary>
    public static bool CanRecordAttendance(Actor actor, int regionId) => CanChange(actor, Area.Training, regionId);

    /// <summary>May the actor cancel a completion recorded by mistake? HR and national administrators, in every region.</summary>
    public static bool CanCancelCompletion(Actor actor) =>
        actor.Role is PortalRole.HR or PortalRole.NationalAdmin && GrantOf(actor.Role, Area.Training).Change == Reach.AllRegions;

    /// <summary>
    /// May the actor change the national rollout plan (waves, dates) and its thresholds? Only a role whose rollout change
    /// reaches every region: the plan orders all nine, a director's own-region change does not.
    /// </summary>
    public static bool CanEditRolloutPlan(Actor actor) => GrantOf(actor.Role, Area.Rollout).Change == Reach.AllRegions;

    /// <summary>
    /// May the actor change the channel parameters (service level, handling time, opening hours)? They are national: every
    /// region's coverage reads them, so only a role whose administration reaches every region may change them.
    /// </summary>
    public static bool CanEditChannels(Actor actor) => GrantOf(actor.Role, Area.Administration).Change == Reach.AllRegions;

    private static bool Reaches(Actor actor, Reach reach, int regionId) => reach switch
    {
        Reach.AllRegions => true,
        Reach.OwnRegion => actor.RegionId == regionId,
        _ => false,
    };
}
