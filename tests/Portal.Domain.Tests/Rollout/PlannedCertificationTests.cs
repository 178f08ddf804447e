using Portal.Domain.Rollout;

namespace Portal.Domain.Tests.Rollout;

/// <summary>Planned sessions certify an advisor on a channel from the last day of the last session needed, never before.</summary>
public class PlannedCertificationTests
{
    private const int Billing = 1;
    private const int Fibre = 2;
    private static readonly DateOnly Monday = new(2027, 1, 4);

    private static IReadOnlyList<DateOnly> Days(Dictionary<int, int[]> held, params PlannedGrant[] grants) =>
        ChannelFacts.CertifiedByPlan(held.Keys, [Billing, Fibre], (advisor, skill) => held[advisor].Contains(skill), grants);

    [Fact]
    public void An_advisor_missing_two_skills_is_certified_on_the_last_day_of_the_later_session()
    {
        var days = Days(new() { [10] = [] }, new PlannedGrant(10, Billing, Monday.AddDays(2)), new PlannedGrant(10, Fibre, Monday.AddDays(9)));

        Assert.Equal([Monday.AddDays(9)], days);
    }

    [Fact]
    public void An_advisor_missing_a_skill_no_session_grants_is_not_certified_by_the_plan()
    {
        var days = Days(new() { [10] = [] }, new PlannedGrant(10, Billing, Monday.AddDays(2)));

        Assert.Empty(days);
    }

    [Fact]
    public void An_advisor_already_certified_is_not_counted_twice()
    {
        var days = Days(new() { [10] = [Billing, Fibre], [11] = [Billing] }, new PlannedGrant(10, Fibre, Monday), new PlannedGrant(11, Fibre, Monday.AddDays(1)));

        Assert.Equal([Monday.AddDays(1)], days);
    }

    [Fact]
    public void Of_two_sessions_granting_the_same_skill_the_earlier_one_counts()
    {
        var days = Days(new() { [10] = [Billing] }, new PlannedGrant(10, Fibre, Monday.AddDays(16)), new PlannedGrant(10, Fibre, Monday.AddDays(2)));

        Assert.Equal([Monday.AddDays(2)], days);
    }

    [Fact]
    public void The_channel_counts_the_advisor_from_that_last_day_with_the_plan_only()
    {
        var channel = new ChannelFacts("Voice", 5, [], Days(new() { [10] = [Billing] }, new PlannedGrant(10, Fibre, Monday.AddDays(2))));

        Assert.Equal(5, channel.CertifiedOn(Monday.AddDays(1), withPlan: true));
        Assert.Equal(6, channel.CertifiedOn(Monday.AddDays(2), withPlan: true));
        Assert.Equal(5, channel.CertifiedOn(Monday.AddDays(2), withPlan: false));
    }
}
