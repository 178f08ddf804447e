using Microsoft.EntityFrameworkCore;
using Portal.Domain.Coverage;
using Portal.Domain.Rollout;
using Portal.Domain.Time;
using Portal.Services.Coverage;
using Portal.Services.Rollout;

namespace Portal.Integration.Tests.Coverage;

/// <summary>
/// The fast paths of coverage against the straightforward ones on the demo: the grouped count against the per-shift
/// scan, and the outlook's shift patterns against each week read shift by shift. Same numbers in every half-hour.
/// </summary>
[Collection(PortalCollection.Name)]
public class CoverageFastPathTests(PortalFixture fixture)
{
    public static TheoryData<string, int> RegionWeeks => new()
    {
        { "BPL", 0 },
        { "BPL", 21 },
        { "IDF", 7 },
        { "NC", 28 },
        { "SUD", 14 },
    };

    [Theory]
    [MemberData(nameof(RegionWeeks))]
    public async Task The_grouped_count_gives_the_per_shift_scan_numbers(string code, int daysAhead)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = fixture.App.CreateDbContext();
        var region = await db.Regions.AsNoTracking().SingleAsync(r => r.Code == code, ct);
        var monday = LocalCalendar.MondayOf(fixture.Today).AddDays(daysAhead);
        foreach (var channel in await ChannelsAsync(db, ct))
        {
            var inputs = await CoverageService.LoadInputsAsync(db, region.Id, channel, monday, ct);

            var grouped = new CoverageCalculator(LocalCalendar.Paris).Compute(inputs, monday, 7);
            var scanned = new CoverageCalculator(LocalCalendar.Paris, groupShifts: false).Compute(inputs, monday, 7);

            Assert.NotEmpty(inputs.Shifts);
            AssertSameCells(scanned, grouped, $"{code} {channel.Code} {monday}");
        }
    }

    [Theory]
    [InlineData("BPL")]
    [InlineData("IDF")]
    [InlineData("SUD")]
    public async Task The_outlook_patterns_give_each_week_read_shift_by_shift(string code)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = fixture.App.CreateDbContext();
        var region = await db.Regions.AsNoTracking().SingleAsync(r => r.Code == code, ct);
        var dates = ReadinessRule.OutlookDates(fixture.Today, region.PlannedSwitchDate);

        var facts = await ReadinessService.LoadFactsAsync(db, region, dates, fixture.Today, ct);

        var scan = new CoverageCalculator(LocalCalendar.Paris, groupShifts: false);
        var supplied = 0;
        foreach (var channel in await ChannelsAsync(db, ct))
        {
            var outlook = facts.Channels.Single(c => c.Code == channel.Code).Days;
            foreach (var monday in dates.Distinct())
            {
                var inputs = await CoverageService.LoadInputsAsync(db, region.Id, channel, monday, ct);
                var expected = scan.Compute(inputs, monday, 7);
                var actual = outlook.Where(d => d.Date >= monday && d.Date < monday.AddDays(7)).ToList();
                AssertSameCells(expected, actual, $"{code} {channel.Code} {monday}");
                supplied += expected.Sum(d => d.Cells.Sum(c => c.InHouse));
            }
        }
        // The weeks compared hold planned shifts, not only empty weeks.
        Assert.True(supplied > 0);
    }

    private static Task<List<Domain.Channels.Channel>> ChannelsAsync(Services.Data.PortalDbContext db, CancellationToken ct) =>
        db.Channels.AsNoTracking().Include(c => c.OpeningHours).Include(c => c.RequiredSkills).AsSplitQuery().OrderBy(c => c.Id).ToListAsync(ct);

    private static void AssertSameCells(IReadOnlyList<CoverageDay> expected, IReadOnlyList<CoverageDay> actual, string where)
    {
        Assert.Equal(expected.Select(d => d.Date), actual.Select(d => d.Date));
        for (var d = 0; d < expected.Count; d++)
        {
            for (var i = 0; i < expected[d].Cells.Count; i++)
            {
                var (e, a) = (expected[d].Cells[i], actual[d].Cells[i]);
                Assert.True(e == a, $"{where}, {e.Interval.LocalStart:yyyy-MM-dd HH:mm}: expected {e}, got {a}");
            }
            Assert.Equal(expected[d].Cells.Count, actual[d].Cells.Count);
        }
    }
}
