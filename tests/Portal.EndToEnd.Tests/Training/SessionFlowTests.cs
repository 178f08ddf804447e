using System.Globalization;
using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Domain.Advisors;
using Portal.Domain.Assignments;
using Portal.Domain.Forecast;
using Portal.Domain.Sites;
using Portal.Domain.Skills;
using Portal.Domain.Training;
using Portal.Domain.Time;
using Portal.EndToEnd.Tests.AdvisorFlows;
using Portal.EndToEnd.Tests.Coverage;
using Portal.EndToEnd.Tests.Infrastructure;
using Portal.EndToEnd.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Portal.EndToEnd.Tests.Training;

[Collection(PortalCollection.Name)]
public sealed partial class SessionFlowTests(PortalFixture portal, ITestOutputHelper output) : BrowserTest(portal)
{
    /// <summary>The demo's written-channel course (two days, grants written channels at level 2); BPL has sessions of it with seats open.</summary>
    private const string WrittenCourseId = "3";

    /// <summary>The demo's required sales cross-skilling course (three days, grants box and mobile sales at level 2).</summary>
    private const int CrossSkillingSalesId = 1;

    /// <summary>The demo's voice channel.</summary>
    private const int Voice = 1;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task BPL_director_plans_a_session_enrols_the_only_voice_advisors_and_confirms_the_coverage_warning()
    {
        var (site, numbers, monday) = await OnlyVoiceAdvisorsAsync();
        await (await LoginPage.OpenAsync(Page)).SignInAsync(DemoLogins.DirectorBpl);
        var id = await PlanAsync(WorkingDays(monday), capacity: null, trainer: "Claire Formatrice", site: site);

        var session = await SessionPage.OpenAsync(Page, id);
        await session.StillNeedsTab.ClickAsync();
        await session.NeedsSite.ClickAsync();
        await session.Options.GetByText(site, new() { Exact = true }).ClickAsync();
        await Expect(session.Options).ToHaveCountAsync(0);
        foreach (var number in numbers)
        {
            await session.TickAsync(session.StillNeeds.Locator($"[data-candidate='{number}']"));
        }
        await session.EnrolNeeds.ClickAsync();

        // The three were the voice channel's only in-house supply on those days: every core half-hour drops.
        await Expect(session.CoverageWarning).ToBeVisibleAsync();
        await Expect(session.CoverageWarning.Locator($"[data-drop^='{monday:yyyy-MM-dd}T09:00']")).ToContainTextAsync("→");
        await Expect(session.Summary).ToContainTextAsync("0 inscrits sur");
        await Page.ScreenshotAsync(new() { Path = Screenshots.PathOf("training-coverage-warning"), FullPage = true });
        await session.ConfirmCoverage.ClickAsync();

        await Expect(session.Summary).ToContainTextAsync("3 inscrits sur");
        await Expect(session.CoverageWarning).ToHaveCountAsync(0);
        await AssertAccessibleAsync();
    }

    [Fact]
    public async Task BPL_director_bulk_enrols_from_the_still_needs_list_and_one_refusal_enrols_nobody()
    {
        await (await LoginPage.OpenAsync(Page)).SignInAsync(DemoLogins.DirectorBpl);
        var id = await PlanAsync(WorkingDays(DemoWeeks.MondayOf(DemoWeeks.TodayInParis).AddDays(35)), capacity: 2, trainer: "Marc Formateur");

        var session = await SessionPage.OpenAsync(Page, id);
        await session.StillNeedsTab.ClickAsync();
        await Expect(session.Eligible.First).ToBeVisibleAsync();
        for (var i = 0; i < 3; i++)
        {
            await session.TickAsync(session.Eligible.Nth(i));
        }
        await Expect(session.EnrolNeeds).ToHaveTextAsync("Inscrire (3)");
        await session.EnrolNeeds.ClickAsync();

        await Expect(session.Refusals).ToContainTextAsync("Personne n'est inscrit : 1 refus.");
        await Expect(session.Refusals.Locator("li")).ToHaveCountAsync(1);
        await Expect(session.Refusals.Locator("li")).ToContainTextAsync("Session complète");
        await Expect(session.Summary).ToContainTextAsync("0 inscrits sur 2");
        await Page.ScreenshotAsync(new() { Path = Screenshots.PathOf("training-still-needs-refusal"), FullPage = true });
        await AssertAccessibleAsync();
    }

    [Fact]
    public async Task HR_records_attendance_and_a_pass_and_sees_the_completion_rate_and_the_advisor_skill_change()
    {
        var (sessionId, number) = await PastSessionAwaitingAttendanceAsync();
        await (await LoginPage.OpenAsync(Page)).SignInAsync(DemoLogins.Hr);
        var completion = await CompletionPage.OpenAsync(Page);
        var completedBefore = int.Parse(await completion.CourseCompleted("TRANSV-COM").InnerTextAsync(), CultureInfo.CurrentCulture);

        var sessions = await SessionsPage.OpenAsync(Page, "?region=BPL");
        await Expect(sessions.PlanButton).ToHaveCountAsync(0);
        var session = await SessionPage.OpenAsync(Page, sessionId);

        var row = session.Enrolment(number);
        await Expect(row).ToHaveAttributeAsync("data-status", "Planned");
        foreach (var box in await row.GetByRole(AriaRole.Checkbox).AllAsync())
        {
            await box.CheckAsync();
        }
        await row.GetByTestId("result").ClickAsync();
        await session.Options.GetByText("Réussite", new() { Exact = true }).ClickAsync();
        await Expect(session.Options).ToHaveCountAsync(0);
        await row.GetByTestId("save-attendance").ClickAsync();

        await Expect(Page.GetByText("Présence enregistrée.")).ToBeVisibleAsync();
        await Expect(session.Enrolment(number)).ToHaveAttributeAsync("data-status", "Completed");
        await Expect(session.Enrolment(number).GetByTestId("completed")).ToContainTextAsync("Validée le");
        await Expect(session.Enrolment(number).GetByTestId("cancel-completion")).ToBeVisibleAsync();
        await Page.ScreenshotAsync(new() { Path = Screenshots.PathOf("training-attendance"), FullPage = true });
        await AssertAccessibleAsync();

        completion = await CompletionPage.OpenAsync(Page);
        await Expect(completion.CourseCompleted("TRANSV-COM")).ToHaveTextAsync((completedBefore + 1).ToString(CultureInfo.CurrentCulture));
        await Expect(completion.RegionRate("Bretagne-Pays de la Loire")).ToHaveTextAsync(Percent());
        await Page.ScreenshotAsync(new() { Path = Screenshots.PathOf("training-completion-after"), FullPage = true });

        await Page.GotoAsync($"advisors/{number}");
        var profile = new AdvisorProfilePage(Page);
        await profile.WaitUntilInteractiveAsync();
        await Expect(Page.Locator("[data-skill='BOX-VENTE'][data-level='2']")).ToBeVisibleAsync();
        await Expect(Page.Locator("[data-skill='MOB-VENTE'][data-level='2']")).ToBeVisibleAsync();
        await Page.ScreenshotAsync(new() { Path = Screenshots.PathOf("training-advisor-skill"), FullPage = true });
    }

    /// <summary>
    /// A week far past the demo's shifts at BPL's first in-house site: a voice forecast for its days, and three
    /// voice-certified advisors there who still need the written-channel course given the only voice shifts. Training
    /// them takes the channel's whole in-house supply away. No other browser test looks at that week.
    /// </summary>
    private async Task<(string Site, List<string> Numbers, DateOnly Monday)> OnlyVoiceAdvisorsAsync()
    {
        var monday = DemoWeeks.MondayOf(DemoWeeks.TodayInParis).AddDays(7 * 44);
        await using var db = Portal.CreateDbContext();
        var bpl = await db.Regions.Where(r => r.Code == "BPL").Select(r => r.Id).SingleAsync(Ct);
        Assert.False(await db.Shifts.AnyAsync(s => s.Date >= monday && s.Date < monday.AddDays(7), Ct), "the demo has no shifts that far ahead");
        var site = await db.Sites.Where(s => s.RegionId == bpl && s.Kind == SiteKind.InHouse).OrderBy(s => s.Id).FirstAsync(Ct);
        var voiceSkills = await db.ChannelSkills.Where(c => c.ChannelId == Voice).Select(c => c.SkillId).ToListAsync(Ct);
        var course = int.Parse(WrittenCourseId, CultureInfo.InvariantCulture);
        var found = await db.Advisors.Where(a => a.SiteId == site.Id && a.Active)
            .Where(a => voiceSkills.All(k => a.Skills.Any(s => s.SkillId == k && s.Level >= ProficiencyLevel.Certified)))
            .Where(a => !db.Enrolments.Any(e => e.AdvisorId == a.Id && e.Session!.CourseId == course && e.Status != EnrolmentStatus.Cancelled))
            .ToListAsync(Ct);
        // The list shows its first hundred by name: three of the first ones.
        var french = StringComparer.Create(CultureInfo.GetCultureInfo("fr-FR"), ignoreCase: false);
        var advisors = found.OrderBy(a => a.LastName, french).ThenBy(a => a.FirstName, french).Take(3).ToList();
        Assert.Equal(3, advisors.Count);
        foreach (var day in WorkingDays(monday).Take(5))
        {
            db.ForecastIntervals.RemoveRange(db.ForecastIntervals.Where(f => f.RegionId == bpl && f.ChannelId == Voice && f.LocalDate == day));
            for (var time = new TimeOnly(8, 0); time < new TimeOnly(16, 0); time = time.AddMinutes(30))
            {
                db.ForecastIntervals.Add(new ForecastInterval
                {
                    RegionId = bpl, ChannelId = Voice, LocalDate = day, StartUtc = LocalCalendar.Paris.ToUtc(day.ToDateTime(time)),
                    Contacts = 10, AverageHandlingSeconds = 300, Source = ForecastSource.Imported,
                });
            }
            db.Shifts.AddRange(advisors.Select(a => new Shift { AdvisorId = a.Id, Date = day, Start = new TimeOnly(8, 0), End = new TimeOnly(16, 0), ChannelId = Voice }));
        }
        await db.SaveChangesAsync(Ct);
        return (site.Name, advisors.Select(a => a.EmployeeNumber).ToList(), monday);
    }

    /// <summary>
    /// A session of the required sales course held last week at a BPL site, with one advisor enrolled who holds neither
    /// of its skills at level 2 and whose attendance nobody has recorded yet: what HR finds on a Monday morning.
    /// </summary>
    private async Task<(int SessionId, string Number)> PastSessionAwaitingAttendanceAsync()
    {
        await using var db = Portal.CreateDbContext();
        var bpl = await db.Regions.Where(r => r.Code == "BPL").Select(r => r.Id).SingleAsync(Ct);
        var course = await db.Courses.SingleAsync(c => c.Id == CrossSkillingSalesId, Ct);
        var sales = await db.CourseSkills.Where(k => k.CourseId == course.Id).Select(k => k.SkillId).ToListAsync(Ct);
        var advisor = await db.Advisors.Where(Advisor.ActiveInHouse).Where(a => a.Site!.RegionId == bpl)
            .Where(a => !a.Skills.Any(s => sales.Contains(s.SkillId) && s.Level >= ProficiencyLevel.Certified))
            .Where(a => !db.Enrolments.Any(e => e.AdvisorId == a.Id && e.Session!.CourseId == course.Id))
            .OrderBy(a => a.Id).FirstAsync(Ct);
        var days = WorkingDays(DemoWeeks.MondayOf(DemoWeeks.TodayInParis).AddDays(-14)).Take(course.Days).ToList();
        var session = new TrainingSession
        {
            CourseId = course.Id, RegionId = bpl, SiteId = advisor.SiteId, Trainer = "Anne Formatrice", Capacity = course.SessionCapacity,
            Days = days.Select(d => new SessionDay { Date = d }).ToList(),
        };
        session.Enrolments.Add(new Enrolment { AdvisorId = advisor.Id, Status = EnrolmentStatus.Planned });
        db.TrainingSessions.Add(session);
        await db.SaveChangesAsync(Ct);
        return (session.Id, advisor.EmployeeNumber);
    }

    /// <summary>Plans a session of the first course at the first site, on the first of the course's days from <paramref name="days"/>; answers its id.</summary>
    private async Task<int> PlanAsync(IReadOnlyList<DateOnly> days, int? capacity, string trainer, string? site = null)
    {
        var sessions = await SessionsPage.OpenAsync(Page);
        await Expect(sessions.Heading).ToContainTextAsync("Bretagne-Pays de la Loire");
        await sessions.PlanButton.ClickAsync();
        await sessions.Course.ClickAsync();
        var course = sessions.Options.Filter(new() { HasText = "ECRIT" });
        var length = int.Parse(DaysOfCourse().Match(await course.InnerTextAsync()).Groups[1].Value, CultureInfo.InvariantCulture);
        await course.ClickAsync();
        // A list still closing would take the next click meant for the other list.
        await Expect(sessions.Options).ToHaveCountAsync(0);
        await sessions.Site.ClickAsync();
        await (site is null ? sessions.Options.First : sessions.Options.GetByText(site, new() { Exact = true })).ClickAsync();
        await Expect(sessions.Options).ToHaveCountAsync(0);
        await sessions.Trainer.FillAsync(trainer);
        if (capacity is { } seats)
        {
            await sessions.PlanForm.GetByLabel("Places").FillAsync(seats.ToString(CultureInfo.InvariantCulture));
        }
        foreach (var day in days.Take(length))
        {
            await sessions.AddDayAsync(day);
        }
        await sessions.Save.ClickAsync();
        // Either the session page opens, or the coverage warning asks first.
        await Expect(sessions.CoverageWarning.Or(Page.GetByTestId("session-summary"))).ToBeVisibleAsync();
        if (await sessions.CoverageWarning.IsVisibleAsync())
        {
            await sessions.ConfirmCoverage.ClickAsync();
        }
        await Expect(Page).ToHaveURLAsync(SessionAddress());
        return int.Parse(SessionAddress().Match(Page.Url).Groups[1].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>The working days for training from a Monday on (not Saturdays, which the demo keeps for shifts).</summary>
    private static List<DateOnly> WorkingDays(DateOnly monday) =>
        Enumerable.Range(0, 14).Select(monday.AddDays).Where(d => FrenchHolidays.IsTrainingDay(d) && d.DayOfWeek != DayOfWeek.Saturday).ToList();

    private async Task AssertAccessibleAsync()
    {
        // A message still sliding in is measured half transparent: the check reads the page as it stays.
        foreach (var close in await Page.Locator(".mud-snackbar .mud-snackbar-close-button").AllAsync())
        {
            await close.ClickAsync();
        }
        await Expect(Page.Locator(".mud-snackbar")).ToHaveCountAsync(0);
        var result = await Page.RunAxe();
        foreach (var violation in result.Violations)
        {
            output.WriteLine($"{violation.Impact}: {violation.Id} ({violation.Help}) at {string.Join(", ", violation.Nodes.Select(n => n.Target.ToString()))}");
        }
        Assert.Empty(result.Violations.Where(v => v.Impact is "critical" or "serious").Select(v => v.Id));
    }

    [GeneratedRegex(@"^\d{1,3},\d\s%$")]
    private static partial Regex Percent();

    [GeneratedRegex(@"\((\d+) j\)")]
    private static partial Regex DaysOfCourse();

    [GeneratedRegex(@"/training/sessions/(\d+)$")]
    private static partial Regex SessionAddress();
}
