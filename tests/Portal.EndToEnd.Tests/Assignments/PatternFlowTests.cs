using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Advisors;
using Portal.Domain.Assignments;
using Portal.Domain.Time;
using Portal.EndToEnd.Tests.Coverage;
using Portal.EndToEnd.Tests.Infrastructure;
using Portal.EndToEnd.Tests.Pages;
using Portal.Services.Data;
using static Microsoft.Playwright.Assertions;

namespace Portal.EndToEnd.Tests.Assignments;

/// <summary>
/// BPL's director filters the planner by a team, gives the team a pattern on voice, sees the one refusal and nothing
/// saved, unticks that advisor and applies again, and watches the coverage rise. The team is three voice advisors of one
/// site moved into a team of their own, in a week months past the demo's; everything is put back at the end.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class PatternFlowTests(PortalFixture portal) : BrowserTest(portal)
{
    private const string Team = "Équipe 99";

    private static DateOnly OwnWeek()
    {
        var monday = DemoWeeks.MondayOf(DemoWeeks.TodayInParis.AddDays(7 * 25));
        while (Enumerable.Range(0, 7).Any(d => FrenchHolidays.IsHoliday(monday.AddDays(d))))
        {
            monday = monday.AddDays(7);
        }
        return monday;
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private PortalDbContext Db() => Portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext();

    /// <summary>Three full-time BPL voice advisors of one site, with their teams before the test.</summary>
    private async Task<(string Site, List<(int Id, string Number, string? Team)> Advisors)> TeamOfThreeAsync()
    {
        await using var db = Db();
        var skills = await db.ChannelSkills.Where(c => c.ChannelId == 1).Select(c => c.SkillId).ToListAsync(Ct);
        var voice = await db.Advisors.Where(Advisor.ActiveInHouse).Where(a => a.Site!.RegionId == 2 && a.WorkingTimePercent == 100)
            .Where(a => a.Skills.Count(s => skills.Contains(s.SkillId) && s.Level >= Domain.Skills.ProficiencyLevel.Certified) == skills.Count)
            .OrderBy(a => a.Id).Select(a => new { a.Id, a.EmployeeNumber, a.Team, Site = a.Site!.Name }).Take(400).ToListAsync(Ct);
        var site = voice.GroupBy(a => a.Site).First(g => g.Count() >= 3);
        var chosen = site.Take(3).Select(a => (a.Id, a.EmployeeNumber, a.Team)).ToList();
        var ids = chosen.Select(a => a.Id).ToList();
        await db.Advisors.Where(a => ids.Contains(a.Id)).ExecuteUpdateAsync(u => u.SetProperty(a => a.Team, Team), Ct);
        return (site.Key, chosen);
    }

    private async Task CleanAsync(DateOnly monday, List<(int Id, string Number, string? Team)> advisors)
    {
        await using var db = Db();
        await db.Shifts.Where(s => s.Date >= monday && s.Date <= monday.AddDays(6)).ExecuteDeleteAsync(Ct);
        foreach (var advisor in advisors)
        {
            await db.Advisors.Where(a => a.Id == advisor.Id).ExecuteUpdateAsync(u => u.SetProperty(a => a.Team, advisor.Team), Ct);
        }
    }

    private async Task<int> ShiftCountAsync(DateOnly monday)
    {
        await using var db = Db();
        return await db.Shifts.CountAsync(s => s.Date >= monday && s.Date <= monday.AddDays(6), Ct);
    }

    [Fact]
    public async Task The_director_gives_a_team_a_pattern_sees_the_one_refusal_unticks_that_advisor_and_the_coverage_rises()
    {
        var monday = OwnWeek();
        var (site, advisors) = await TeamOfThreeAsync();
        try
        {
            // The second advisor already works Wednesday evening: a Thursday morning leaves too little rest.
            await using (var db = Db())
            {
                db.Shifts.Add(new Shift { AdvisorId = advisors[1].Id, ChannelId = 1, Date = monday.AddDays(2), Start = new TimeOnly(14, 0), End = new TimeOnly(22, 0) });
                await db.SaveChangesAsync(Ct);
            }
            await (await LoginPage.OpenAsync(Page)).SignInAsync(DemoLogins.DirectorBpl);
            var planner = await PlannerPage.OpenAsync(Page, "BPL", monday);

            await planner.TeamFilter.ClickAsync();
            await planner.Options.GetByText($"{Team} · {site}", new() { Exact = true }).ClickAsync();
            await Expect(planner.Options).ToHaveCountAsync(0);
            await Expect(Page.GetByTestId("planner-row")).ToHaveCountAsync(3);
            Assert.Contains("team=", Uri.UnescapeDataString(Page.Url), StringComparison.Ordinal);
            await Expect(planner.Coverage).ToBeVisibleAsync();
            var before = await planner.CoveredAsync();

            await planner.PatternButton.ClickAsync();
            await Expect(planner.PatternDialog).ToBeVisibleAsync();
            await Expect(Page.GetByTestId("pattern-member-count")).ToContainTextAsync("3 conseiller(s) choisi(s) sur 3");
            await planner.PatternDay(DayOfWeek.Wednesday).UncheckAsync();
            await planner.PatternDay(DayOfWeek.Friday).UncheckAsync();
            await planner.TypeTimeAsync("pattern-start", "08:00");
            await planner.TypeTimeAsync("pattern-end", "15:30");
            await planner.PatternApply.ClickAsync();

            await Expect(planner.PatternRefusals.Locator("li")).ToHaveCountAsync(1);
            await Expect(planner.PatternRefusals.Locator($"[data-refused='{advisors[1].Number}']")).ToContainTextAsync("moins de 11 heures de repos");
            Assert.Equal(1, await ShiftCountAsync(monday));

            await planner.PatternMember(advisors[1].Number).UncheckAsync();
            await planner.PatternApply.ClickAsync();

            await Expect(planner.PatternDialog).ToHaveCountAsync(0);
            await Expect(planner.Cell(advisors[0].Number, monday).GetByTestId("planner-shift")).ToHaveTextAsync("08:00–15:30 Voice");
            await Expect(planner.Coverage).Not.ToHaveAttributeAsync("data-covered", before.ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture));
            Assert.True(await planner.CoveredAsync() > before);
            Assert.Equal(1 + (2 * 3), await ShiftCountAsync(monday));
            await Page.ScreenshotAsync(new() { Path = Screenshots.PathOf("assignments-pattern"), FullPage = true });
        }
        finally
        {
            await CleanAsync(monday, advisors);
        }
    }
}
