using FluentValidation;
using Portal.Domain.Channels;

namespace Portal.Services.Channels;

/// <summary>One weekday's opening hours as the settings page edits them; a closed day has no hours.</summary>
public sealed class DayHoursForm
{
    public DayOfWeek Day { get; set; }
    public bool Open { get; set; }
    public TimeOnly Opens { get; set; } = new(8, 0);

    /// <summary>Closing time; 00:00 means midnight at the end of the day.</summary>
    public TimeOnly Closes { get; set; } = new(20, 0);

    /// <summary>Whether the hours make a day: the end follows the start (24:00 for midnight), on half hours, as coverage counts them.</summary>
    public bool IsValid =>
        !Open || ((Closes == TimeOnly.MinValue || Opens < Closes) && OnHalfHour(Opens) && OnHalfHour(Closes));

    private static bool OnHalfHour(TimeOnly time) => time.Minute % 30 == 0 && time.Second == 0 && time.Millisecond == 0;
}

/// <summary>
/// The staffing parameters of one channel as a national administrator edits them. Shares are in percent here (80 for
/// 80 %), as people type them; the channel stores them as fractions.
/// </summary>
public sealed class ChannelForm
{
    public int ChannelId { get; set; }
    public string Code { get; set; } = "";

    /// <summary>Set by the service from the stored channel before validating: the concurrency rule depends on it.</summary>
    public ChannelKind Kind { get; set; }
    public int Version { get; set; }

    public double ServiceLevelTargetPercent { get; set; }
    public int TargetAnswerSeconds { get; set; }
    public int AverageHandlingSeconds { get; set; }
    public int Concurrency { get; set; } = 1;
    public double MaxOccupancyPercent { get; set; }
    public double ShrinkagePercent { get; set; }

    /// <summary>Seven days, Monday first.</summary>
    public List<DayHoursForm> OpeningHours { get; set; } = [];

    /// <summary>The days of the week in the order the form shows them.</summary>
    public static IReadOnlyList<DayOfWeek> Week { get; } =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public static ChannelForm Of(Channel channel) => new()
    {
        ChannelId = channel.Id,
        Code = channel.Code,
        Kind = channel.Kind,
        Version = channel.Version,
        ServiceLevelTargetPercent = Percent(channel.ServiceLevelTarget),
        TargetAnswerSeconds = channel.TargetAnswerSeconds,
        AverageHandlingSeconds = channel.AverageHandlingSeconds,
        Concurrency = channel.Concurrency,
        MaxOccupancyPercent = Percent(channel.MaxOccupancy),
        ShrinkagePercent = Percent(channel.Shrinkage),
        OpeningHours = Week.Select(day => channel.OpeningHours.FirstOrDefault(o => o.Day == day) is { } hours
            ? new DayHoursForm { Day = day, Open = true, Opens = hours.Opens, Closes = hours.Closes }
            : new DayHoursForm { Day = day, Open = false }).ToList(),
    };

    // Two decimals are what a person reads and types; the fraction's binary noise is not.
    private static double Percent(double share) => Math.Round(share * 100, 2);
}

/// <summary>
/// The channel rules, shared by the settings form and the service: ranges within which the Erlang C sizing means
/// something. Messages are resource keys.
/// </summary>
public sealed class ChannelFormValidator : AbstractValidator<ChannelForm>
{
    /// <summary>The most chat sessions one advisor is asked to hold at once.</summary>
    public const int MaxChatConcurrency = 5;

    public ChannelFormValidator()
    {
        RuleFor(f => f.ServiceLevelTargetPercent).InclusiveBetween(1, 99).WithMessage("Channels_TargetRange");
        RuleFor(f => f.TargetAnswerSeconds).GreaterThan(0).WithMessage("Channels_AnswerSecondsPositive");
        RuleFor(f => f.AverageHandlingSeconds).GreaterThan(0).WithMessage("Channels_HandlingSecondsPositive");
        RuleFor(f => f.Concurrency).InclusiveBetween(1, MaxChatConcurrency).When(f => f.Kind == ChannelKind.Chat).WithMessage("Channels_ChatConcurrencyRange");
        // A call or an e-mail is handled one at a time: a concurrency there would divide the handling time for nothing.
        RuleFor(f => f.Concurrency).Equal(1).When(f => f.Kind != ChannelKind.Chat).WithMessage("Channels_ConcurrencyOne");
        RuleFor(f => f.MaxOccupancyPercent).InclusiveBetween(50, 100).WithMessage("Channels_OccupancyRange");
        RuleFor(f => f.ShrinkagePercent).InclusiveBetween(0, 60).WithMessage("Channels_ShrinkageRange");
        RuleFor(f => f.OpeningHours).Must(h => h.Count == 7 && h.Select(d => d.Day).Distinct().Count() == 7).WithMessage("Channels_WeekRequired");
        RuleFor(f => f.OpeningHours).Must(h => h.All(d => d.IsValid)).WithMessage("Channels_HoursRange");
    }
}
