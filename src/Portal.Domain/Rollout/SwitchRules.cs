using Portal.Domain.Access;
using Portal.Domain.Regions;

namespace Portal.Domain.Rollout;

/// <summary>Why a switch or a rollback is refused.</summary>
public enum SwitchRefusal
{
    None = 0,
    NotAllowed = 1,
    AlreadySwitched = 2,
    NotSwitched = 3,
    GatesFail = 4,
    JustificationRequired = 5,
}

/// <summary>A switch or rollback decision: allowed or not, and whether it goes against failing gates (an override).</summary>
public sealed record SwitchDecision(SwitchRefusal Refusal, bool Override = false)
{
    public bool Allowed => Refusal == SwitchRefusal.None;
}

/// <summary>
/// Who may switch a region or roll a switch back (specification section 6). The region's director switches only when
/// every gate passes; a national administrator may switch despite failing gates, or roll a switch back, only with a
/// written justification of at least <see cref="MinJustificationLength"/> characters. Whether the actor reaches the
/// region at all is <see cref="AccessRules"/>' call, asked before.
/// </summary>
public static class SwitchRules
{
    public const int MinJustificationLength = 20;

    public static SwitchDecision Switch(PortalRole role, RegionStatus status, bool ready, string? justification)
    {
        if (role is not (PortalRole.RegionalDirector or PortalRole.NationalAdmin))
        {
            return new(SwitchRefusal.NotAllowed);
        }
        if (status == RegionStatus.Switched)
        {
            return new(SwitchRefusal.AlreadySwitched);
        }
        if (ready)
        {
            return new(SwitchRefusal.None);
        }
        if (role != PortalRole.NationalAdmin)
        {
            return new(SwitchRefusal.GatesFail);
        }
        return IsJustified(justification) ? new(SwitchRefusal.None, Override: true) : new(SwitchRefusal.JustificationRequired, Override: true);
    }

    public static SwitchDecision RollBack(PortalRole role, RegionStatus status, string? justification)
    {
        if (role != PortalRole.NationalAdmin)
        {
            return new(SwitchRefusal.NotAllowed);
        }
        if (status != RegionStatus.Switched)
        {
            return new(SwitchRefusal.NotSwitched);
        }
        return IsJustified(justification) ? new(SwitchRefusal.None) : new(SwitchRefusal.JustificationRequired);
    }

    /// <summary>Spaces around the text do not count towards its length: a justification is what it says.</summary>
    public static bool IsJustified(string? justification) => (justification?.Trim().Length ?? 0) >= MinJustificationLength;
}
