namespace Portal.Domain.Skills;

/// <summary>Level 2 or more is "certified": what counts for coverage, for the skills gate and in the skills matrix.</summary>
public static class Certification
{
    /// <summary>The lowest certified level.</summary>
    public const ProficiencyLevel Threshold = ProficiencyLevel.Certified;

    public static bool IsCertified(this ProficiencyLevel level) => level >= Threshold;

    /// <summary>A level the scale knows (1 to 4).</summary>
    public static bool IsOnTheScale(this ProficiencyLevel level) => level is >= ProficiencyLevel.Trainee and <= ProficiencyLevel.Expert;
}
