using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Access;
using Portal.Domain.Training;
using Portal.Services.Advisors;
using Portal.Services.Demo;
using Portal.Testing;

namespace Portal.Integration.Tests.Advisors;

/// <summary>An advisor's coming shifts are assignments: the director and national administrators see them, HR never does.</summary>
[Collection(PortalCollection.Name)]
public class AdvisorShiftsAccessTests(PortalFixture fixture)
{
    private const int Bpl = 2;
    private static readonly Actor DirectorBpl = new(DemoAccounts.DirectorBpl, PortalRole.RegionalDirector, Bpl);
    private static readonly Actor Hr = new(DemoAccounts.Hr, PortalRole.HR);

    private AdvisorProfileService Service => fixture.App.Services.CreateScope().ServiceProvider.GetRequiredService<AdvisorProfileService>();

    /// <summary>A BPL advisor with a shift in the coming days, and that shift as the page prints it.</summary>
    private async Task<(string Number, string Hours)> AdvisorWithAShiftAsync()
    {
        await using var db = fixture.App.CreateDbContext();
        var today = fixture.Today;
        var shift = await db.Shifts.Where(s => s.Advisor!.Site!.RegionId == Bpl && s.Date >= today.AddDays(1) && s.Date <= today.AddDays(7))
            .OrderBy(s => s.AdvisorId).Select(s => new { s.Advisor!.EmployeeNumber, s.Start, s.End }).FirstAsync(TestContext.Current.CancellationToken);
        var french = CultureInfo.GetCultureInfo("fr-FR");
        return (shift.EmployeeNumber, $"{shift.Start.ToString("t", french)} – {shift.End.ToString("t", french)}");
    }

    [Fact]
    public async Task HR_gets_an_advisor_without_any_shift_and_the_director_with_them()
    {
        var (number, _) = await AdvisorWithAShiftAsync();

        var byHr = await Service.GetAsync(Hr, number, TestContext.Current.CancellationToken);
        var byDirector = await Service.GetAsync(DirectorBpl, number, TestContext.Current.CancellationToken);

        Assert.Empty(byHr!.ComingShifts);
        Assert.False(byHr.SeesShifts);
        Assert.NotEmpty(byDirector!.ComingShifts);
        Assert.True(byDirector.SeesShifts);
        Assert.Equal(byDirector.Trainings, byHr.Trainings);
    }

    [Fact]
    public async Task A_training_day_replaces_the_shift_on_the_advisor_page()
    {
        await using var db = fixture.App.CreateDbContext();
        var today = fixture.Today;
        var horizon = today.AddDays(14);
        var overlap = await db.Enrolments.Where(Enrolment.InTraining)
            .Where(e => e.Session!.RegionId == Bpl)
            .SelectMany(e => e.Session!.Days.Where(d => d.Date >= today && d.Date <= horizon), (e, d) => new { e.AdvisorId, d.Date })
            .Where(t => db.Shifts.Any(s => s.AdvisorId == t.AdvisorId && s.Date == t.Date))
            .Select(t => new { t.Date, db.Advisors.Single(a => a.Id == t.AdvisorId).EmployeeNumber })
            .FirstAsync(TestContext.Current.CancellationToken);

        var profile = await Service.GetAsync(DirectorBpl, overlap.EmployeeNumber, TestContext.Current.CancellationToken);

        Assert.DoesNotContain(profile!.ComingShifts, s => s.Date == overlap.Date);
    }

    [Fact]
    public async Task HR_advisor_page_shows_no_shift_time_while_the_director_page_does()
    {
        var (number, hours) = await AdvisorWithAShiftAsync();

        var director = await PageAsync(DemoAccounts.DirectorBpl, number);
        var hr = await PageAsync(DemoAccounts.Hr, number);

        Assert.Contains(hours, director, StringComparison.Ordinal);
        Assert.Contains("Prochaines vacations", director, StringComparison.Ordinal);
        Assert.DoesNotContain(hours, hr, StringComparison.Ordinal);
        Assert.DoesNotContain("Prochaines vacations", hr, StringComparison.Ordinal);
        Assert.Contains(number, hr, StringComparison.Ordinal);
    }

    private async Task<string> PageAsync(string user, string number)
    {
        using var client = new PortalBrowserClient(fixture.App.BaseAddress);
        Assert.Equal(HttpStatusCode.Redirect, (await client.LoginAsync(user, DemoAccounts.Password)).StatusCode);
        using var response = await client.GetAsync($"/advisors/{number}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
