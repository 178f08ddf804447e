using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Access;
using Portal.Domain.Regions;
using Portal.Domain.Sites;
using Portal.Domain.Subcontracting;
using Portal.Domain.Time;
using Portal.Services;
using Portal.Services.Audit;
using Portal.Services.Coverage;
using Portal.Services.Rollout;
using Portal.Testing;

namespace Portal.Integration.Tests.Rollout;

/// <summary>A portal of its own: these tests switch BPL, roll it back and edit the plan, which the shared demo must never see.</summary>
public sealed class RolloutPortalFixture : IAsyncLifetime
{
    public PortalAppFactory App { get; } = new();

    public ValueTask InitializeAsync()
    {
        App.Start();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}

/// <summary>The switch, the override and the rollback, on BPL of a portal of their own; each test leaves BPL preparing.</summary>
public sealed class SwitchServiceTests(RolloutPortalFixture fixture) : IClassFixture<RolloutPortalFixture>
{
    private const int Bpl = 2;
    private const string Justification = "Board decision of 1 December: training completes in January";
    private static readonly Actor National = new("national@portal.demo", PortalRole.NationalAdmin);
    private static readonly Actor DirectorBpl = new("director.bpl@portal.demo", PortalRole.RegionalDirector, Bpl);

    private T Service<T>() where T : notnull => fixture.App.Services.CreateScope().ServiceProvider.GetRequiredService<T>();

    private static DateOnly Today => LocalCalendar.Paris.Today(TimeProvider.System);

    private async Task<Region> BplAsync()
    {
        await using var db = fixture.App.CreateDbContext();
        return await db.Regions.AsNoTracking().SingleAsync(r => r.Code == "BPL", TestContext.Current.CancellationToken);
    }

    private async Task RollBackAsync()
    {
        var bpl = await BplAsync();
        if (bpl.Status == RegionStatus.Switched)
        {
            Assert.Equal(SaveOutcome.Saved, (await Service<SwitchService>().RollBackAsync(National, "BPL", Justification, bpl.Version, TestContext.Current.CancellationToken)).Outcome);
        }
    }

    [Fact]
    public async Task Switch_is_refused_to_the_director_while_a_gate_fails()
    {
        var bpl = await BplAsync();

        var result = await Service<SwitchService>().SwitchAsync(DirectorBpl, "BPL", bpl.PlannedSwitchDate, Justification, bpl.Version, TestContext.Current.CancellationToken);

        Assert.Equal(SaveOutcome.Invalid, result.Outcome);
        Assert.Equal("Rollout_GatesFail", result.Errors[SwitchService.GatesField]);
        Assert.Equal(RegionStatus.Preparing, (await BplAsync()).Status);
    }

    [Fact]
    public async Task A_national_administrator_switches_despite_failing_gates_with_a_justification_and_the_audit_keeps_the_gate_values()
    {
        var ct = TestContext.Current.CancellationToken;
        var bpl = await BplAsync();
        try
        {
            var tooShort = await Service<SwitchService>().SwitchAsync(National, "BPL", bpl.PlannedSwitchDate, "because we must", bpl.Version, ct);
            var done = await Service<SwitchService>().SwitchAsync(National, "BPL", bpl.PlannedSwitchDate, Justification, bpl.Version, ct);

            Assert.Equal("Rollout_JustificationRequired", tooShort.Errors[SwitchService.JustificationField]);
            Assert.Equal(SaveOutcome.Saved, done.Outcome);
            var switched = await BplAsync();
            Assert.Equal((RegionStatus.Switched, bpl.PlannedSwitchDate), (switched.Status, switched.ActualSwitchDate!.Value));
            await using var db = fixture.App.CreateDbContext();
            var entry = await db.AuditEntries.Where(a => a.Entity == AuditEntities.Region && a.EntityKey == "BPL").OrderByDescending(a => a.Id).FirstAsync(ct);
            Assert.Equal(RolloutActions.SwitchOverride, entry.Action);
            Assert.Equal(Justification, entry.Justification);
            Assert.Contains("\"Code\":\"G2\",\"Passes\":false", entry.After, StringComparison.Ordinal);
            Assert.Contains("\"Status\":\"Preparing\"", entry.Before, StringComparison.Ordinal);
        }
        finally
        {
            await RollBackAsync();
        }
    }

    [Fact]
    public async Task A_rollback_needs_a_national_administrator_and_a_justification_and_is_audited()
    {
        var ct = TestContext.Current.CancellationToken;
        var bpl = await BplAsync();
        Assert.Equal(SaveOutcome.Saved, (await Service<SwitchService>().SwitchAsync(National, "BPL", Today, Justification, bpl.Version, ct)).Outcome);
        var switched = await BplAsync();

        var byDirector = await Service<SwitchService>().RollBackAsync(DirectorBpl, "BPL", Justification, switched.Version, ct);
        var unjustified = await Service<SwitchService>().RollBackAsync(National, "BPL", "   mistake   ", switched.Version, ct);
        var stale = await Service<SwitchService>().RollBackAsync(National, "BPL", Justification, switched.Version - 1, ct);
        var done = await Service<SwitchService>().RollBackAsync(National, "BPL", Justification, switched.Version, ct);

        Assert.Equal(SaveOutcome.NotFound, byDirector.Outcome);
        Assert.Equal("Rollout_JustificationRequired", unjustified.Errors[SwitchService.JustificationField]);
        Assert.Equal(SaveOutcome.Conflict, stale.Outcome);
        Assert.Equal(SaveOutcome.Saved, done.Outcome);
        var back = await BplAsync();
        Assert.Equal((RegionStatus.Preparing, (DateOnly?)null), (back.Status, back.ActualSwitchDate));
        await using var db = fixture.App.CreateDbContext();
        var entry = await db.AuditEntries.Where(a => a.Entity == AuditEntities.Region && a.EntityKey == "BPL").OrderByDescending(a => a.Id).FirstAsync(ct);
        Assert.Equal((RolloutActions.Rollback, Justification), (entry.Action, entry.Justification));
    }

    [Fact]
    public async Task A_switch_date_in_the_past_is_refused()
    {
        var bpl = await BplAsync();

        var result = await Service<SwitchService>().SwitchAsync(National, "BPL", Today.AddDays(-1), Justification, bpl.Version, TestContext.Current.CancellationToken);

        Assert.Equal("Rollout_DateInPast", result.Errors[SwitchService.DateField]);
    }

    [Fact]
    public async Task From_the_switch_date_on_subcontracted_capacity_stops_counting_in_core_slots_and_before_it_nothing_changes()
    {
        var ct = TestContext.Current.CancellationToken;
        var bpl = await BplAsync();
        // A Wednesday in the week of the planned switch: Monday and Tuesday stay before it.
        var monday = LocalCalendar.MondayOf(bpl.PlannedSwitchDate);
        var wednesday = monday.AddDays(2);
        int capacityId;
        await using (var db = fixture.App.CreateDbContext())
        {
            var site = await db.Sites.Where(s => s.RegionId == Bpl && s.Kind == SiteKind.Subcontracted).Select(s => s.Id).FirstAsync(ct);
            var voice = await db.Channels.Where(c => c.Code == "Voice").Select(c => c.Id).SingleAsync(ct);
            var capacity = new SubcontractorCapacity
            {
                SiteId = site, RegionId = Bpl, ChannelId = voice, Days = Weekdays.All, From = new TimeOnly(8, 0), To = new TimeOnly(20, 0), Agents = 7,
            };
            db.SubcontractorCapacities.Add(capacity);
            await db.SaveChangesAsync(ct);
            capacityId = capacity.Id;
        }
        var before = await Service<CoverageService>().GetWeekAsync(National, "BPL", monday, "Voice", ct);
        try
        {
            Assert.Equal(SaveOutcome.Saved, (await Service<SwitchService>().SwitchAsync(National, "BPL", wednesday, Justification, bpl.Version, ct)).Outcome);

            var after = await Service<CoverageService>().GetWeekAsync(National, "BPL", monday, "Voice", ct);

            static Domain.Coverage.CoverageCell At(CoverageView view, DateOnly day, int hour) =>
                view.Days.Single(d => d.Date == day).Cells.Single(c => c.Interval.LocalTime == new TimeOnly(hour, 0));
            // Tuesday, before the switch: national pooling, the core capacity counts as before.
            Assert.Equal(At(before!, monday.AddDays(1), 10), At(after!, monday.AddDays(1), 10));
            Assert.True(At(before!, monday.AddDays(1), 10).Subcontracted >= 7);
            // Wednesday, the switch date: core slots count no subcontracted capacity, and say why.
            Assert.True(At(before!, wednesday, 10).Subcontracted >= 7);
            Assert.Equal(0, At(after!, wednesday, 10).Subcontracted);
            Assert.Equal(At(before!, wednesday, 10).Subcontracted, At(after!, wednesday, 10).Losses.SubcontractorsAfterSwitch);
            // Evening slots keep their subcontractors after the switch.
            Assert.Equal(At(before!, wednesday, 21).Subcontracted, At(after!, wednesday, 21).Subcontracted);
        }
        finally
        {
            await RollBackAsync();
            await using var db = fixture.App.CreateDbContext();
            await db.SubcontractorCapacities.Where(c => c.Id == capacityId).ExecuteDeleteAsync(ct);
        }
    }
}
