using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Advisors;
using Portal.Domain.Time;
using Portal.EndToEnd.Tests.Coverage;
using Portal.EndToEnd.Tests.Infrastructure;
using Portal.EndToEnd.Tests.Pages;
using Portal.Services.Data;
using static Microsoft.Playwright.Assertions;

namespace Portal.EndToEnd.Tests.Assignments;

/// <summary>
/// BPL's director fills a gap in a week months past the demo's (no shift yet, so every half hour is a gap and no other
/// browser test reads it), watches the coverage change, then publishes; what the test wrote is removed at the end.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class PlannerFlowTests(PortalFixture portal) : BrowserTest(portal)
{
    private static DateOnly OwnWeek()
    {
        var monday = DemoWeeks.MondayOf(DemoWeeks.TodayInParis.AddDays(7 * 22));
        while (Enumerable.Range(0, 7).Any(d => FrenchHolidays.IsHoliday(monday.AddDays(d))))
        {
            monday = monday.AddDays(7);
        }
        return monday;
    }

    private async Task<string> VoiceAdvisorAsync()
    {
        await using var db = Db();
        var skills = await db.ChannelSkills.Where(c => c.ChannelId == 1).Select(c => c.SkillId).ToListAsync(Ct);
        return await db.Advisors.Where(Advisor.ActiveInHouse).Where(a => a.Site!.RegionId == 2 && a.WorkingTimePercent == 100)
            .Where(a => a.Skills.Count(s => skills.Contains(s.SkillId) && s.Level >= Domain.Skills.ProficiencyLevel.Certified) == skills.Count)
            .OrderByDescending(a => a.Id).Select(a => a.EmployeeNumber).FirstAsync(Ct);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private PortalDbContext Db() => Portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext();

    private async Task CleanAsync(DateOnly monday)
    {
        await using var db = Db();
        await db.Shifts.Where(s => s.Date >= monday && s.Date <= monday.AddDays(6)).ExecuteDeleteAsync(Ct);
        await db.PublishedWeeks.Where(w => w.Monday == monday).ExecuteDeleteAsync(Ct);
    }

    [Fact]
    public async Task The_director_fills_a_gap_sees_the_coverage_rise_then_publishes_the_week()
    {
        var monday = OwnWeek();
        var tuesday = monday.AddDays(1);
        var employee = await VoiceAdvisorAsync();
        try
        {
            await (await LoginPage.OpenAsync(Page)).SignInAsync(DemoLogins.DirectorBpl);
            var planner = await PlannerPage.OpenAsync(Page, "BPL", monday);
            await Expect(Page.GetByTestId("planner-draft")).ToBeVisibleAsync();
            await Expect(planner.Coverage).ToBeVisibleAsync();
            await Expect(Page.GetByTestId("planner-day")).ToHaveTextAsync(
                Enumerable.Range(0, 7).Select(d => monday.AddDays(d).ToString("ddd d", System.Globalization.CultureInfo.GetCultureInfo("fr-FR"))).ToArray());
            var before = await planner.CoveredAsync();

            await planner.Search.FillAsync(employee);
            await Expect(Page.GetByTestId("planner-row")).ToHaveCountAsync(1);
            await planner.Cell(employee, tuesday).GetByTestId("planner-add").ClickAsync();
            await Expect(planner.Editor).ToBeVisibleAsync();
            // A first try before voice opens: refused, the rule named, nothing saved.
            await planner.TypeTimeAsync("shift-start", "06:00");
            await planner.TypeTimeAsync("shift-end", "14:00");
            await planner.TypeTimeAsync("shift-break", "10:00");
            await planner.Save.ClickAsync();
            await Expect(planner.Refusals).ToContainTextAsync("heures d'ouverture");
            await Expect(planner.Cell(employee, tuesday).GetByTestId("planner-shift")).ToHaveCountAsync(0);

            await planner.TypeTimeAsync("shift-start", "09:00");
            await planner.TypeTimeAsync("shift-end", "17:00");
            await planner.TypeTimeAsync("shift-break", "12:00");
            await planner.Save.ClickAsync();

            await Expect(planner.Cell(employee, tuesday).GetByTestId("planner-shift")).ToHaveTextAsync("09:00–17:00 Voice");
            await Expect(planner.Coverage).Not.ToHaveAttributeAsync("data-covered", before.ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture));
            Assert.True(await planner.CoveredAsync() > before);
            await Page.ScreenshotAsync(new() { Path = Screenshots.PathOf("assignments-planner"), FullPage = true });

            await planner.Publish.ClickAsync();
            await Expect(planner.Published).ToBeVisibleAsync();
            await using var db = Db();
            Assert.True(await db.PublishedWeeks.AnyAsync(w => w.RegionId == 2 && w.Monday == monday, Ct));
        }
        finally
        {
            await CleanAsync(monday);
        }
    }
}
