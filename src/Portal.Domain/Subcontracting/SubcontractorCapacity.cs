using Portal.Domain.Channels;
using Portal.Domain.Regions;
using Portal.Domain.Sites;

namespace Portal.Domain.Subcontracting;

/// <summary>Agents a subcontracted or offshore site provides to a region on a channel, on some weekdays and hours.</summary>
public class SubcontractorCapacity : IVersioned
{
    public int Id { get; set; }
    public int SiteId { get; set; }
    public Site? Site { get; set; }
    public int RegionId { get; set; }
    public Region? Region { get; set; }
    public int ChannelId { get; set; }
    public Channel? Channel { get; set; }
    public Weekdays Days { get; set; }
    public TimeOnly From { get; set; }

    /// <summary>End of the range; <see cref="TimeOnly.MinValue"/> means midnight at the end of the day.</summary>
    public TimeOnly To { get; set; }
    public int Agents { get; set; }
    public int Version { get; set; }
}

[Flags]
public enum Weekdays
{
    None = 0,
    Monday = 1,
    Tuesday = 2,
    Wednesday = 4,
    Thursday = 8,
    Friday = 16,
    Saturday = 32,
    Sunday = 64,
    MondayToFriday = Monday | Tuesday | Wednesday | Thursday | Friday,
    Weekend = Saturday | Sunday,
    All = MondayToFriday | Weekend,
}

public static class WeekdaysExtensions
{
    public static Weekdays ToFlag(this DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => Weekdays.Monday,
        DayOfWeek.Tuesday => Weekdays.Tuesday,
        DayOfWeek.Wednesday => Weekdays.Wednesday,
        DayOfWeek.Thursday => Weekdays.Thursday,
        DayOfWeek.Friday => Weekdays.Friday,
        DayOfWeek.Saturday => Weekdays.Saturday,
        _ => Weekdays.Sunday,
    };

    public static bool Includes(this Weekdays days, DayOfWeek day) => (days & day.ToFlag()) != 0;
}
