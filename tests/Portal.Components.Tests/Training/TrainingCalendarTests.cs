using Bunit;
using Portal.Services.Training;
using Portal.Web.Components.Pages.Training.Components;

namespace Portal.Components.Tests.Training;

/// <summary>The sessions calendar: a month from Monday to Sunday, each session on each of its days, closed days marked.</summary>
public sealed class TrainingCalendarTests : PortalComponentTest
{
    private static readonly DateOnly May2026 = new(2026, 5, 1);

    private readonly List<DateOnly> movedTo = [];

    private IRenderedComponent<TrainingCalendar> RenderCalendar(DateOnly month, params CalendarEntry[] entries) =>
        Render<TrainingCalendar>(p => p
            .Add(x => x.Month, month)
            .Add(x => x.Entries, entries)
            .Add(x => x.MonthChanged, m => movedTo.Add(m)));

    private static CalendarEntry Day(DateOnly date, int session, string course, string site) =>
        new(date, session, course, site, 4, 12, SessionStatus.Planned);

    private static string[] SessionsOn(IRenderedComponent<TrainingCalendar> calendar, string day) =>
        calendar.Find($"td[data-day='{day}']").QuerySelectorAll("[data-session]").Select(a => a.TextContent.Trim()).ToArray();

    [Fact]
    public void A_session_shows_on_each_of_its_days_and_on_no_other()
    {
        var calendar = RenderCalendar(May2026,
            Day(new(2026, 5, 4), 7, "VENTE-MOB", "Rennes"),
            Day(new(2026, 5, 6), 7, "VENTE-MOB", "Rennes"),
            Day(new(2026, 5, 6), 8, "TECH-FIX", "Nantes"));

        Assert.Equal(["VENTE-MOB · Rennes"], SessionsOn(calendar, "2026-05-04"));
        Assert.Empty(SessionsOn(calendar, "2026-05-05"));
        Assert.Equal(["VENTE-MOB · Rennes", "TECH-FIX · Nantes"], SessionsOn(calendar, "2026-05-06"));
        Assert.Equal("training/sessions/7", calendar.Find("td[data-day='2026-05-04'] [data-session]").GetAttribute("href"));
        Assert.Equal(3, calendar.FindAll("[data-session]").Count);
    }

    [Fact]
    public void The_month_runs_from_the_monday_of_its_first_week_to_the_sunday_of_its_last()
    {
        var calendar = RenderCalendar(new DateOnly(2026, 5, 20));

        var days = calendar.FindAll("td[data-day]").Select(d => d.GetAttribute("data-day")).ToList();

        Assert.Equal("mai 2026", calendar.Find("[data-testid=calendar-month]").TextContent.Trim());
        Assert.Equal("2026-04-27", days[0]);
        Assert.Equal("2026-05-31", days[^1]);
        Assert.Equal(35, days.Count);
        Assert.Equal("lundi", calendar.FindAll("th")[0].TextContent.Trim());
    }

    [Fact]
    public void The_arrows_ask_for_the_previous_and_the_next_month()
    {
        var calendar = RenderCalendar(new DateOnly(2026, 1, 15));

        calendar.Find("button[aria-label='Mois précédent']").Click();
        calendar.Find("button[aria-label='Mois suivant']").Click();

        Assert.Equal([new DateOnly(2025, 12, 1), new DateOnly(2026, 2, 1)], movedTo);
    }

    [Fact]
    public void Moving_to_another_month_shows_its_sessions()
    {
        var calendar = RenderCalendar(May2026, Day(new(2026, 6, 2), 9, "FIDEL", "Brest"));
        Assert.Empty(calendar.FindAll("[data-session]"));

        calendar.Render(p => p.Add(x => x.Month, new DateOnly(2026, 6, 1)));

        Assert.Equal("juin 2026", calendar.Find("[data-testid=calendar-month]").TextContent.Trim());
        Assert.Equal(["FIDEL · Brest"], SessionsOn(calendar, "2026-06-02"));
    }

    [Fact]
    public void A_public_holiday_and_a_sunday_are_shown_closed_and_the_holiday_is_named()
    {
        var calendar = RenderCalendar(May2026);

        var labourDay = calendar.Find("td[data-day='2026-05-01']");
        var sunday = calendar.Find("td[data-day='2026-05-03']");
        var monday = calendar.Find("td[data-day='2026-05-04']");

        Assert.Equal("true", labourDay.GetAttribute("data-closed"));
        Assert.Contains("Férié", labourDay.TextContent, StringComparison.Ordinal);
        Assert.Equal("true", sunday.GetAttribute("data-closed"));
        Assert.DoesNotContain("Férié", sunday.TextContent, StringComparison.Ordinal);
        Assert.Equal("false", monday.GetAttribute("data-closed"));
    }
}
