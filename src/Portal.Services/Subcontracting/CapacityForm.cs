using FluentValidation;
using Portal.Domain.Subcontracting;

namespace Portal.Services.Subcontracting;

/// <summary>What a director or administrator edits of one capacity line.</summary>
public sealed class CapacityForm
{
    public int? Id { get; set; }
    public int Version { get; set; }
    public int SiteId { get; set; }
    public int ChannelId { get; set; }
    public Weekdays Days { get; set; }
    public TimeOnly From { get; set; } = new(20, 0);

    /// <summary>End of the range; 00:00 means midnight at the end of the day.</summary>
    public TimeOnly To { get; set; } = new(22, 0);
    public int Agents { get; set; } = 1;
}

/// <summary>
/// The rules of a capacity line, shared by the form and the service. Messages are resource keys: the page shows
/// them in the user's language. The site's kind is checked by the service, which reads it.
/// </summary>
public sealed class CapacityFormValidator : AbstractValidator<CapacityForm>
{
    public CapacityFormValidator()
    {
        RuleFor(f => f.SiteId).GreaterThan(0).WithMessage("Capacity_SiteRequired");
        RuleFor(f => f.ChannelId).GreaterThan(0).WithMessage("Capacity_ChannelRequired");
        RuleFor(f => f.Days).NotEqual(Weekdays.None).WithMessage("Capacity_DaysRequired");
        RuleFor(f => f.Days).Must(d => (d & ~Weekdays.All) == 0).WithMessage("Capacity_DaysRequired");
        RuleFor(f => f.Agents).GreaterThan(0).WithMessage("Capacity_AgentsPositive");
        RuleFor(f => f.Agents).LessThanOrEqualTo(10_000).WithMessage("Capacity_AgentsTooMany");
        RuleFor(f => f).Must(f => f.To == TimeOnly.MinValue ? f.From != TimeOnly.MinValue : f.From < f.To)
            .WithName("To").WithMessage("Capacity_TimeRange");
        RuleFor(f => f).Must(f => f.From.Minute % 30 == 0 && f.To.Minute % 30 == 0 && f.From.Second == 0 && f.To.Second == 0)
            .WithName("From").WithMessage("Capacity_HalfHours");
    }
}
