namespace Portal.Domain.Staffing;

/// <summary>
/// What one interval asks of a queue: contacts arriving in the interval, their average handling time, the service
/// level to reach (a share answered within a time), shrinkage, the occupancy cap and, for chat, the number of
/// contacts an advisor handles at once.
/// </summary>
public sealed record StaffingInput(
    double Contacts,
    double AverageHandlingSeconds,
    int IntervalSeconds,
    double ServiceLevelTarget,
    double TargetAnswerSeconds,
    double Shrinkage = 0,
    double MaxOccupancy = 0.9,
    int Concurrency = 1);

/// <summary>
/// The requirement of one interval: traffic in Erlangs, the agents needed on the queue, the service level and
/// average speed of answer (seconds) they reach, their occupancy, and the staff to schedule once shrinkage is added.
/// </summary>
/// <remarks>
/// A result may be <see cref="Unstaffable"/>: the demand is beyond what one queue can be sized for (more than
/// <see cref="ErlangC.MaxAgents"/> agents, or traffic that is not a finite number). It then asks for no agent and
/// reaches no service level: the callers show it as such and leave it out of their totals.
/// </remarks>
public sealed record StaffingResult(double Traffic, int Agents, double ServiceLevel, double AverageSpeedOfAnswer, double Occupancy, int Scheduled)
{
    public static StaffingResult None { get; } = new(0, 0, 1, 0, 0, 0);

    public bool Unstaffable { get; private init; }

    /// <summary>
    /// The result of an interval the engine cannot staff, with the traffic it was asked for (possibly infinite). Its
    /// speed of answer is 0, not infinity: no figure is computed, and every reader (page, JSON of the tool) can show it.
    /// </summary>
    public static StaffingResult CannotBeStaffed(double traffic) => new(traffic, 0, 0, 0, 0, 0) { Unstaffable = true };
}
