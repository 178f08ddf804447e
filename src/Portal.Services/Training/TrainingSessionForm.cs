using FluentValidation;
using Portal.Domain.Time;

namespace Portal.Services.Training;

/// <summary>What a director or a national administrator plans or changes of a session.</summary>
public sealed class TrainingSessionForm
{
    /// <summary>Null plans a new session; a value changes that session (with <see cref="Version"/>).</summary>
    public int? Id { get; set; }

    public int Version { get; set; }
    public int CourseId { get; set; }
    public int SiteId { get; set; }
    public List<DateOnly> Days { get; set; } = [];
    public string Trainer { get; set; } = "";
    public int Capacity { get; set; } = Domain.Training.Course.DefaultCapacity;

    /// <summary>Advisors enrolled with the plan (all or nothing, the enrolment rules apply); when changing a session, advisors added to it.</summary>
    public List<int> AdvisorIds { get; set; } = [];

    /// <summary>The planner saw the core half-hours the session pushes below the floor and keeps it anyway.</summary>
    public bool ConfirmCoverage { get; set; }
}

/// <summary>
/// The rules of a session form, shared by the form and the service. The number of days and the capacity against the
/// course, and the site's region and kind, are checked by the service, which reads them.
/// </summary>
public sealed class TrainingSessionFormValidator : AbstractValidator<TrainingSessionForm>
{
    public const int TrainerMaxLength = 100;

    public TrainingSessionFormValidator()
    {
        RuleFor(f => f.CourseId).GreaterThan(0).WithMessage("TrainingSession_CourseRequired");
        RuleFor(f => f.SiteId).GreaterThan(0).WithMessage("TrainingSession_SiteRequired");
        RuleFor(f => f.Days).NotEmpty().WithMessage("TrainingSession_DaysRequired");
        RuleFor(f => f.Days).Must(d => d.Distinct().Count() == d.Count).WithMessage("TrainingSession_DuplicateDay");
        RuleFor(f => f.Days).Must(d => d.All(day => day.DayOfWeek != DayOfWeek.Sunday)).WithMessage("TrainingSession_Sunday");
        RuleFor(f => f.Days).Must(d => !d.Any(FrenchHolidays.IsHoliday)).WithMessage("TrainingSession_PublicHoliday");
        RuleFor(f => f.Trainer).NotEmpty().WithMessage("TrainingSession_TrainerRequired");
        RuleFor(f => f.Trainer).MaximumLength(TrainerMaxLength).WithMessage("TrainingSession_TrainerTooLong");
        RuleFor(f => f.Capacity).GreaterThan(0).WithMessage("TrainingSession_CapacityPositive");
    }
}
