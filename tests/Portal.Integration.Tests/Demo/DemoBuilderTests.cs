using System.Text.Json;
using Portal.Domain.Time;
using Portal.Services.Demo;

namespace Portal.Integration.Tests.Demo;

public class DemoBuilderTests
{
    [Fact]
    public void The_same_date_gives_the_same_demo()
    {
        var day = new DateOnly(2026, 11, 26);

        var first = Fingerprint(new DemoBuilder(day, LocalCalendar.Paris).Build());
        var second = Fingerprint(new DemoBuilder(day, LocalCalendar.Paris).Build());

        Assert.Equal(first, second);
    }

    [Fact]
    public void Every_in_house_advisor_is_in_a_team_of_twelve_to_eighteen_of_the_site()
    {
        var data = new DemoBuilder(new DateOnly(2026, 11, 26), LocalCalendar.Paris).Build();
        var inHouse = data.Sites.Where(s => s.Kind == Domain.Sites.SiteKind.InHouse).Select(s => s.Id).ToHashSet();

        var advisors = data.Advisors.Where(a => inHouse.Contains(a.SiteId)).ToList();
        var teams = advisors.GroupBy(a => (a.SiteId, a.Team)).ToList();

        Assert.All(advisors, a => Assert.Matches("^Équipe [0-9]+$", a.Team));
        Assert.All(teams, t => Assert.InRange(t.Count(), 12, 18));
        Assert.Equal(15_550, data.Advisors.Count);
    }

    public static TheoryData<string> Days => new()
    {
        "2026-11-23", // a Monday
        "2026-11-29", // a Sunday
        "2026-11-11", // a public holiday (Armistice, a Wednesday)
        "2026-04-13", // the week after Easter Monday: last week's Monday was a holiday
        "2026-12-28", // between Christmas and New Year
        "2027-03-28", // a clock-change day
    };

    [Theory]
    [MemberData(nameof(Days))]
    public void Dates_are_placed_around_any_today(string today)
    {
        var day = DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture);
        var data = new DemoBuilder(day, LocalCalendar.Paris).Build();

        Assert.Equal(day.AddDays(-56), data.Regions[0].ActualSwitchDate);
        Assert.Equal(LocalCalendar.MondayOf(day).AddDays(21), data.Regions[1].PlannedSwitchDate);
        Assert.InRange(data.Shifts.Min(s => s.Date).DayNumber, LocalCalendar.MondayOf(day).AddDays(-7).DayNumber, LocalCalendar.MondayOf(day).AddDays(-1).DayNumber);
        Assert.DoesNotContain(data.Shifts, s => FrenchHolidays.IsHoliday(s.Date));
        Assert.All(data.SessionDays, d => Assert.True(FrenchHolidays.IsTrainingDay(d.Date)));
        var daysOf = data.SessionDays.ToLookup(d => d.SessionId, d => d.Date);
        var trainingDays = data.Enrolments.Where(e => e.Status != Portal.Domain.Training.EnrolmentStatus.Cancelled)
            .SelectMany(e => daysOf[e.SessionId], (e, date) => (e.AdvisorId, date)).ToList();
        Assert.Equal(trainingDays.Count, trainingDays.Distinct().Count());
        Assert.True(trainingDays.GroupBy(t => (t.AdvisorId, LocalCalendar.MondayOf(t.date))).Max(g => g.Count()) <= 3);
        Assert.Equal(data.Forecast.Count, data.Forecast.Select(f => (f.RegionId, f.ChannelId, f.StartUtc)).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Days))]
    public void BPL_training_gate_fails_on_the_day_and_its_planned_sessions_would_lift_it_whatever_the_day(string today)
    {
        var day = DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture);
        var data = new DemoBuilder(day, LocalCalendar.Paris).Build();
        var bplSites = data.Sites.Where(s => s.RegionId == 2 && s.Kind == Portal.Domain.Sites.SiteKind.InHouse).Select(s => s.Id).ToHashSet();
        var active = data.Advisors.Where(a => a.Active && bplSites.Contains(a.SiteId)).Select(a => a.Id).ToHashSet();
        var courseOf = data.Sessions.ToDictionary(s => s.Id, s => s.CourseId);
        var lastDayOf = data.Sessions.ToDictionary(s => s.Id, s => s.LastDay);
        var switchDate = data.Regions[1].PlannedSwitchDate;

        double Share(Func<Portal.Domain.Training.Enrolment, bool> counts) => data.Enrolments
            .Where(e => active.Contains(e.AdvisorId) && courseOf[e.SessionId] <= 2 && counts(e))
            .GroupBy(e => e.AdvisorId).Count(g => g.Select(e => courseOf[e.SessionId]).Distinct().Count() == 2) / (double)active.Count;
        var now = Share(e => e.Status == Portal.Domain.Training.EnrolmentStatus.Completed && e.CompletedOn <= day);
        var bySwitch = Share(e => e.Status is Portal.Domain.Training.EnrolmentStatus.Completed or Portal.Domain.Training.EnrolmentStatus.Planned
                                  && lastDayOf[e.SessionId] < switchDate);

        Assert.InRange(now, 0.5, 0.79);
        Assert.InRange(bySwitch, 0.8, 1.0);
    }

    private static string Fingerprint(DemoData data) => JsonSerializer.Serialize(new
    {
        Advisors = data.Advisors.Select(a => $"{a.EmployeeNumber}|{a.FirstName}|{a.LastName}|{a.SiteId}|{a.WorkingTimePercent}|{a.Active}"),
        Skills = data.AdvisorSkills.Select(s => $"{s.AdvisorId}|{s.SkillId}|{s.Level}|{s.CertifiedOn}|{s.Source}"),
        Shifts = data.Shifts.Count,
        ShiftSample = data.Shifts.Where((_, i) => i % 997 == 0).Select(s => $"{s.AdvisorId}|{s.Date}|{s.Start}|{s.ChannelId}"),
        Enrolments = data.Enrolments.Select(e => $"{e.SessionId}|{e.AdvisorId}|{e.Status}"),
        Capacities = data.Capacities.Select(c => $"{c.SiteId}|{c.ChannelId}|{c.Days}|{c.Agents}"),
        Absences = data.Absences.Select(a => $"{a.AdvisorId}|{a.FirstDay}|{a.Kind}"),
    });
}
