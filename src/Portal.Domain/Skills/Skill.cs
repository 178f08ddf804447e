namespace Portal.Domain.Skills;

public class Skill
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
}

/// <summary>1 trainee, 2 certified, 3 confirmed, 4 expert. Level 2 or more counts for coverage.</summary>
public enum ProficiencyLevel
{
    Trainee = 1,
    Certified = 2,
    Confirmed = 3,
    Expert = 4,
}

public enum CertificationSource
{
    /// <summary>Held before the portal existed (initial load).</summary>
    Initial = 0,
    /// <summary>Granted by completing a training course.</summary>
    Course = 1,
    /// <summary>Set by a person (director or administrator).</summary>
    Manual = 2,
    /// <summary>Loaded by a file import.</summary>
    Import = 3,
}
