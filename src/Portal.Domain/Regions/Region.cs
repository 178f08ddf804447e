namespace Portal.Domain.Regions;

/// <summary>A regional directorate that takes over its customers at its switch ("bascule").</summary>
public class Region : IVersioned
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public int Customers { get; set; }
    public int Wave { get; set; }
    public DateOnly PlannedSwitchDate { get; set; }
    public RegionStatus Status { get; set; }
    public DateOnly? ActualSwitchDate { get; set; }
    public int Version { get; set; }

    /// <summary>Coverage rules change from the switch date on, not before.</summary>
    public bool IsSwitchedOn(DateOnly date) =>
        Status == RegionStatus.Switched && ActualSwitchDate is { } switched && date >= switched;
}

public enum RegionStatus
{
    Planned = 0,
    Preparing = 1,
    Switched = 2,
}
