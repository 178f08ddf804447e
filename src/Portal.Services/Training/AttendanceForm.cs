using FluentValidation;
using Portal.Domain.Training;

namespace Portal.Services.Training;

/// <summary>The attendance of one enrolment on each session day, and the result once the session is over (null: not yet).</summary>
public sealed class AttendanceForm
{
    public int EnrolmentId { get; set; }
    public int Version { get; set; }

    /// <summary>The days attended; a session day not listed was missed.</summary>
    public HashSet<DateOnly> Attended { get; set; } = [];

    public TrainingResult? Result { get; set; }
}

/// <summary>Cancels a completion recorded by mistake; the reason is kept in the audit log.</summary>
public sealed class CancelCompletionForm
{
    public const int MinReasonLength = 10;

    public int EnrolmentId { get; set; }
    public int Version { get; set; }
    public string Reason { get; set; } = "";
}

public sealed class CancelCompletionFormValidator : AbstractValidator<CancelCompletionForm>
{
    public CancelCompletionFormValidator()
    {
        RuleFor(f => f.Reason).Must(r => r.Trim().Length >= CancelCompletionForm.MinReasonLength).WithMessage("Attendance_CancelReasonTooShort");
        RuleFor(f => f.Reason).MaximumLength(1000).WithMessage("Attendance_CancelReasonTooLong");
    }
}
