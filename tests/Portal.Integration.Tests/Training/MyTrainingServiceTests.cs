using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Access;
using Portal.Services.Demo;
using Portal.Services.Training;

namespace Portal.Integration.Tests.Training;

[Collection(PortalCollection.Name)]
public class MyTrainingServiceTests(PortalFixture fixture)
{
    private async Task<IReadOnlyList<TrainingDay>> DaysAsync(Actor actor, DateOnly from, DateOnly to)
    {
        using var scope = fixture.App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<MyTrainingService>().TrainingDaysAsync(actor, from, to, TestContext.Current.CancellationToken);
    }

    private async Task<int> DemoAdvisorIdAsync()
    {
        await using var db = fixture.App.CreateDbContext();
        return await db.Users.Where(u => u.Email == DemoAccounts.AdvisorBpl).Select(u => u.AdvisorId!.Value).SingleAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task An_advisor_reads_the_own_session_days_with_course_site_and_status()
    {
        var ct = TestContext.Current.CancellationToken;
        var advisorId = await DemoAdvisorIdAsync();
        var (from, to) = (fixture.Today.AddDays(-200), fixture.Today.AddDays(60));
        await using var db = fixture.App.CreateDbContext();
        var expected = await db.Enrolments.Where(e => e.AdvisorId == advisorId)
            .SelectMany(e => e.Session!.Days.Where(d => d.Date >= from && d.Date <= to), (e, d) => new { d.Date, e.Session!.Course!.Code, Site = e.Session.Site!.Name, e.Status })
            .ToListAsync(ct);

        var days = await DaysAsync(new Actor(DemoAccounts.AdvisorBpl, PortalRole.Advisor, AdvisorId: advisorId), from, to);

        Assert.NotEmpty(days);
        Assert.Equal(expected.Select(e => (e.Date, e.Code, e.Site, e.Status)).Order(), days.Select(d => (d.Date, d.CourseCode, d.Site, d.Status)).Order());
        Assert.Equal(days.Select(d => d.Date).Order(), days.Select(d => d.Date));
        Assert.Contains(days, d => d.Date >= fixture.Today && d.Status == Domain.Training.EnrolmentStatus.Planned);
    }

    [Fact]
    public async Task The_days_stay_within_the_range_asked_for()
    {
        var advisorId = await DemoAdvisorIdAsync();
        var actor = new Actor(DemoAccounts.AdvisorBpl, PortalRole.Advisor, AdvisorId: advisorId);
        var all = await DaysAsync(actor, fixture.Today.AddDays(-200), fixture.Today.AddDays(60));
        var first = all[0].Date;

        var one = await DaysAsync(actor, first, first);
        var backwards = await DaysAsync(actor, first, first.AddDays(-1));

        Assert.All(one, d => Assert.Equal(first, d.Date));
        Assert.NotEmpty(one);
        Assert.Empty(backwards);
    }

    [Fact]
    public async Task Other_roles_get_no_training_days_even_for_an_advisor_record()
    {
        var advisorId = await DemoAdvisorIdAsync();
        var (from, to) = (fixture.Today.AddDays(-200), fixture.Today.AddDays(60));

        Assert.Empty(await DaysAsync(new Actor(DemoAccounts.Hr, PortalRole.HR, AdvisorId: advisorId), from, to));
        Assert.Empty(await DaysAsync(new Actor(DemoAccounts.DirectorBpl, PortalRole.RegionalDirector, 2, advisorId), from, to));
        Assert.Empty(await DaysAsync(new Actor(DemoAccounts.National, PortalRole.NationalAdmin, AdvisorId: advisorId), from, to));
        Assert.Empty(await DaysAsync(new Actor(DemoAccounts.AdvisorBpl, PortalRole.Advisor), from, to));
    }
}
