using Portal.Domain.Training;

namespace Portal.Domain.Tests.Training;

public class TrainingDayTests
{
    [Theory]
    [InlineData(EnrolmentStatus.Planned, true)]
    [InlineData(EnrolmentStatus.Completed, true)]
    [InlineData(EnrolmentStatus.Failed, true)]
    [InlineData(EnrolmentStatus.NoShow, false)]
    [InlineData(EnrolmentStatus.Cancelled, false)]
    public void A_training_day_replaces_the_shift_unless_the_enrolment_was_given_up(EnrolmentStatus status, bool inTraining)
    {
        var enrolment = new Enrolment { AdvisorId = 1, Status = status };

        Assert.Equal(inTraining, enrolment.PutsInTraining);
        Assert.Equal(inTraining, new[] { enrolment }.AsQueryable().Any(Enrolment.InTraining));
    }
}
