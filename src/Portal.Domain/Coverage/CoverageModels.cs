using Portal.Domain.Assignments;
using Portal.Domain.Staffing;
using Portal.Domain.Time;

namespace Portal.Domain.Coverage;

/// <summary>
/// ≥ 100% covered, 90–100% tight, &lt; 90% short (understaffed); no demand where nothing is required; cannot be
/// staffed where the stored demand is beyond what any queue can be sized for.
/// </summary>
public enum CoverageStatus
{
    NoDemand = 0,
    Covered = 1,
    Tight = 2,
    Understaffed = 3,
    Unstaffable = 4,
}

/// <summary>An advisor planned on the channel: the local date and wall-clock hours of the shift, and its unpaid break if any.</summary>
/// <summary><see cref="Count"/> shifts of available advisors with the same hours (the advisor of <see cref="Shift"/> is not one of them).</summary>
public readonly record struct ShiftGroup(PlannedShift Shift, int Count);

public readonly record struct PlannedShift(int AdvisorId, DateOnly Date, TimeOnly Start, TimeOnly End, ShiftBreak? Break = null)
{
    /// <summary>
    /// Whether the advisor is at work in the interval that starts at a local date and time: inside the shift (end
    /// excluded; an end at or before the start is on the next day) and not on break.
    /// </summary>
    public bool Covers(DateTime localStart)
    {
        var start = Date.ToDateTime(Start);
        var end = End > Start ? Date.ToDateTime(End) : Date.AddDays(1).ToDateTime(End);
        return localStart >= start && localStart < end && !OnBreak(localStart);
    }

    /// <summary>Whether the interval starting at a local date and time falls in the shift's break.</summary>
    public bool OnBreak(DateTime localStart) => Break is { } pause && pause.Covers(Date, Start, localStart);
}

/// <summary>Supply a rule or an event took away from an interval, with its cause, so a director sees why a gap is there.</summary>
/// <summary>Advisors on break are not a loss of supply (the plan takes them out on purpose); they are counted for the interval's detail.</summary>
public readonly record struct SupplyLosses(int Training, int Absence, int NotCertified, int SubcontractorsAfterSwitch, int OnBreak = 0)
{
    public bool Any => Training + Absence + NotCertified + SubcontractorsAfterSwitch > 0;
}

/// <summary>
/// One interval of the coverage grid: its demand and requirement (section 4), its supply by source in priority order
/// (in-house first, then subcontracted and offshore), the gap and the status (section 5), and the supply lost by cause.
/// </summary>
public sealed record CoverageCell(
    Interval Interval,
    SlotClass Slot,
    double Contacts,
    double AverageHandlingSeconds,
    StaffingResult Requirement,
    int InHouse,
    int Subcontracted,
    SupplyLosses Losses)
{
    public int Required => Requirement.Scheduled;
    public int Supply => InHouse + Subcontracted;
    public int Gap => Math.Max(0, Required - Supply);

    /// <summary>Whether the stored demand of the interval is beyond what the staffing engine can size (<see cref="StaffingResult.Unstaffable"/>).</summary>
    public bool Unstaffable => Requirement.Unstaffable;

    /// <summary>Supply over required staff; 1 where nothing is required; 0 where the interval cannot be staffed.</summary>
    public double Coverage => Unstaffable ? 0 : Required == 0 ? 1 : (double)Supply / Required;

    public CoverageStatus Status => Unstaffable ? CoverageStatus.Unstaffable
        : Required == 0 ? CoverageStatus.NoDemand
        : Coverage >= 1 ? CoverageStatus.Covered
        : Coverage >= 0.9 ? CoverageStatus.Tight
        : CoverageStatus.Understaffed;
}

/// <summary>A day of the grid: its intervals (46, 48 or 50). Staff-hours leave out the intervals that cannot be staffed (they count zero).</summary>
public sealed record CoverageDay(DateOnly Date, IReadOnlyList<CoverageCell> Cells)
{
    public double RequiredStaffHours => Cells.Sum(c => c.Required) / 2.0;
    public double SuppliedStaffHours => Cells.Sum(c => Math.Min(c.Supply, c.Required)) / 2.0;
}
