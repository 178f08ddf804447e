using Portal.Domain.Channels;
using Portal.Domain.Skills;
using Portal.Domain.Training;

namespace Portal.Services.Demo;

/// <summary>Skills, channels and courses of the demo, with their fixed identifiers.</summary>
internal static class DemoReferenceData
{
    public const int MobileSales = 1;
    public const int BroadbandSales = 2;
    public const int MobileTechnical = 3;
    public const int BroadbandTechnical = 4;
    public const int Billing = 5;
    public const int Retention = 6;
    public const int Written = 7;

    public const int Voice = 1;
    public const int Chat = 2;
    public const int Email = 3;

    public const int CrossSkillingSales = 1;
    public const int CrossSkillingTechnical = 2;
    public const int WrittenChannels = 3;

    public static List<Skill> Skills() =>
    [
        new() { Id = MobileSales, Code = "MOB-VENTE", Name = "Vente mobile" },
        new() { Id = BroadbandSales, Code = "BOX-VENTE", Name = "Vente internet (box)" },
        new() { Id = MobileTechnical, Code = "MOB-TECH", Name = "Technique mobile" },
        new() { Id = BroadbandTechnical, Code = "BOX-TECH", Name = "Technique box (passerelle)" },
        new() { Id = Billing, Code = "FACT", Name = "Facturation" },
        new() { Id = Retention, Code = "FIDEL", Name = "Fidélisation" },
        new() { Id = Written, Code = "ECRIT", Name = "Canaux écrits" },
    ];

    public static List<Channel> Channels()
    {
        var voice = new Channel
        {
            Id = Voice, Code = "Voice", Kind = ChannelKind.Voice, ServiceLevelTarget = 0.8, TargetAnswerSeconds = 20,
            AverageHandlingSeconds = 420, Concurrency = 1, Shrinkage = 0.30, MaxOccupancy = 0.9, AnnualNationalVolume = 80_000_000,
            WeeklyProfile = [1.25, 1.10, 1.05, 1.05, 1.00, 0.75, 0.20],
            IntradayProfile = Profile((8, 0.55), (9, 0.95), (10, 1.15), (12, 0.80), (14, 1.05), (17, 0.85), (19, 0.55), (20, 0.35), (22, 0)),
            OpeningHours = Hours(Voice, weekdays: (8, 22), saturday: (8, 20), sunday: (9, 18)),
            RequiredSkills = [new() { ChannelId = Voice, SkillId = BroadbandSales }, new() { ChannelId = Voice, SkillId = BroadbandTechnical }],
        };
        var chat = new Channel
        {
            Id = Chat, Code = "Chat", Kind = ChannelKind.Chat, ServiceLevelTarget = 0.8, TargetAnswerSeconds = 60,
            AverageHandlingSeconds = 600, Concurrency = 2, Shrinkage = 0.30, MaxOccupancy = 0.9, AnnualNationalVolume = 9_000_000,
            WeeklyProfile = [1.10, 1.05, 1.00, 1.00, 1.00, 0.95, 0.60],
            IntradayProfile = Profile((8, 0.45), (10, 0.9), (12, 1.0), (14, 0.95), (18, 1.05), (21, 0.7), (22, 0.4), (23, 0)),
            OpeningHours = Hours(Chat, weekdays: (8, 23), saturday: (8, 23), sunday: (9, 21)),
            RequiredSkills = [new() { ChannelId = Chat, SkillId = BroadbandSales }, new() { ChannelId = Chat, SkillId = Written }],
        };
        var email = new Channel
        {
            Id = Email, Code = "Email", Kind = ChannelKind.Email, ServiceLevelTarget = 0.8, TargetAnswerSeconds = 24 * 3600,
            AverageHandlingSeconds = 480, Concurrency = 1, Shrinkage = 0.25, MaxOccupancy = 0.9, AnnualNationalVolume = 6_000_000,
            WeeklyProfile = [1.20, 1.10, 1.05, 1.05, 1.00, 0.60, 0.0],
            IntradayProfile = Profile((8, 1.0), (20, 0)),
            OpeningHours = Hours(Email, weekdays: (8, 20), saturday: (9, 17), sunday: null),
            RequiredSkills = [new() { ChannelId = Email, SkillId = Billing }, new() { ChannelId = Email, SkillId = Written }],
        };
        return [voice, chat, email];
    }

    public static List<Course> Courses() =>
    [
        Course(CrossSkillingSales, "TRANSV-COM", "Transversalité commerciale : vente box et mobile", 3, true,
            (BroadbandSales, ProficiencyLevel.Certified), (MobileSales, ProficiencyLevel.Certified)),
        Course(CrossSkillingTechnical, "TRANSV-TECH", "Transversalité technique : box et mobile", 3, true,
            (BroadbandTechnical, ProficiencyLevel.Certified), (MobileTechnical, ProficiencyLevel.Certified)),
        Course(WrittenChannels, "ECRIT", "Relation client par écrit (chat et courriel)", 2, false, (Written, ProficiencyLevel.Certified)),
        Course(4, "FACT", "Facturation et réclamations", 1, false, (Billing, ProficiencyLevel.Certified)),
        Course(5, "FIDEL", "Fidélisation et rétention", 2, false, (Retention, ProficiencyLevel.Certified)),
        Course(6, "EXPERT-BOX", "Expertise technique box", 5, false, (BroadbandTechnical, ProficiencyLevel.Confirmed)),
    ];

    private static Course Course(int id, string code, string title, int days, bool required, params (int Skill, ProficiencyLevel Level)[] grants) => new()
    {
        Id = id, Code = code, Title = title, Days = days, RequiredForRegionalisation = required,
        GrantedSkills = grants.Select(g => new CourseSkill { CourseId = id, SkillId = g.Skill, Level = g.Level }).ToList(),
    };

    /// <summary>Forty-eight half-hour weights from steps: each (hour, weight) holds until the next step.</summary>
    private static double[] Profile(params (double FromHour, double Weight)[] steps)
    {
        var weights = new double[48];
        for (var h = 0; h < 48; h++)
        {
            var hour = h / 2.0;
            weights[h] = steps.LastOrDefault(s => s.FromHour <= hour).Weight;
        }
        return weights;
    }

    private static List<OpeningHours> Hours(int channelId, (int Open, int Close) weekdays, (int Open, int Close)? saturday, (int Open, int Close)? sunday)
    {
        var hours = new List<OpeningHours>();
        foreach (var day in new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday })
        {
            hours.Add(Open(day, weekdays));
        }
        if (saturday is { } sat)
        {
            hours.Add(Open(DayOfWeek.Saturday, sat));
        }
        if (sunday is { } sun)
        {
            hours.Add(Open(DayOfWeek.Sunday, sun));
        }
        return hours;

        OpeningHours Open(DayOfWeek day, (int Open, int Close) range) => new()
        {
            ChannelId = channelId, Day = day, Opens = new TimeOnly(range.Open, 0),
            Closes = range.Close == 24 ? TimeOnly.MinValue : new TimeOnly(range.Close, 0),
        };
    }
}
