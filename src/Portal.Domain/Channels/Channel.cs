using Portal.Domain.Skills;

namespace Portal.Domain.Channels;

/// <summary>A contact channel with its service-level target and staffing parameters.</summary>
public class Channel : IVersioned
{
    public int Id { get; set; }

    /// <summary>Stable name used in addresses (<c>Voice</c>, <c>Chat</c>, <c>Email</c>).</summary>
    public required string Code { get; set; }
    public ChannelKind Kind { get; set; }

    /// <summary>Share of contacts to answer within <see cref="TargetAnswerSeconds"/> (0.8 for 80%).</summary>
    public double ServiceLevelTarget { get; set; }
    public int TargetAnswerSeconds { get; set; }
    public int AverageHandlingSeconds { get; set; }

    /// <summary>Contacts one advisor handles at once (chat sessions); 1 elsewhere.</summary>
    public int Concurrency { get; set; } = 1;

    /// <summary>Share of paid time not available for contacts (breaks, meetings, absence).</summary>
    public double Shrinkage { get; set; }

    public double MaxOccupancy { get; set; } = 0.9;

    /// <summary>Contacts a year nationally, the base of the generated forecast.</summary>
    public long AnnualNationalVolume { get; set; }

    /// <summary>Seven relative weights, Monday first.</summary>
    public double[] WeeklyProfile { get; set; } = [];

    /// <summary>Forty-eight relative weights, one per half hour of the local day from 00:00.</summary>
    public double[] IntradayProfile { get; set; } = [];

    public List<OpeningHours> OpeningHours { get; set; } = [];
    public List<ChannelSkill> RequiredSkills { get; set; } = [];
    public int Version { get; set; }
}

public enum ChannelKind
{
    Voice = 0,
    Chat = 1,
    Email = 2,
}

/// <summary>Opening hours of a channel on one weekday. Public holidays use Sunday's hours.</summary>
public class OpeningHours
{
    public int Id { get; set; }
    public int ChannelId { get; set; }
    public DayOfWeek Day { get; set; }
    public TimeOnly Opens { get; set; }

    /// <summary>Closing time; <see cref="TimeOnly.MinValue"/> means midnight at the end of the day.</summary>
    public TimeOnly Closes { get; set; }
}

public class ChannelSkill
{
    public int ChannelId { get; set; }
    public int SkillId { get; set; }
    public Skill? Skill { get; set; }
}
