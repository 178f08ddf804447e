using Portal.Domain.Training;
using Portal.Services.Training;

namespace Portal.Integration.Tests.Training;

/// <summary>Which status the completion file gives an advisor with several enrolments on a course.</summary>
public class CompletionStatusTests
{
    private static readonly DateOnly Today = new(2026, 12, 1);
    private static int nextId;

    private static (Enrolment, DateOnly) E(EnrolmentStatus status, DateOnly lastDay) =>
        (new Enrolment { Id = ++nextId, Status = status, CompletedOn = status == EnrolmentStatus.Completed ? lastDay : null }, lastDay);

    private static (CompletionStatus, DateOnly?) Of(params (Enrolment, DateOnly)[] enrolments) => TrainingCompletionFile.StatusOf(enrolments, Today);

    [Fact]
    public void No_enrolment_is_none() => Assert.Equal((CompletionStatus.None, null), Of());

    [Fact]
    public void A_completion_wins_over_anything_else_and_names_its_last_day() =>
        Assert.Equal((CompletionStatus.Completed, new DateOnly(2026, 6, 12)), Of(
            E(EnrolmentStatus.Failed, new DateOnly(2026, 3, 4)), E(EnrolmentStatus.Completed, new DateOnly(2026, 6, 12)), E(EnrolmentStatus.Planned, new DateOnly(2027, 1, 6))));

    [Fact]
    public void A_completion_on_the_day_counts_and_one_dated_later_is_still_expected()
    {
        Assert.Equal((CompletionStatus.Completed, Today), Of(E(EnrolmentStatus.Completed, Today)));
        Assert.Equal((CompletionStatus.Planned, null), Of(E(EnrolmentStatus.Completed, Today.AddDays(1))));
    }

    [Fact]
    public void A_planned_enrolment_wins_over_a_failure_or_a_cancellation() =>
        Assert.Equal((CompletionStatus.Planned, null), Of(E(EnrolmentStatus.Failed, new DateOnly(2026, 9, 1)), E(EnrolmentStatus.Planned, new DateOnly(2026, 12, 9)),
            E(EnrolmentStatus.Cancelled, new DateOnly(2026, 11, 2))));

    [Theory]
    [InlineData(EnrolmentStatus.NoShow, EnrolmentStatus.Failed, CompletionStatus.Failed)]
    [InlineData(EnrolmentStatus.Failed, EnrolmentStatus.NoShow, CompletionStatus.NoShow)]
    [InlineData(EnrolmentStatus.Failed, EnrolmentStatus.Cancelled, CompletionStatus.Cancelled)]
    public void Otherwise_the_latest_session_tells(EnrolmentStatus earlier, EnrolmentStatus later, CompletionStatus expected) =>
        Assert.Equal((expected, null), Of(E(later, new DateOnly(2026, 10, 15)), E(earlier, new DateOnly(2026, 5, 20))));
}
