using Portal.Domain.Access;

namespace Portal.Domain.Tests.Access;

/// <summary>Training beyond the area's grant: who plans, who records what happened, who cancels a completion, who crosses regions.</summary>
public class TrainingAccessTests
{
    private const int Own = 2;
    private const int Other = 1;

    private static Actor As(PortalRole role) => role switch
    {
        PortalRole.RegionalDirector => new Actor("director", role, Own),
        PortalRole.Advisor => new Actor("advisor", role, AdvisorId: 7),
        _ => new Actor(role.ToString(), role),
    };

    // Columns: plan own, plan other, record own, record other, cancel a completion, enrol across regions.
    public static TheoryData<PortalRole, bool, bool, bool, bool, bool, bool> Rules => new()
    {
        { PortalRole.NationalAdmin, true, true, true, true, true, true },
        { PortalRole.RegionalDirector, true, false, true, false, false, false },
        { PortalRole.HR, false, false, true, true, true, false },
        { PortalRole.Advisor, false, false, false, false, false, false },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public void Each_role_plans_records_and_cancels_as_the_table_says(PortalRole role, bool planOwn, bool planOther, bool recordOwn, bool recordOther,
        bool cancel, bool across)
    {
        var actor = As(role);

        Assert.Equal(
            (planOwn, planOther, recordOwn, recordOther, cancel, across),
            (AccessRules.CanPlanTraining(actor, Own), AccessRules.CanPlanTraining(actor, Other), AccessRules.CanRecordAttendance(actor, Own),
                AccessRules.CanRecordAttendance(actor, Other), AccessRules.CanCancelCompletion(actor), AccessRules.CanEnrolAcrossRegions(actor)));
    }

    [Fact]
    public void Hr_changes_training_data_but_plans_nothing()
    {
        var hr = As(PortalRole.HR);

        Assert.True(AccessRules.CanChangeSome(hr, Area.Training));
        Assert.False(AccessRules.CanPlanSomeTraining(hr));
    }
}
