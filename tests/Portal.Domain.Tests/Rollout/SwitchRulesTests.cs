using Portal.Domain.Access;
using Portal.Domain.Regions;
using Portal.Domain.Rollout;

namespace Portal.Domain.Tests.Rollout;

public class SwitchRulesTests
{
    private const string Justification = "Pilot agreed by the board on 1 December";

    [Fact]
    public void A_director_switches_a_ready_region()
    {
        var decision = SwitchRules.Switch(PortalRole.RegionalDirector, RegionStatus.Preparing, ready: true, null);

        Assert.True(decision.Allowed);
        Assert.False(decision.Override);
    }

    [Fact]
    public void Switch_is_refused_to_a_director_when_a_gate_fails_even_with_a_justification()
    {
        var decision = SwitchRules.Switch(PortalRole.RegionalDirector, RegionStatus.Preparing, ready: false, Justification);

        Assert.Equal(SwitchRefusal.GatesFail, decision.Refusal);
    }

    [Theory]
    [InlineData("too short to count", false)]
    [InlineData("exactly twenty chars", true)]
    [InlineData("   padded but short     ", false)]
    [InlineData("twenty-one characters", true)]
    public void A_national_administrator_overrides_failing_gates_only_with_twenty_characters_of_justification(string justification, bool allowed)
    {
        var decision = SwitchRules.Switch(PortalRole.NationalAdmin, RegionStatus.Preparing, ready: false, justification);

        Assert.Equal(allowed, decision.Allowed);
        Assert.True(decision.Override);
        Assert.Equal(allowed ? SwitchRefusal.None : SwitchRefusal.JustificationRequired, decision.Refusal);
    }

    [Theory]
    [InlineData(PortalRole.HR)]
    [InlineData(PortalRole.Advisor)]
    public void Other_roles_never_switch(PortalRole role) =>
        Assert.Equal(SwitchRefusal.NotAllowed, SwitchRules.Switch(role, RegionStatus.Preparing, ready: true, Justification).Refusal);

    [Fact]
    public void A_switched_region_is_not_switched_again() =>
        Assert.Equal(SwitchRefusal.AlreadySwitched, SwitchRules.Switch(PortalRole.NationalAdmin, RegionStatus.Switched, true, Justification).Refusal);

    [Fact]
    public void Only_a_national_administrator_rolls_a_switch_back_with_a_justification()
    {
        Assert.True(SwitchRules.RollBack(PortalRole.NationalAdmin, RegionStatus.Switched, Justification).Allowed);
        Assert.Equal(SwitchRefusal.JustificationRequired, SwitchRules.RollBack(PortalRole.NationalAdmin, RegionStatus.Switched, "oops").Refusal);
        Assert.Equal(SwitchRefusal.NotAllowed, SwitchRules.RollBack(PortalRole.RegionalDirector, RegionStatus.Switched, Justification).Refusal);
        Assert.Equal(SwitchRefusal.NotSwitched, SwitchRules.RollBack(PortalRole.NationalAdmin, RegionStatus.Preparing, Justification).Refusal);
    }
}
