using Portal.Domain.Channels;
using Portal.Domain.Regions;

namespace Portal.Domain.Forecast;

/// <summary>
/// Expected contacts for a region and channel in one 30-minute interval. The interval is identified by its
/// start instant in UTC, which stays unique on a clock-change day (the repeated 02:00-03:00 of October has two
/// distinct instants); <see cref="LocalDate"/> is the local day it belongs to, kept for querying by day.
/// </summary>
public class ForecastInterval
{
    /// <summary>
    /// The most contacts a region may expect on one channel in half an hour: about ten times the national voice peak, and
    /// small enough that the staffing engine can staff any interval within these bounds.
    /// </summary>
    public const double MaxContacts = 100_000;

    /// <summary>The longest average handling time, in seconds (two hours).</summary>
    public const double MaxHandlingSeconds = 7_200;

    public long Id { get; set; }
    public int RegionId { get; set; }
    public Region? Region { get; set; }
    public int ChannelId { get; set; }
    public Channel? Channel { get; set; }
    public DateOnly LocalDate { get; set; }
    public DateTime StartUtc { get; set; }
    public double Contacts { get; set; }
    public double AverageHandlingSeconds { get; set; }
    public ForecastSource Source { get; set; }
}

public enum ForecastSource
{
    Generated = 0,
    Imported = 1,
}
