using FluentValidation;
using Portal.Domain.Assignments;

namespace Portal.Services.Assignments;

/// <summary>What a director edits of one shift: a new one (no <see cref="Id"/>) or a move of an existing one.</summary>
public sealed class ShiftForm
{
    public int? Id { get; set; }
    public int Version { get; set; }
    public int AdvisorId { get; set; }
    public int ChannelId { get; set; }
    public DateOnly Date { get; set; }
    public TimeOnly Start { get; set; } = new(9, 0);

    /// <summary>The end; at or before the start, the shift ends the next day (00:00 is midnight).</summary>
    public TimeOnly End { get; set; } = new(17, 0);
    public TimeOnly? BreakStart { get; set; }
    public int BreakMinutes { get; set; }

    internal Shift ToShift() => new()
    {
        Id = Id ?? 0, AdvisorId = AdvisorId, ChannelId = ChannelId, Date = Date, Start = Start, End = End,
        Break = BreakStart is { } start && BreakMinutes > 0 ? new ShiftBreak(start, BreakMinutes) : null,
    };
}

/// <summary>
/// The form's own checks, shared by the dialog and the service; the planning rules (skills, rest, hours) need the
/// advisor's week and are the domain's. Messages are resource keys.
/// </summary>
public sealed class ShiftFormValidator : AbstractValidator<ShiftForm>
{
    public ShiftFormValidator()
    {
        RuleFor(f => f.AdvisorId).GreaterThan(0).WithMessage("Shift_AdvisorRequired");
        RuleFor(f => f.ChannelId).GreaterThan(0).WithMessage("Shift_ChannelRequired");
        RuleFor(f => f.Date).NotEqual(default(DateOnly)).WithMessage("Shift_DateRequired");
        RuleFor(f => f).Must(f => f.Start.Minute % 30 == 0 && f.End.Minute % 30 == 0 && f.Start.Second == 0 && f.End.Second == 0)
            .WithName(nameof(ShiftForm.Start)).WithMessage("Shift_HalfHours");
        RuleFor(f => f.BreakMinutes).Must(m => m == 0 || ShiftBreak.AllowedMinutes.Contains(m))
            .WithMessage("Shift_BreakLength");
        RuleFor(f => f).Must(f => f.BreakStart is null || f.BreakMinutes == 0 || f.ToShift().CheckBreak() == BreakCheck.Valid)
            .WithName(nameof(ShiftForm.BreakStart)).WithMessage("Shift_BreakInside");
    }
}

/// <summary>One day of a weekly pattern: a weekday, the shift's hours and its break.</summary>
public sealed record PatternDay(DayOfWeek Day, TimeOnly Start, TimeOnly End, TimeOnly? BreakStart = null, int BreakMinutes = 0);

/// <summary>A shift pattern given to several advisors for one week, on one channel.</summary>
public sealed record PatternForm(IReadOnlyList<int> AdvisorIds, DateOnly Monday, int ChannelId, IReadOnlyList<PatternDay> Days);
