using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Access;
using Portal.Domain.Tests.Roster;
using Portal.Domain.Time;
using Portal.Services.Demo;
using Portal.Services.Roster;

namespace Portal.Integration.Tests.Roster;

/// <summary>
/// Every region-week the demo plans ahead (each region, the five coming weeks whose shifts the demo stores) proposed on
/// every channel from the seeded database with a short limit, each draft read by the independent checker: a region whose advisors, sites, absences or training days the crafted cases do not
/// foresee must still get a roster that breaks no planning rule.
/// </summary>
[Collection(PortalCollection.Name)]
public class RosterDemoWeeksTests(PortalFixture fixture)
{
    private const int WeeksAhead = 5;

    public static TheoryData<string, int> RegionWeeks =>
        [.. DemoCatalog.Regions.SelectMany(r => Enumerable.Range(1, WeeksAhead).Select(w => (r.Code, w)))];

    [Theory]
    [MemberData(nameof(RegionWeeks))]
    public async Task A_planned_week_s_proposal_breaks_no_planning_rule_and_never_leaves_more_core_gap(string region, int weeksAhead)
    {
        var week = LocalCalendar.MondayOf(fixture.Today).AddDays(7 * weeksAhead);
        var service = fixture.App.Services.CreateScope().ServiceProvider.GetRequiredService<RosterService>();

        var proposal = await service.ProposeAsync(Actor.System, new RosterQuery(region, week, null, 2), null, TestContext.Current.CancellationToken);

        Assert.NotNull(proposal);
        Assert.Empty(RosterChecker.Violations(proposal.Request!, proposal.Draft));
        var draft = proposal.Draft;
        Assert.NotEmpty(draft.Shifts);
        Assert.True(draft.After.UncoveredCore <= draft.Before.UncoveredCore, $"{region} {week}: core gap {draft.Before.UncoveredCore} before, {draft.After.UncoveredCore} after");
        Assert.InRange(draft.LowerBoundCore, 0, draft.After.UncoveredCore);
        Assert.InRange(draft.LowerBound, draft.LowerBoundCore, draft.After.Uncovered);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{region} {week}: {draft.Shifts.Count} shifts, {draft.Status}, {draft.Seconds:0.0} s, core gap {draft.Before.UncoveredCore} -> {draft.After.UncoveredCore} (bound {draft.LowerBoundCore})");
    }
}
