using Portal.Domain.Access;

namespace Portal.Domain.Tests.Access;

/// <summary>The specification's section 2 as one table: role × area → what the role reads and changes, own (O) or other (X) region.</summary>
public class AccessRulesTests
{
    private const int Own = 2;
    private const int Other = 1;

    // Columns: area, read own, read other, change own, change other.
    public static TheoryData<PortalRole, Area, bool, bool, bool, bool> Matrix => new()
    {
        { PortalRole.NationalAdmin, Area.Rollout, true, true, true, true },
        { PortalRole.NationalAdmin, Area.Advisors, true, true, true, true },
        { PortalRole.NationalAdmin, Area.Skills, true, true, true, true },
        { PortalRole.NationalAdmin, Area.Training, true, true, true, true },
        { PortalRole.NationalAdmin, Area.Coverage, true, true, true, true },
        { PortalRole.NationalAdmin, Area.Subcontracting, true, true, true, true },
        { PortalRole.NationalAdmin, Area.Assignments, true, true, true, true },
        { PortalRole.NationalAdmin, Area.Audit, true, true, false, false },
        { PortalRole.NationalAdmin, Area.Administration, true, true, true, true },
        { PortalRole.NationalAdmin, Area.Me, false, false, false, false },

        { PortalRole.RegionalDirector, Area.Rollout, true, false, true, false },
        { PortalRole.RegionalDirector, Area.Advisors, true, false, true, false },
        { PortalRole.RegionalDirector, Area.Skills, true, false, true, false },
        { PortalRole.RegionalDirector, Area.Training, true, false, true, false },
        { PortalRole.RegionalDirector, Area.Coverage, true, false, true, false },
        { PortalRole.RegionalDirector, Area.Subcontracting, true, false, true, false },
        { PortalRole.RegionalDirector, Area.Assignments, true, false, true, false },
        { PortalRole.RegionalDirector, Area.Audit, true, false, false, false },
        { PortalRole.RegionalDirector, Area.Administration, false, false, false, false },
        { PortalRole.RegionalDirector, Area.Me, false, false, false, false },

        { PortalRole.HR, Area.Rollout, false, false, false, false },
        { PortalRole.HR, Area.Advisors, true, true, false, false },
        { PortalRole.HR, Area.Skills, true, true, false, false },
        { PortalRole.HR, Area.Training, true, true, true, true },
        { PortalRole.HR, Area.Coverage, false, false, false, false },
        { PortalRole.HR, Area.Subcontracting, false, false, false, false },
        { PortalRole.HR, Area.Assignments, false, false, false, false },
        { PortalRole.HR, Area.Audit, false, false, false, false },
        { PortalRole.HR, Area.Administration, false, false, false, false },

        { PortalRole.Advisor, Area.Rollout, false, false, false, false },
        { PortalRole.Advisor, Area.Advisors, false, false, false, false },
        { PortalRole.Advisor, Area.Skills, false, false, false, false },
        { PortalRole.Advisor, Area.Training, false, false, false, false },
        { PortalRole.Advisor, Area.Coverage, false, false, false, false },
        { PortalRole.Advisor, Area.Subcontracting, false, false, false, false },
        { PortalRole.Advisor, Area.Assignments, false, false, false, false },
        { PortalRole.Advisor, Area.Audit, false, false, false, false },
        { PortalRole.Advisor, Area.Administration, false, false, false, false },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Each_role_reads_and_changes_only_what_the_specification_allows(
        PortalRole role, Area area, bool readOwn, bool readOther, bool changeOwn, bool changeOther)
    {
        var actor = new Actor("someone", role, RegionId: role == PortalRole.RegionalDirector ? Own : null, AdvisorId: role == PortalRole.Advisor ? 7 : null);

        Assert.Equal(readOwn, AccessRules.CanRead(actor, area, Own));
        Assert.Equal(readOther, AccessRules.CanRead(actor, area, Other));
        Assert.Equal(changeOwn, AccessRules.CanChange(actor, area, Own));
        Assert.Equal(changeOther, AccessRules.CanChange(actor, area, Other));
    }

    [Fact]
    public void A_director_without_a_region_reads_no_region()
    {
        var unbound = new Actor("director", PortalRole.RegionalDirector);

        Assert.False(AccessRules.CanRead(unbound, Area.Coverage, Own));
        Assert.Empty(AccessRules.ReadableRegions(unbound, Area.Coverage)!);
    }

    [Theory]
    [InlineData(PortalRole.NationalAdmin, true)]
    [InlineData(PortalRole.RegionalDirector, true)]
    [InlineData(PortalRole.HR, true)]
    [InlineData(PortalRole.Advisor, true)]
    public void The_rollout_timeline_is_a_national_aggregate_for_every_role(PortalRole role, bool expected)
    {
        var actor = new Actor("x", role, Own);

        Assert.Equal(expected, AccessRules.CanReadNationalAggregates(actor, Area.Rollout));
        Assert.True(AccessRules.CanUse(actor, Area.Rollout));
    }

    [Fact]
    public void An_advisor_sees_only_the_own_advisor_record()
    {
        var advisor = new Actor("advisor", PortalRole.Advisor, AdvisorId: 7);

        Assert.True(AccessRules.CanReadAdvisor(advisor, 7, Own));
        Assert.False(AccessRules.CanReadAdvisor(advisor, 8, Own));
    }

    [Fact]
    public void A_director_reads_advisors_of_the_own_region_only()
    {
        var director = new Actor("director", PortalRole.RegionalDirector, Own);

        Assert.True(AccessRules.CanReadAdvisor(director, 8, Own));
        Assert.False(AccessRules.CanReadAdvisor(director, 8, Other));
    }

    [Fact]
    public void The_me_area_is_for_advisor_accounts_linked_to_a_record()
    {
        Assert.True(AccessRules.CanUse(new Actor("a", PortalRole.Advisor, AdvisorId: 7), Area.Me));
        Assert.False(AccessRules.CanUse(new Actor("a", PortalRole.Advisor), Area.Me));
        Assert.False(AccessRules.CanUse(new Actor("n", PortalRole.NationalAdmin), Area.Me));
    }

    [Theory]
    [InlineData(PortalRole.NationalAdmin, null)]
    [InlineData(PortalRole.RegionalDirector, Own)]
    public void Readable_regions_are_all_for_national_roles_and_the_own_one_for_directors(PortalRole role, int? only)
    {
        var readable = AccessRules.ReadableRegions(new Actor("x", role, Own), Area.Advisors);

        if (only is null)
        {
            Assert.Null(readable);
        }
        else
        {
            Assert.Equal([only.Value], readable!);
        }
    }
}
