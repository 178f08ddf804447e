namespace Portal.Domain.Time;

/// <summary>
/// One 30-minute interval of a local day: its start as an instant (UTC) and as local wall-clock time.
/// On the October clock change the local times 02:00 and 02:30 occur twice, with distinct instants.
/// </summary>
public readonly record struct Interval(DateOnly LocalDate, int Index, DateTime StartUtc, DateTime LocalStart)
{
    public const int Minutes = 30;
    public const int Seconds = Minutes * 60;

    public DateTime EndUtc => StartUtc.AddMinutes(Minutes);
    public TimeOnly LocalTime => TimeOnly.FromDateTime(LocalStart);
}
