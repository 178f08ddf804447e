namespace Portal.Domain.Rollout;

/// <summary>The four gates of a switch (specification section 6), in the order a director reads them.</summary>
public enum GateCode
{
    G1 = 1,
    G2 = 2,
    G3 = 3,
    G4 = 4,
}

/// <summary>
/// One channel of the skills gate (value: certified advisors, threshold: peak required staff) or of the coverage gate
/// (value: share of core staff-hours covered in-house, threshold: the configured share; with the lowest core interval
/// and its floor).
/// </summary>
public sealed record ChannelGate(string Channel, bool Passes, double Value, double Threshold, double? LowestInterval = null, double? IntervalFloor = null,
    int IntervalsBelowFloor = 0);

/// <summary>
/// One gate of a region's readiness for a date: its measured value, its threshold, whether it passes, per-channel
/// detail for G3 and G4, and what its sentence names: the earlier-wave regions not switched (G1); the advisors who
/// completed, how many there are, and the required course most often missing with how many miss it (G2).
/// </summary>
public sealed record Gate(GateCode Code, bool Passes, double Value, double Threshold, IReadOnlyList<ChannelGate> Channels)
{
    public IReadOnlyList<string> RegionsNotSwitched { get; init; } = [];
    public int Completed { get; init; }
    public int Advisors { get; init; }
    public string? MostMissingCourse { get; init; }
    public string? MostMissingCourseCode { get; init; }
    public int MostMissingCount { get; init; }
}

/// <summary>A region's readiness for a switch on a date: ready when every gate passes.</summary>
public sealed record Readiness(string Region, DateOnly Date, IReadOnlyList<Gate> Gates)
{
    public bool Ready => Gates.All(g => g.Passes);

    public Gate this[GateCode code] => Gates.Single(g => g.Code == code);
}

/// <summary>
/// The readiness outlook: the gates at each evaluated date, the earliest date at which every gate passes, or none;
/// with none, the gate that blocks.
/// </summary>
public sealed record ReadinessOutlook(string Region, IReadOnlyList<Readiness> Weeks, DateOnly? EarliestReady, Gate? Blocking);
