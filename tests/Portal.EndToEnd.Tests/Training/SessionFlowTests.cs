using System.Globalization;
using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
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

    [Fact]
    public async Task BPL_director_plans_a_session_fills_it_and_confirms_the_coverage_warning()
    {
        await (await LoginPage.OpenAsync(Page)).SignInAsync(DemoLogins.DirectorBpl);
        // Next week is the demo's busiest training week in BPL: twelve more advisors off the floor push core half-hours under the floor.
        var id = await PlanAsync(WorkingDays(DemoWeeks.MondayOf(DemoWeeks.TodayInParis).AddDays(7)), capacity: null, trainer: "Claire Formatrice");

        var session = await SessionPage.OpenAsync(Page, id);
        await session.StillNeedsTab.ClickAsync();
        await Expect(session.Eligible.First).ToBeVisibleAsync();
        for (var i = 0; i < 12; i++)
        {
            await session.TickAsync(session.Eligible.Nth(i));
        }
        await session.EnrolNeeds.ClickAsync();

        await Expect(session.CoverageWarning).ToBeVisibleAsync();
        await Expect(session.CoverageWarning.Locator("[data-drop]").First).ToContainTextAsync("→");
        await Expect(session.Summary).ToContainTextAsync("0 inscrits sur 12");
        await Page.ScreenshotAsync(new() { Path = Screenshots.PathOf("training-coverage-warning"), FullPage = true });
        await session.ConfirmCoverage.ClickAsync();

        await Expect(session.Summary).ToContainTextAsync("12 inscrits sur 12");
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
    public async Task HR_records_attendance_and_a_pass_and_the_advisor_gains_the_course_skill()
    {
        await (await LoginPage.OpenAsync(Page)).SignInAsync(DemoLogins.Hr);
        var sessions = await SessionsPage.OpenAsync(Page, $"?region=BPL&course={WrittenCourseId}&status=Planned");
        await Expect(sessions.Heading).ToContainTextAsync("Bretagne-Pays de la Loire");
        await Expect(sessions.PlanButton).ToHaveCountAsync(0);
        await sessions.SessionLinks.Last.ClickAsync();
        var session = new SessionPage(Page);
        await Expect(Page).ToHaveURLAsync(SessionAddress());
        await session.WaitUntilInteractiveAsync();

        var row = session.Attendance.Locator("tr[data-status='Planned']").First;
        await Expect(row).ToBeVisibleAsync();
        var number = await row.GetAttributeAsync("data-enrolment") ?? throw new InvalidOperationException("no enrolment");
        row = session.Enrolment(number);
        foreach (var box in await row.GetByRole(AriaRole.Checkbox).AllAsync())
        {
            await box.CheckAsync();
        }
        await row.GetByTestId("result").ClickAsync();
        await session.Options.GetByText("Réussite", new() { Exact = true }).ClickAsync();
        await row.GetByTestId("save-attendance").ClickAsync();

        await Expect(Page.GetByText("Présence enregistrée.")).ToBeVisibleAsync();
        await Expect(session.Enrolment(number)).ToHaveAttributeAsync("data-status", "Completed");
        await Expect(session.Enrolment(number).GetByTestId("completed")).ToContainTextAsync("Validée le");
        await Expect(session.Enrolment(number).GetByTestId("cancel-completion")).ToBeVisibleAsync();
        await Page.ScreenshotAsync(new() { Path = Screenshots.PathOf("training-attendance"), FullPage = true });
        await AssertAccessibleAsync();

        await Page.GotoAsync($"advisors/{number}");
        var profile = new AdvisorProfilePage(Page);
        await profile.WaitUntilInteractiveAsync();
        await Expect(Page.Locator("[data-skill='ECRIT'][data-level='2']")).ToBeVisibleAsync();
        await Page.ScreenshotAsync(new() { Path = Screenshots.PathOf("training-advisor-skill"), FullPage = true });
    }

    /// <summary>Plans a session of the first course at the first site, on the first of the course's days from <paramref name="days"/>; answers its id.</summary>
    private async Task<int> PlanAsync(IReadOnlyList<DateOnly> days, int? capacity, string trainer)
    {
        var sessions = await SessionsPage.OpenAsync(Page);
        await Expect(sessions.Heading).ToContainTextAsync("Bretagne-Pays de la Loire");
        await sessions.PlanButton.ClickAsync();
        await sessions.Course.ClickAsync();
        var course = sessions.Options.Filter(new() { HasText = "ECRIT" });
        var length = int.Parse(DaysOfCourse().Match(await course.InnerTextAsync()).Groups[1].Value, CultureInfo.InvariantCulture);
        await course.ClickAsync();
        await sessions.Site.ClickAsync();
        await sessions.Options.First.ClickAsync();
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
        var result = await Page.RunAxe();
        foreach (var violation in result.Violations)
        {
            output.WriteLine($"{violation.Impact}: {violation.Id} ({violation.Help}) at {string.Join(", ", violation.Nodes.Select(n => n.Target.ToString()))}");
        }
        Assert.Empty(result.Violations.Where(v => v.Impact is "critical" or "serious").Select(v => v.Id));
    }

    [GeneratedRegex(@"\((\d+) j\)")]
    private static partial Regex DaysOfCourse();

    [GeneratedRegex(@"/training/sessions/(\d+)$")]
    private static partial Regex SessionAddress();
}
