namespace Portal.Domain.Assignments;

/// <summary>The working-time limits shifts are planned within (configuration section <c>Planning</c>).</summary>
public sealed class PlanningSettings
{
    public const string Section = "Planning";

    /// <summary>The weekly hours of a full-time contract; an advisor's contract is this times the working-time ratio.</summary>
    public const int FullTimeWeeklyHours = 35;

    /// <summary>Worked hours (breaks excluded) allowed on one day.</summary>
    public double MaxDailyHours { get; set; } = 10;

    /// <summary>Worked hours allowed in one Monday–Sunday week, whatever the contract.</summary>
    public double MaxWeeklyHours { get; set; } = 48;

    /// <summary>Rest between the end of one shift and the start of the next (French law: 11 hours).</summary>
    public double MinRestHours { get; set; } = 11;

    /// <summary>Hours a week may exceed the advisor's contract (overtime the director may plan without a new contract).</summary>
    public double ContractToleranceHours { get; set; } = 2;
}
