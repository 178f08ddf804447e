using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Access;
using Portal.Services;
using Portal.Services.Audit;
using Portal.Services.Channels;
using Portal.Services.Coverage;

namespace Portal.Integration.Tests.Channels;

/// <summary>The channel parameters of the settings page, on the shared demo; a test that saves puts the channel back as it was.</summary>
[Collection(PortalCollection.Name)]
public sealed class ChannelServiceTests(PortalFixture fixture)
{
    private const int Voice = 1;
    private static readonly Actor National = new("national@portal.demo", PortalRole.NationalAdmin);

    private T Service<T>() where T : notnull => fixture.App.Services.CreateScope().ServiceProvider.GetRequiredService<T>();

    private async Task<int> RequiredStaffOfTheWeekAsync(CancellationToken ct)
    {
        var week = (await Service<CoverageService>().GetWeekAsync(National, "BPL", fixture.Today, "Voice", ct))!;
        return week.Days.SelectMany(d => d.Cells).Sum(c => c.Required);
    }

    [Fact]
    public async Task A_longer_handling_time_raises_the_required_staff_of_the_week_and_the_change_is_audited()
    {
        var ct = TestContext.Current.CancellationToken;
        var channels = Service<ChannelService>();
        var form = (await channels.GetAsync(National, Voice, ct))!;
        var original = form.AverageHandlingSeconds;
        var before = await RequiredStaffOfTheWeekAsync(ct);
        form.AverageHandlingSeconds = original * 3 / 2;

        var saved = await channels.SaveAsync(National, form, ct);

        try
        {
            Assert.Equal(SaveOutcome.Saved, saved.Outcome);
            var after = await RequiredStaffOfTheWeekAsync(ct);
            Assert.True(before > 0);
            Assert.True(after > before * 1.2, $"required staff {before} before, {after} after a 50 % longer handling time");
            await using var db = fixture.App.CreateDbContext();
            var entry = await db.AuditEntries.Where(a => a.Entity == AuditEntities.Channel && a.Action == ChannelActions.Update).OrderByDescending(a => a.Id).FirstAsync(ct);
            Assert.Equal(("Voice", National.UserName), (entry.EntityKey, entry.UserName));
            Assert.Contains($"\"AverageHandlingSeconds\":{original}", entry.Before, StringComparison.Ordinal);
            Assert.Contains($"\"AverageHandlingSeconds\":{original * 3 / 2}", entry.After, StringComparison.Ordinal);
        }
        finally
        {
            var current = (await channels.GetAsync(National, Voice, ct))!;
            current.AverageHandlingSeconds = original;
            Assert.Equal(SaveOutcome.Saved, (await channels.SaveAsync(National, current, ct)).Outcome);
        }
        Assert.Equal(before, await RequiredStaffOfTheWeekAsync(ct));
    }

    [Fact]
    public async Task A_stale_edit_is_refused_and_nothing_is_saved()
    {
        var ct = TestContext.Current.CancellationToken;
        var channels = Service<ChannelService>();
        var stale = (await channels.GetAsync(National, Voice, ct))!;
        var stored = stale.ShrinkagePercent;
        stale.Version -= 1;
        stale.ShrinkagePercent = 55;
        stale.OpeningHours.Single(d => d.Day == DayOfWeek.Sunday).Open = false;

        var result = await channels.SaveAsync(National, stale, ct);

        Assert.Equal(SaveOutcome.Conflict, result.Outcome);
        var now = (await channels.GetAsync(National, Voice, ct))!;
        Assert.Equal(stored, now.ShrinkagePercent);
        Assert.True(now.OpeningHours.Single(d => d.Day == DayOfWeek.Sunday).Open);
    }

    [Fact]
    public async Task Values_outside_the_Erlang_ranges_are_refused_field_by_field_and_nothing_is_saved()
    {
        var ct = TestContext.Current.CancellationToken;
        var channels = Service<ChannelService>();
        var form = (await channels.GetAsync(National, Voice, ct))!;
        var version = form.Version;
        form.ServiceLevelTargetPercent = 100;
        form.AverageHandlingSeconds = 0;
        form.Concurrency = 3;
        form.MaxOccupancyPercent = 40;
        form.ShrinkagePercent = 61;
        var monday = form.OpeningHours.Single(d => d.Day == DayOfWeek.Monday);
        (monday.Opens, monday.Closes) = (new TimeOnly(18, 0), new TimeOnly(9, 0));

        var result = await channels.SaveAsync(National, form, ct);

        Assert.Equal(SaveOutcome.Invalid, result.Outcome);
        Assert.Equal(new Dictionary<string, string>
        {
            [nameof(ChannelForm.ServiceLevelTargetPercent)] = "Channels_TargetRange",
            [nameof(ChannelForm.AverageHandlingSeconds)] = "Channels_HandlingSecondsPositive",
            [nameof(ChannelForm.Concurrency)] = "Channels_ConcurrencyOne",
            [nameof(ChannelForm.MaxOccupancyPercent)] = "Channels_OccupancyRange",
            [nameof(ChannelForm.ShrinkagePercent)] = "Channels_ShrinkageRange",
            [nameof(ChannelForm.OpeningHours)] = "Channels_HoursRange",
        }.OrderBy(e => e.Key), result.Errors.OrderBy(e => e.Key));
        Assert.Equal(version, (await channels.GetAsync(National, Voice, ct))!.Version);
    }

    [Fact]
    public async Task Chat_takes_one_to_five_concurrent_sessions()
    {
        var ct = TestContext.Current.CancellationToken;
        var channels = Service<ChannelService>();
        var chat = (await channels.ChannelsAsync(National, ct)).Single(c => c.Name == "Chat");
        var form = (await channels.GetAsync(National, chat.Id, ct))!;
        form.Concurrency = 6;

        var result = await channels.SaveAsync(National, form, ct);

        Assert.Equal("Channels_ChatConcurrencyRange", result.Errors[nameof(ChannelForm.Concurrency)]);
    }

    [Fact]
    public async Task A_director_neither_reads_nor_changes_the_channels()
    {
        var ct = TestContext.Current.CancellationToken;
        var director = new Actor("director.bpl@portal.demo", PortalRole.RegionalDirector, 2);
        var channels = Service<ChannelService>();
        var form = (await channels.GetAsync(National, Voice, ct))!;
        form.ShrinkagePercent = 10;

        Assert.Empty(await channels.ChannelsAsync(director, ct));
        Assert.Null(await channels.GetAsync(director, Voice, ct));
        Assert.Equal(SaveOutcome.NotFound, (await channels.SaveAsync(director, form, ct)).Outcome);
        Assert.NotEqual(10, (await channels.GetAsync(National, Voice, ct))!.ShrinkagePercent);
    }
}
