using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Time;
using Portal.EndToEnd.Tests.Coverage;
using Portal.EndToEnd.Tests.Infrastructure;
using Portal.EndToEnd.Tests.Pages;
using Portal.Services.Data;
using static Microsoft.Playwright.Assertions;

namespace Portal.EndToEnd.Tests.Assignments;

/// <summary>
/// BPL's director asks for a roster of a week months past the demo's (no shift yet, every half hour a gap), on the
/// e-mail channel with a short limit, reads the coverage before and after, accepts it all, and finds the shifts on the
/// planner; what the test wrote is removed at the end.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class RosterFlowTests(PortalFixture portal) : BrowserTest(portal)
{
    private static DateOnly OwnWeek()
    {
        var monday = DemoWeeks.MondayOf(DemoWeeks.TodayInParis.AddDays(7 * 26));
        while (Enumerable.Range(0, 7).Any(d => FrenchHolidays.IsHoliday(monday.AddDays(d))))
        {
            monday = monday.AddDays(7);
        }
        return monday;
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private PortalDbContext Db() => Portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext();

    private static double Hours(string? value) => double.Parse(value!, CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_director_proposes_a_week_sees_the_gap_close_accepts_and_the_shifts_appear_on_the_planner()
    {
        var monday = OwnWeek();
        try
        {
            await (await LoginPage.OpenAsync(Page)).SignInAsync(DemoLogins.DirectorBpl);
            var planner = await PlannerPage.OpenAsync(Page, "BPL", monday);
            await Expect(planner.Coverage).ToBeVisibleAsync();
            await Page.Locator("[data-channel=Email]").ClickAsync();
            await Expect(planner.Coverage).ToContainTextAsync("Courriel");
            var covered = await planner.CoveredAsync();
            await Expect(Page.GetByTestId("planner-shift")).ToHaveCountAsync(0);

            await Page.GetByTestId("roster-open").ClickAsync();
            var dialog = Page.GetByTestId("roster-dialog");
            await Expect(dialog).ToBeVisibleAsync();
            await Expect(dialog.Locator("[data-roster-channel]").First).ToBeVisibleAsync();
            foreach (var channel in await dialog.Locator("[data-roster-channel]").AllAsync())
            {
                if (await channel.GetAttributeAsync("data-roster-channel") != "Email")
                {
                    var box = await channel.EvaluateAsync<bool>("e => e.tagName === 'INPUT'") ? channel : channel.Locator("input");
                    await box.UncheckAsync();
                }
            }
            await dialog.Locator("input[data-testid=roster-seconds], [data-testid=roster-seconds] input").First.FillAsync("2");
            await dialog.GetByTestId("roster-propose").ClickAsync();

            var figures = dialog.GetByTestId("roster-figures");
            await Expect(figures).ToBeVisibleAsync(new() { Timeout = 90_000 });
            var before = Hours(await figures.Locator("[data-figure=all] [data-value=before]").GetAttributeAsync("data-hours"));
            var after = Hours(await figures.Locator("[data-figure=all] [data-value=after]").GetAttributeAsync("data-hours"));
            Assert.True(after < before, $"uncovered {before} h before, {after} h after");
            await Expect(dialog.Locator("[data-roster-advisor]").First).ToBeVisibleAsync();
            await Page.ScreenshotAsync(new() { Path = Screenshots.PathOf("roster-proposal"), FullPage = true });

            await Page.GetByTestId("roster-accept-all").ClickAsync();

            await Expect(dialog).ToBeHiddenAsync(new() { Timeout = 60_000 });
            await Expect(Page.GetByTestId("planner-shift").First).ToBeVisibleAsync();
            await Expect(Page.GetByTestId("planner-shift").First).ToContainTextAsync("Email");
            await Expect(planner.Coverage).Not.ToHaveAttributeAsync("data-covered", covered.ToString("0.0000", CultureInfo.InvariantCulture));
            await Page.ScreenshotAsync(new() { Path = Screenshots.PathOf("roster-accepted"), FullPage = true });
            await using var db = Db();
            Assert.True(await db.Shifts.AnyAsync(s => s.Date >= monday && s.Date <= monday.AddDays(6), Ct));
        }
        finally
        {
            await using var db = Db();
            await db.Shifts.Where(s => s.Date >= monday && s.Date <= monday.AddDays(6)).ExecuteDeleteAsync(Ct);
        }
    }
}
