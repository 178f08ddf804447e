using System.Net;
using Ical.Net.CalendarComponents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Access;
using Portal.Domain.Time;
using Portal.Services.Assignments;
using Portal.Services.Demo;
using Portal.Testing;

namespace Portal.Integration.Tests.Assignments;

/// <summary>The advisor's calendar file and personal subscription address on the running portal, read back with Ical.Net's parser.</summary>
[Collection(PortalCollection.Name)]
public class CalendarTests(PortalFixture fixture)
{
    private CancellationToken Cancel => TestContext.Current.CancellationToken;

    private MyAssignmentsService Service => fixture.App.Services.CreateScope().ServiceProvider.GetRequiredService<MyAssignmentsService>();

    private async Task<Actor> AdvisorActorAsync()
    {
        await using var db = fixture.App.CreateDbContext();
        var id = await db.Users.Where(u => u.Email == DemoAccounts.AdvisorBpl).Select(u => u.AdvisorId).SingleAsync(Cancel);
        return new Actor(DemoAccounts.AdvisorBpl, PortalRole.Advisor, null, id);
    }

    /// <summary>Another advisor of BPL with shifts in the published weeks, as an actor of their own.</summary>
    private async Task<Actor> OtherAdvisorAsync(int not)
    {
        await using var db = fixture.App.CreateDbContext();
        var monday = LocalCalendar.MondayOf(fixture.Today);
        var id = await db.Shifts.Where(s => s.AdvisorId != not && s.Date >= monday && s.Date <= monday.AddDays(6) && s.Advisor!.Site!.RegionId == 2)
            .Select(s => s.AdvisorId).FirstAsync(Cancel);
        return new Actor("other.advisor@portal.test", PortalRole.Advisor, null, id);
    }

    private static Ical.Net.Calendar Parse(string text) => Ical.Net.Calendar.Load(text) ?? throw new Xunit.Sdk.XunitException("no calendar");

    [Fact]
    public async Task The_advisor_downloads_a_calendar_that_parses_with_the_paris_time_zone_published_shifts_and_a_training_day()
    {
        using var client = new PortalBrowserClient(fixture.App.BaseAddress);
        await client.LoginAsync(DemoAccounts.AdvisorBpl, DemoAccounts.Password);

        using var response = await client.GetAsync("/me/calendar.ics");
        var text = await response.Content.ReadAsStringAsync(Cancel);
        var calendar = Parse(text);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("BEGIN:VTIMEZONE", text, StringComparison.Ordinal);
        Assert.Equal("Europe/Paris", Assert.Single(calendar.TimeZones).TzId);
        var shifts = calendar.Events.Where(e => e.Uid!.StartsWith("shift-", StringComparison.Ordinal)).ToList();
        var training = calendar.Events.Where(e => e.Uid!.StartsWith("training-", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(shifts);
        Assert.All(shifts, e => Assert.Equal("Europe/Paris", e.Start!.TzId));
        Assert.Contains(training, e => e.IsAllDay && DateOnly.FromDateTime(e.Start!.Value) >= fixture.Today && DateOnly.FromDateTime(e.Start.Value) <= fixture.Today.AddDays(14));
        // Only published weeks: the demo publishes up to next week.
        var lastPublished = LocalCalendar.MondayOf(fixture.Today).AddDays(13);
        Assert.All(shifts, e => Assert.True(DateOnly.FromDateTime(e.Start!.Value) <= lastPublished));

        var advisor = await AdvisorActorAsync();
        await using var db = fixture.App.CreateDbContext();
        var trainingDays = training.Select(e => DateOnly.FromDateTime(e.Start!.Value)).ToHashSet();
        var expected = (await db.Shifts.Where(s => s.AdvisorId == advisor.AdvisorId && s.Date >= LocalCalendar.MondayOf(fixture.Today).AddDays(-7) && s.Date <= lastPublished)
            .Select(s => s.Date).ToListAsync(Cancel)).Count(d => !trainingDays.Contains(d));
        Assert.Equal(expected, shifts.Count);
        // A training day replaces that day's shift.
        Assert.DoesNotContain(shifts, e => trainingDays.Contains(DateOnly.FromDateTime(e.Start!.Value)));
    }

    [Fact]
    public async Task Other_roles_get_no_calendar_and_an_anonymous_visitor_is_sent_to_log_in()
    {
        using var director = new PortalBrowserClient(fixture.App.BaseAddress);
        await director.LoginAsync(DemoAccounts.DirectorBpl, DemoAccounts.Password);
        using var anonymous = new PortalBrowserClient(fixture.App.BaseAddress);

        using var refused = await director.GetAsync("/me/calendar.ics");
        using var redirected = await anonymous.GetAsync("/me/calendar.ics");

        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, redirected.StatusCode);
        Assert.Null(await Service.CalendarAsync(new Actor("hr", PortalRole.HR), Cancel));
    }

    [Fact]
    public async Task The_subscription_address_shows_only_its_advisors_calendar_and_after_a_renewal_the_old_one_answers_404()
    {
        var advisor = await AdvisorActorAsync();
        var other = await OtherAdvisorAsync(advisor.AdvisorId!.Value);
        using var anonymous = new PortalBrowserClient(fixture.App.BaseAddress);

        var first = await Service.RenewSubscriptionAsync(advisor, Cancel);
        var others = await Service.RenewSubscriptionAsync(other, Cancel);
        using var mine = await anonymous.GetAsync($"/calendar/{first}.ics");
        var second = await Service.RenewSubscriptionAsync(advisor, Cancel);
        using var old = await anonymous.GetAsync($"/calendar/{first}.ics");
        using var renewed = await anonymous.GetAsync($"/calendar/{second}.ics");
        using var theirs = await anonymous.GetAsync($"/calendar/{others}.ics");
        using var guessed = await anonymous.GetAsync($"/calendar/{new string('A', 43)}.ics");

        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, old.StatusCode);
        Assert.Equal(HttpStatusCode.OK, renewed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, guessed.StatusCode);
        Assert.Contains("no-store", mine.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        var own = Parse(await mine.Content.ReadAsStringAsync(Cancel)).Events.Select(e => e.Uid).ToHashSet();
        var ownAgain = Parse(await renewed.Content.ReadAsStringAsync(Cancel)).Events.Select(e => e.Uid).ToHashSet();
        var their = Parse(await theirs.Content.ReadAsStringAsync(Cancel)).Events.Select(e => e.Uid).ToHashSet();
        Assert.Equal(own, ownAgain);
        Assert.NotEmpty(their);
        Assert.Empty(own.Intersect(their));
        await using var db = fixture.App.CreateDbContext();
        var stored = await db.AdvisorCalendars.SingleAsync(c => c.AdvisorId == advisor.AdvisorId, Cancel);
        Assert.NotEqual(second, stored.TokenHash);
        Assert.DoesNotContain(second!, stored.TokenHash!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_change_to_a_published_shift_is_flagged_until_the_advisor_looks()
    {
        var advisor = await AdvisorActorAsync();
        await Service.MarkSeenAsync(advisor, Cancel);
        await using var db = fixture.App.CreateDbContext();
        var shift = await db.Shifts.Where(s => s.AdvisorId == advisor.AdvisorId && s.Date > fixture.Today && s.Date <= LocalCalendar.MondayOf(fixture.Today).AddDays(13))
            .OrderBy(s => s.Date).FirstAsync(Cancel);
        var before = (await Service.GetAsync(advisor, Cancel))!;
        Assert.DoesNotContain(before.Shifts, s => s.Changed);

        await Task.Delay(20, Cancel);
        shift.ChangedAtUtc = DateTime.UtcNow;
        await db.SaveChangesAsync(Cancel);
        var after = (await Service.GetAsync(advisor, Cancel))!;
        await Service.MarkSeenAsync(advisor, Cancel);
        var seen = (await Service.GetAsync(advisor, Cancel))!;

        Assert.Equal([shift.Id], after.Shifts.Where(s => s.Changed).Select(s => s.Id));
        Assert.Equal(1, after.ChangedShifts);
        Assert.Equal(0, seen.ChangedShifts);
        Assert.NotEmpty(after.Skills);
        Assert.Contains(after.TrainingDays, d => d.Date <= fixture.Today.AddDays(14));
        Assert.Null(await Service.GetAsync(new Actor("d", PortalRole.RegionalDirector, 2), Cancel));
    }
}
