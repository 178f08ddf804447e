using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Access;
using Portal.Domain.Tests.Roster;
using Portal.Domain.Time;
using Portal.Services.Demo;
using Portal.Services.Roster;

namespace Portal.Integration.Tests.Roster;

/// <summary>
/// Every demo region's next week proposed on every channel from the seeded database with a short limit, each draft read
/// by the independent checker: a region whose advisors, sites, absences or training days the crafted cases do not
/// foresee must still get a roster that breaks no planning rule.
/// </summary>
[Collection(PortalCollection.Name)]
public class RosterDemoWeeksTests(PortalFixture fixture)
{
    public static TheoryData<string> Regions => [.. DemoCatalog.Regions.Select(r => r.Code)];

    [Theory]
    [MemberData(nameof(Regions))]
    public async Task The_next_week_s_proposal_breaks_no_planning_rule_and_never_leaves_more_core_gap(string region)
    {
        var week = LocalCalendar.MondayOf(fixture.Today).AddDays(7);
        var service = fixture.App.Services.CreateScope().ServiceProvider.GetRequiredService<RosterService>();

        var proposal = await service.ProposeAsync(Actor.System, new RosterQuery(region, week, null, 2), null, TestContext.Current.CancellationToken);

        Assert.NotNull(proposal);
        Assert.Empty(RosterChecker.Violations(proposal.Request!, proposal.Draft));
        var draft = proposal.Draft;
        Assert.NotEmpty(draft.Shifts);
        Assert.True(draft.After.UncoveredCore <= draft.Before.UncoveredCore, $"{region}: core gap {draft.Before.UncoveredCore} before, {draft.After.UncoveredCore} after");
        Assert.InRange(draft.LowerBoundCore, 0, draft.After.UncoveredCore);
        Assert.InRange(draft.LowerBound, draft.LowerBoundCore, draft.After.Uncovered);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{region}: {draft.Shifts.Count} shifts, {draft.Status}, {draft.Seconds:0.0} s, core gap {draft.Before.UncoveredCore} -> {draft.After.UncoveredCore} (bound {draft.LowerBoundCore})");
    }
}
