using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.EndToEnd.Tests.Coverage;
using Portal.EndToEnd.Tests.Infrastructure;
using Portal.EndToEnd.Tests.Pages;
using Portal.Services.Data;
using static Microsoft.Playwright.Assertions;

namespace Portal.EndToEnd.Tests.Me;

/// <summary>
/// The demo advisor on a phone: the coming shift and training day on /me, the calendar download, and a shift changed
/// since the last look flagged. The change is a mark on one of the advisor's published shifts (as a director's move
/// would leave), put back as it was at the end, so no other browser test sees it.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class MyAssignmentsFlowTests(PortalFixture portal) : BrowserTest(portal)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private PortalDbContext Db() => Portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext();

    [Fact]
    public async Task The_advisor_sees_the_shift_and_a_training_day_downloads_a_calendar_that_parses_and_sees_a_changed_shift_flagged()
    {
        await using var db = Db();
        var advisorId = await db.Users.Where(u => u.Email == DemoLogins.AdvisorBpl.Email).Select(u => u.AdvisorId!.Value).SingleAsync(Ct);
        var today = DemoWeeks.TodayInParis;
        var lastPublished = DemoWeeks.MondayOf(today).AddDays(13);
        var training = await db.Enrolments.Where(e => e.AdvisorId == advisorId)
            .SelectMany(e => e.Session!.Days.Where(d => d.Date >= today && d.Date <= lastPublished), (e, d) => d.Date).ToListAsync(Ct);
        var shift = await db.Shifts.Where(s => s.AdvisorId == advisorId && s.Date > today && s.Date <= lastPublished && !training.Contains(s.Date))
            .OrderBy(s => s.Date).FirstAsync(Ct);
        var mark = shift.ChangedAtUtc;
        var calendar = await db.AdvisorCalendars.AsNoTracking().SingleOrDefaultAsync(c => c.AdvisorId == advisorId, Ct);
        shift.ChangedAtUtc = DateTime.UtcNow;
        await db.SaveChangesAsync(Ct);
        try
        {
            var phone = await Portal.NewPhonePageAsync();
            await (await LoginPage.OpenAsync(phone)).SignInAsync(DemoLogins.AdvisorBpl);
            await phone.GotoAsync("me");
            await new PortalShell(phone).WaitUntilInteractiveAsync();

            await Expect(phone.GetByTestId("me-changed")).ToBeVisibleAsync();
            await phone.GetByRole(AriaRole.Tab, new() { Name = "Liste" }).ClickAsync();
            var list = phone.GetByTestId("me-list");
            await Expect(list.GetByTestId("me-shift").First).ToBeVisibleAsync();
            await Expect(list.GetByTestId("me-list-training").First).ToContainTextAsync("Formation");
            await Expect(list.Locator("[data-testid=me-shift][data-changed=true]")).ToHaveCountAsync(1);
            await Expect(list.GetByTestId("me-shift-changed")).ToHaveTextAsync("modifiée");
            await phone.ScreenshotAsync(new() { Path = Screenshots.PathOf("me-phone-list"), FullPage = true });
            // Nothing wider than the phone: no sideways scrolling.
            Assert.True(await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth + 1"));

            var download = await phone.RunAndWaitForDownloadAsync(() => phone.GetByTestId("me-calendar").ClickAsync());
            var file = await File.ReadAllTextAsync((await download.PathAsync())!, Ct);
            var parsed = Ical.Net.Calendar.Load(file)!;
            Assert.Equal("Europe/Paris", Assert.Single(parsed.TimeZones).TzId);
            Assert.Contains(parsed.Events, e => e.Uid == $"shift-{shift.Id}@portal");
            Assert.Contains(parsed.Events, e => e.IsAllDay && training.Contains(DateOnly.FromDateTime(e.Start!.Value)));

            await phone.GetByTestId("me-seen").ClickAsync();
            await Expect(phone.GetByTestId("me-changed")).ToHaveCountAsync(0);
            await phone.GetByRole(AriaRole.Tab, new() { Name = "Semaine" }).ClickAsync();
            await phone.ScreenshotAsync(new() { Path = Screenshots.PathOf("me-phone-week"), FullPage = true });
        }
        finally
        {
            await using var restore = Db();
            await restore.Shifts.Where(s => s.Id == shift.Id).ExecuteUpdateAsync(u => u.SetProperty(s => s.ChangedAtUtc, mark), Ct);
            await restore.AdvisorCalendars.Where(c => c.AdvisorId == advisorId)
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.SeenAtUtc, calendar == null ? null : calendar.SeenAtUtc), Ct);
        }
    }
}
