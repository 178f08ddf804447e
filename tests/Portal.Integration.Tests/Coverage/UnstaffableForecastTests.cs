using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Time;
using Portal.Services.Demo;
using Portal.Testing;

namespace Portal.Integration.Tests.Coverage;

/// <summary>
/// A stored forecast row no queue can be sized for (10^12 contacts in a half hour) shows as such: the coverage page and
/// the skills matrix still answer. It runs on a portal of its own, since it spoils the demo's forecast.
/// </summary>
public sealed class UnstaffableForecastTests : IAsyncLifetime
{
    private readonly PortalAppFactory app = new();
    private DateOnly monday;

    public async ValueTask InitializeAsync()
    {
        app.Start();
        var today = LocalCalendar.Paris.Today(TimeProvider.System);
        monday = LocalCalendar.MondayOf(today);
        await using var db = app.CreateDbContext();
        var at = LocalCalendar.Paris.ToUtc(monday.AddDays(1).ToDateTime(new TimeOnly(10, 0)));
        var ct = TestContext.Current.CancellationToken;
        var region = await db.Regions.Where(r => r.Code == "BPL").Select(r => r.Id).SingleAsync(ct);
        var voice = await db.Channels.Where(c => c.Code == "Voice").Select(c => c.Id).SingleAsync(ct);
        var updated = await db.ForecastIntervals
            .Where(f => f.RegionId == region && f.ChannelId == voice && f.StartUtc == at)
            .ExecuteUpdateAsync(f => f.SetProperty(x => x.Contacts, 1e12), ct);
        Assert.Equal(1, updated);
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    private async Task<PortalBrowserClient> DirectorAsync()
    {
        var client = new PortalBrowserClient(app.BaseAddress);
        var login = await client.LoginAsync(DemoAccounts.DirectorBpl, DemoAccounts.Password);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        return client;
    }

    [Fact]
    public async Task The_coverage_page_answers_and_names_the_half_hour_that_cannot_be_staffed_and_the_skills_matrix_answers()
    {
        using var client = await DirectorAsync();

        using var coverage = await client.GetAsync($"/coverage/BPL?week={monday:yyyy-MM-dd}&channel=Voice");
        var html = await coverage.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        using var matrix = await client.GetAsync("/skills/matrix?region=BPL");

        Assert.Equal(HttpStatusCode.OK, coverage.StatusCode);
        Assert.Contains("Non dimensionnable", html, StringComparison.Ordinal);
        Assert.Contains("Demi-heures non dimensionnables : 1", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, matrix.StatusCode);
    }
}
