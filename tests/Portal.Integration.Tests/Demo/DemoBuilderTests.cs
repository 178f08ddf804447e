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

    [Theory]
    [InlineData("2026-11-23")] // a Monday
    [InlineData("2026-11-29")] // a Sunday
    [InlineData("2027-03-28")] // a clock-change day
    public void Dates_are_placed_around_any_today(string today)
    {
        var day = DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture);
        var data = new DemoBuilder(day, LocalCalendar.Paris).Build();

        Assert.Equal(day.AddDays(-56), data.Regions[0].ActualSwitchDate);
        Assert.Equal(LocalCalendar.MondayOf(day).AddDays(21), data.Regions[1].PlannedSwitchDate);
        Assert.Equal(LocalCalendar.MondayOf(day).AddDays(-7), data.Shifts.Min(s => s.Date));
        Assert.Equal(data.Forecast.Count, data.Forecast.Select(f => (f.RegionId, f.ChannelId, f.StartUtc)).Distinct().Count());
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
