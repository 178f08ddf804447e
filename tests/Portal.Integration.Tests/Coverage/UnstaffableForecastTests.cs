using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Access;
using Portal.Services.Coverage;
using Portal.Domain.Time;
using Portal.Services.Demo;
using Portal.Testing;

namespace Portal.Integration.Tests.Coverage;

/// <summary>
/// A stored forecast row no queue can be sized for (10^12 contacts in a half hour) shows as such: the coverage page and
/// the skills matrix still answer. It runs on a portal of its own, since it spoils the demo's forecast.
/// </summary>
public sealed class UnstaffableForecastTests(UnstaffableForecastTests.SpoiltForecast spoilt) : IClassFixture<UnstaffableForecastTests.SpoiltForecast>
{
    /// <summary>A portal of its own whose BPL voice forecast holds 10^12 contacts on this week's Tuesday at 10:00.</summary>
    public sealed class SpoiltForecast : IAsyncLifetime
    {
        public PortalAppFactory App { get; } = new();

        public DateOnly Monday { get; private set; }

        public async ValueTask InitializeAsync()
        {
            App.Start();
            Monday = LocalCalendar.MondayOf(LocalCalendar.Paris.Today(TimeProvider.System));
            await using var db = App.CreateDbContext();
            var at = LocalCalendar.Paris.ToUtc(Monday.AddDays(1).ToDateTime(new TimeOnly(10, 0)));
            var ct = TestContext.Current.CancellationToken;
            var region = await db.Regions.Where(r => r.Code == "BPL").Select(r => r.Id).SingleAsync(ct);
            var voice = await db.Channels.Where(c => c.Code == "Voice").Select(c => c.Id).SingleAsync(ct);
            var updated = await db.ForecastIntervals
                .Where(f => f.RegionId == region && f.ChannelId == voice && f.StartUtc == at)
                .ExecuteUpdateAsync(f => f.SetProperty(x => x.Contacts, 1e12), ct);
            Assert.Equal(1, updated);
        }

        public async ValueTask DisposeAsync() => await App.DisposeAsync();
    }

    private PortalAppFactory App => spoilt.App;

    private DateOnly Monday => spoilt.Monday;

    private async Task<PortalBrowserClient> DirectorAsync()
    {
        var client = new PortalBrowserClient(App.BaseAddress);
        var login = await client.LoginAsync(DemoAccounts.DirectorBpl, DemoAccounts.Password);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        return client;
    }

    [Fact]
    public async Task The_coverage_page_answers_and_names_the_half_hour_that_cannot_be_staffed_and_the_skills_matrix_answers()
    {
        using var client = await DirectorAsync();

        using var coverage = await client.GetAsync($"/coverage/BPL?week={Monday:yyyy-MM-dd}&channel=Voice");
        var html = await coverage.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        using var matrix = await client.GetAsync("/skills/matrix?region=BPL");

        Assert.Equal(HttpStatusCode.OK, coverage.StatusCode);
        Assert.Contains("Non dimensionnable", html, StringComparison.Ordinal);
        Assert.Contains("Demi-heures non dimensionnables : 1", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, matrix.StatusCode);
    }

    [Fact]
    public async Task The_week_is_computed_with_one_half_hour_that_cannot_be_staffed_and_its_figures_can_be_written_as_JSON()
    {
        using var scope = App.Services.CreateScope();
        var service = scope.ServiceProvider.GetRequiredService<CoverageService>();

        var view = await service.GetWeekAsync(Actor.System, "BPL", Monday, "Voice", TestContext.Current.CancellationToken);

        var cells = view!.Days.SelectMany(d => d.Cells).ToList();
        var unstaffable = Assert.Single(cells, c => c.Unstaffable);
        Assert.Equal(new TimeOnly(10, 0), unstaffable.Interval.LocalTime);
        Assert.Contains(cells, c => c.Interval.LocalDate == unstaffable.Interval.LocalDate && c.Required > 0);
        // The tool writes these figures as JSON, which has no infinity.
        Assert.Contains("\"Agents\":0", System.Text.Json.JsonSerializer.Serialize(unstaffable.Requirement), StringComparison.Ordinal);
    }
}
