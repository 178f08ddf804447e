using Portal.Domain.Advisors;
using Portal.Domain.Training;
using Portal.Domain.Tests.Advisors;

namespace Portal.Domain.Tests.Training;

public class CompletionTests
{
    private static readonly DateOnly LastDay = new(2026, 11, 20);
    private static readonly int[] Required = [1, 2];

    private static Enrolment Enrolment(int advisorId, int courseId, EnrolmentStatus status, DateOnly lastDay) => new()
    {
        AdvisorId = advisorId,
        Status = status,
        CompletedOn = status == EnrolmentStatus.Completed ? lastDay : null,
        Session = new TrainingSession
        {
            CourseId = courseId, Trainer = "Formateur",
            Days = [new SessionDay { Date = lastDay.AddDays(-1) }, new SessionDay { Date = lastDay }],
        },
    };

    private static bool CompletedAll(Advisor advisor, IEnumerable<Enrolment> enrolments, DateOnly asOf) =>
        TrainingCompletion.CompletedEveryRequired(enrolments.AsQueryable(), Required, asOf).Compile()(advisor);

    [Fact]
    public void Completion_counts_on_its_last_day()
    {
        var enrolment = Enrolment(1, 1, EnrolmentStatus.Completed, LastDay);

        Assert.False(enrolment.IsCompletedAsOf(LastDay.AddDays(-1)));
        Assert.True(enrolment.IsCompletedAsOf(LastDay));
        Assert.True(enrolment.IsCompletedAsOf(LastDay.AddDays(1)));
    }

    [Theory]
    [InlineData(EnrolmentStatus.Planned)]
    [InlineData(EnrolmentStatus.Failed)]
    [InlineData(EnrolmentStatus.NoShow)]
    [InlineData(EnrolmentStatus.Cancelled)]
    public void Only_a_completed_enrolment_is_a_completion(EnrolmentStatus status)
    {
        var enrolment = Enrolment(1, 1, status, LastDay);
        enrolment.CompletedOn = LastDay;

        Assert.False(enrolment.IsCompletedAsOf(LastDay.AddDays(30)));
    }

    [Fact]
    public void Every_required_course_must_be_completed_by_the_day()
    {
        var advisor = new AdvisorBuilder().WithId(1).Build();
        var enrolments = new[] { Enrolment(1, 1, EnrolmentStatus.Completed, LastDay.AddDays(-10)), Enrolment(1, 2, EnrolmentStatus.Completed, LastDay) };

        Assert.False(CompletedAll(advisor, enrolments, LastDay.AddDays(-1)));
        Assert.True(CompletedAll(advisor, enrolments, LastDay));
    }

    [Fact]
    public void One_required_course_missing_is_not_completion()
    {
        var advisor = new AdvisorBuilder().WithId(1).Build();
        var enrolments = new[]
        {
            Enrolment(1, 1, EnrolmentStatus.Completed, LastDay), Enrolment(1, 1, EnrolmentStatus.Completed, LastDay.AddDays(-40)),
            Enrolment(1, 3, EnrolmentStatus.Completed, LastDay), Enrolment(2, 2, EnrolmentStatus.Completed, LastDay),
        };

        Assert.False(CompletedAll(advisor, enrolments, LastDay));
    }

    [Fact]
    public void With_no_required_course_every_advisor_has_completed_them_all()
    {
        var advisor = new AdvisorBuilder().WithId(1).Build();

        Assert.True(TrainingCompletion.CompletedEveryRequired(Array.Empty<Enrolment>().AsQueryable(), [], LastDay).Compile()(advisor));
    }

    [Fact]
    public void A_planned_enrolment_counts_towards_the_plan_while_its_session_has_a_day_to_come()
    {
        var advisor = new AdvisorBuilder().WithId(1).Build();
        var enrolments = new[] { Enrolment(1, 1, EnrolmentStatus.Completed, LastDay.AddDays(-10)), Enrolment(1, 2, EnrolmentStatus.Planned, LastDay) };
        bool Planned(DateOnly asOf) => TrainingCompletion.CompletedOrPlannedEveryRequired(enrolments.AsQueryable(), Required, asOf).Compile()(advisor);

        Assert.True(Planned(LastDay));
        Assert.False(Planned(LastDay.AddDays(1)));
    }
}
