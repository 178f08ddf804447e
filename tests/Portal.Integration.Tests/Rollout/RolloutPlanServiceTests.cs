using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Access;
using Portal.Services;
using Portal.Services.Audit;
using Portal.Services.Rollout;

namespace Portal.Integration.Tests.Rollout;

/// <summary>The rollout plan and its thresholds, edited on a portal of their own.</summary>
public sealed class RolloutPlanServiceTests(RolloutPortalFixture fixture) : IClassFixture<RolloutPortalFixture>
{
    private static readonly Actor National = new("national@portal.demo", PortalRole.NationalAdmin);

    private RolloutPlanService Service => fixture.App.Services.CreateScope().ServiceProvider.GetRequiredService<RolloutPlanService>();

    [Fact]
    public async Task A_national_administrator_moves_the_last_wave_later_and_the_change_is_audited()
    {
        var ct = TestContext.Current.CancellationToken;
        var plan = (await Service.PlanAsync(National, ct))!;
        var last = plan.Regions.OrderBy(r => r.Wave).Last();
        var moved = last.PlannedSwitchDate.AddDays(7);
        last.PlannedSwitchDate = moved;

        var result = await Service.SavePlanAsync(National, plan, ct);

        Assert.Equal(SaveOutcome.Saved, result.Outcome);
        var timeline = await Service.TimelineAsync(National, ct);
        Assert.Equal(moved, timeline.Single(t => t.Region.Code == last.RegionCode).Region.PlannedSwitchDate);
        await using var db = fixture.App.CreateDbContext();
        var entry = await db.AuditEntries.Where(a => a.Entity == AuditEntities.Region && a.Action == RolloutActions.PlanUpdate).OrderByDescending(a => a.Id).FirstAsync(ct);
        Assert.Equal(last.RegionCode, entry.EntityKey);
        Assert.Contains(moved.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), entry.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_region_in_a_wave_is_refused_unless_the_settings_allow_it()
    {
        var ct = TestContext.Current.CancellationToken;
        var plan = (await Service.PlanAsync(National, ct))!;
        var waves = plan.Regions.OrderBy(r => r.Wave).ToList();
        // The last region joins the wave before it, on the same date.
        waves[^1].Wave = waves[^2].Wave;
        waves[^1].PlannedSwitchDate = waves[^2].PlannedSwitchDate;

        var refused = await Service.SavePlanAsync(National, plan, ct);

        Assert.Equal(SaveOutcome.Invalid, refused.Outcome);
        Assert.Equal("RolloutPlan_TooManyRegionsInWave", refused.Errors.Values.Single());
    }

    [Fact]
    public async Task A_stale_plan_is_a_conflict()
    {
        var ct = TestContext.Current.CancellationToken;
        var plan = (await Service.PlanAsync(National, ct))!;
        var first = plan.Regions.OrderBy(r => r.Wave).Last();
        first.Version -= 1;

        Assert.Equal(SaveOutcome.Conflict, (await Service.SavePlanAsync(National, plan, ct)).Outcome);
    }

    [Fact]
    public async Task Thresholds_are_validated_saved_and_audited_and_the_gates_use_them()
    {
        var ct = TestContext.Current.CancellationToken;
        var settings = (await Service.SettingsAsync(National, ct))!;
        var original = settings.TrainingCompletionThreshold;
        settings.CoreIntervalFloor = 1.5;
        var invalid = await Service.SaveSettingsAsync(National, settings, ct);
        settings.CoreIntervalFloor = 0.7;
        settings.TrainingCompletionThreshold = 0.01;

        var saved = await Service.SaveSettingsAsync(National, settings, ct);

        try
        {
            Assert.Equal("RolloutSettings_ShareRange", invalid.Errors[nameof(RolloutSettingsForm.CoreIntervalFloor)]);
            Assert.Equal(SaveOutcome.Saved, saved.Outcome);
            var readiness = fixture.App.Services.CreateScope().ServiceProvider.GetRequiredService<ReadinessService>();
            var bpl = await readiness.GetAsync(National, "BPL", Domain.Time.LocalCalendar.Paris.Today(TimeProvider.System), ct);
            var training = bpl!.Gates.Single(g => g.Code == Domain.Rollout.GateCode.G2);
            Assert.Equal((0.01, true), (training.Threshold, training.Passes));
            Assert.Equal(SaveOutcome.Conflict, (await Service.SaveSettingsAsync(National, settings, ct)).Outcome);
            await using var db = fixture.App.CreateDbContext();
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Entity == AuditEntities.RolloutSettings && a.After!.Contains("0.01"), ct));
        }
        finally
        {
            var current = (await Service.SettingsAsync(National, ct))!;
            current.TrainingCompletionThreshold = original;
            await Service.SaveSettingsAsync(National, current, ct);
        }
    }
}
