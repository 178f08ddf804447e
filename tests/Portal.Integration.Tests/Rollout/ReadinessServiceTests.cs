using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Access;
using Portal.Domain.Advisors;
using Portal.Domain.Rollout;
using Portal.Domain.Training;
using Portal.Services.Rollout;

namespace Portal.Integration.Tests.Rollout;

/// <summary>Readiness and outlook of the demo regions, read on the shared demo (nothing is written).</summary>
[Collection(PortalCollection.Name)]
public class ReadinessServiceTests(PortalFixture fixture)
{
    private const int Nc = 1;
    private const int Bpl = 2;
    private static readonly Actor National = new("national@portal.demo", PortalRole.NationalAdmin);
    private static readonly Actor DirectorBpl = new("director.bpl@portal.demo", PortalRole.RegionalDirector, Bpl);
    private static readonly Actor DirectorNc = new("director.nc@portal.demo", PortalRole.RegionalDirector, Nc);

    private ReadinessService Service => fixture.App.Services.CreateScope().ServiceProvider.GetRequiredService<ReadinessService>();

    private async Task<DateOnly> PlannedAsync(string code)
    {
        await using var db = fixture.App.CreateDbContext();
        return await db.Regions.Where(r => r.Code == code).Select(r => r.PlannedSwitchDate).SingleAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Bpl_at_its_planned_date_has_a_failing_and_a_passing_gate()
    {
        var ct = TestContext.Current.CancellationToken;

        var view = await Service.GetAsync(DirectorBpl, "BPL", await PlannedAsync("BPL"), ct);

        Assert.NotNull(view);
        Assert.Equal([GateCode.G1, GateCode.G2, GateCode.G3, GateCode.G4], view.Gates.Select(g => g.Code));
        Assert.Contains(view.Gates, g => g.Passes);
        Assert.Contains(view.Gates, g => !g.Passes);
        Assert.False(view.Ready);
        var sequence = view.Gates[0];
        Assert.True(sequence.Passes);
        Assert.All(view.Gates, g => Assert.False(string.IsNullOrWhiteSpace(g.Text)));
        Assert.All(view.Gates.Where(g => g.Code is GateCode.G3 or GateCode.G4), g => Assert.NotEmpty(g.Channels));
    }

    [Fact]
    public async Task The_training_gate_is_the_share_of_active_in_house_advisors_who_completed_every_required_course_by_the_date()
    {
        var ct = TestContext.Current.CancellationToken;
        var date = await PlannedAsync("BPL");
        await using var db = fixture.App.CreateDbContext();
        var required = await db.Courses.Where(c => c.RequiredForRegionalisation).Select(c => c.Id).ToListAsync(ct);
        var advisors = db.Advisors.Where(Advisor.ActiveInHouse).Where(a => a.Site!.RegionId == Bpl);
        var ids = await advisors.Select(a => a.Id).ToListAsync(ct);
        var done = (await db.Enrolments.Where(e => e.Status == EnrolmentStatus.Completed && e.CompletedOn <= date && ids.Contains(e.AdvisorId))
            .Select(e => new { e.AdvisorId, e.Session!.CourseId }).ToListAsync(ct)).ToLookup(e => e.AdvisorId, e => e.CourseId);
        var total = ids.Count;
        var completed = ids.Count(id => required.All(c => done[id].Contains(c)));

        var gate = (await Service.GetAsync(National, "BPL", date, ct))!.Gates.Single(g => g.Code == GateCode.G2);

        Assert.Equal(completed / (double)total, gate.Value, 9);
        Assert.Equal(0.8, gate.Threshold);
        Assert.False(gate.Passes);
        Assert.Contains("%", gate.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_outlook_skills_gate_counts_the_advisors_planned_sessions_certify_by_each_week()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = fixture.App.CreateDbContext();
        var ids = await db.Advisors.Where(Advisor.ActiveInHouse).Where(a => a.Site!.RegionId == Bpl).Select(a => a.Id).ToListAsync(ct);
        var held = (await db.AdvisorSkills.Where(s => ids.Contains(s.AdvisorId) && s.Level >= Domain.Skills.ProficiencyLevel.Certified)
            .Select(s => new { s.AdvisorId, s.SkillId }).ToListAsync(ct)).ToLookup(s => s.AdvisorId, s => s.SkillId);
        var planned = (await db.Enrolments.Where(e => e.Status == EnrolmentStatus.Planned && ids.Contains(e.AdvisorId))
                .Select(e => new { e.AdvisorId, Days = e.Session!.Days.Select(d => d.Date).ToList(), Skills = e.Session.Course!.GrantedSkills
                    .Where(g => g.Level >= Domain.Skills.ProficiencyLevel.Certified).Select(g => g.SkillId).ToList() })
                .ToListAsync(ct))
            .Where(e => e.Days.Any(d => d >= fixture.Today))
            .ToList();
        var channels = await db.Channels.Select(c => new { c.Code, Skills = c.RequiredSkills.Select(s => s.SkillId).ToList() }).ToListAsync(ct);
        int CertifiedBy(DateOnly date, List<int> skills) => ids.Count(id => skills.All(skill => held[id].Contains(skill)
            || planned.Any(e => e.AdvisorId == id && e.Skills.Contains(skill) && e.Days.Max() <= date)));

        var outlook = await Service.OutlookAsync(DirectorBpl, "BPL", ct);
        var last = outlook!.Weeks[^1];
        var plain = await Service.GetAsync(DirectorBpl, "BPL", last.Date, ct);

        var gained = 0;
        foreach (var gate in last.Gates.Single(g => g.Code == GateCode.G3).Channels)
        {
            var skills = channels.Single(c => c.Code == gate.Channel).Skills;
            Assert.Equal(CertifiedBy(last.Date, skills), gate.Value);
            var without = plain!.Gates.Single(g => g.Code == GateCode.G3).Channels.Single(c => c.Channel == gate.Channel).Value;
            Assert.True(gate.Value >= without);
            gained += (int)(gate.Value - without);
        }
        // The demo plans sessions of the required courses, which grant channel skills: the outlook must see them.
        Assert.True(gained > 0);
    }

    [Fact]
    public async Task The_outlook_with_unsaved_sessions_counts_their_skills_from_their_last_day_loses_their_training_days_and_writes_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = fixture.App.CreateDbContext();
        var plain = await Service.OutlookAsync(DirectorBpl, "BPL", ct);
        var ids = await db.Advisors.Where(Advisor.ActiveInHouse).Where(a => a.Site!.RegionId == Bpl).Select(a => a.Id).ToListAsync(ct);
        var held = (await db.AdvisorSkills.Where(s => ids.Contains(s.AdvisorId) && s.Level >= Domain.Skills.ProficiencyLevel.Certified)
            .Select(s => new { s.AdvisorId, s.SkillId }).ToListAsync(ct)).ToLookup(s => s.AdvisorId, s => s.SkillId);
        var channels = await db.Channels.Select(c => c.RequiredSkills.Select(s => s.SkillId).ToList()).ToListAsync(ct);
        var courses = await db.Courses.Select(c => new { c.Id, Skills = c.GrantedSkills.Where(g => g.Level >= Domain.Skills.ProficiencyLevel.Certified)
            .Select(g => g.SkillId).ToList() }).ToListAsync(ct);
        // Advisors whom one course would certify on a channel: they hold every other skill it needs.
        var (course, trainees) = courses.Select(c => (c.Id, Advisors: ids.Where(id => channels.Any(required =>
                required.Any(skill => !held[id].Contains(skill)) && required.All(skill => held[id].Contains(skill) || c.Skills.Contains(skill)))).Take(30).ToList()))
            .First(c => c.Advisors.Count > 0);
        var lastWeek = plain!.Weeks[^1].Date;
        var skillsDays = new[] { lastWeek.AddDays(-6), lastWeek.AddDays(-5) };
        // Everyone on shift the Tuesday after the coming Monday, sent to training that day.
        var tuesday = plain.Weeks[1].Date.AddDays(1);
        var working = await db.Shifts.Where(s => s.Date == tuesday && ids.Contains(s.AdvisorId)).Select(s => s.AdvisorId).Distinct().ToListAsync(ct);
        var enrolments = await db.Enrolments.CountAsync(ct);

        var with = await Service.OutlookWithAsync(DirectorBpl, "BPL", [new HypotheticalSession(course, skillsDays, trainees)], ct);
        var off = await Service.OutlookWithAsync(DirectorBpl, "BPL", [new HypotheticalSession(course, [tuesday], working)], ct);

        Assert.NotNull(with);
        Assert.NotNull(off);
        Assert.NotEmpty(working);
        double Sum(ReadinessView week, GateCode code) => week.Gates.Single(g => g.Code == code).Channels.Sum(c => c.Value);
        Assert.True(Sum(off.Weeks[1], GateCode.G4) < Sum(plain.Weeks[1], GateCode.G4), "the coverage of the week with the training day");
        Assert.Equal(Sum(plain.Weeks[2], GateCode.G4), Sum(off.Weeks[2], GateCode.G4));
        Assert.Equal(Sum(plain.Weeks[^2], GateCode.G3), Sum(with.Weeks[^2], GateCode.G3));
        Assert.True(Sum(with.Weeks[^1], GateCode.G3) > Sum(plain.Weeks[^1], GateCode.G3), "the skills from the session's last day");
        Assert.All(plain.Weeks.Zip(with.Weeks), p => Assert.True(
            p.Second.Gates.Single(g => g.Code == GateCode.G2).Value + 1e-9 >= p.First.Gates.Single(g => g.Code == GateCode.G2).Value));
        Assert.Equal(enrolments, await db.Enrolments.CountAsync(ct));
    }

    [Fact]
    public async Task A_region_switched_before_has_every_earlier_wave_switched_and_its_directors_neighbour_reads_nothing()
    {
        var ct = TestContext.Current.CancellationToken;

        var nc = await Service.GetAsync(DirectorNc, "NC", fixture.Today, ct);
        var other = await Service.GetAsync(DirectorNc, "BPL", fixture.Today, ct);
        var hr = await Service.GetAsync(new Actor("hr@portal.demo", PortalRole.HR), "BPL", fixture.Today, ct);

        Assert.True(nc!.Gates[0].Passes);
        Assert.Null(other);
        Assert.Null(hr);
    }

    [Fact]
    public async Task A_later_wave_fails_the_sequence_gate_while_bpl_has_not_switched()
    {
        var view = await Service.GetAsync(National, "IDF", await PlannedAsync("IDF"), TestContext.Current.CancellationToken);

        var sequence = view!.Gates[0];
        Assert.False(sequence.Passes);
        Assert.Contains("BPL", sequence.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_outlook_evaluates_the_planned_date_and_sixteen_mondays_and_counts_planned_sessions()
    {
        var ct = TestContext.Current.CancellationToken;

        var outlook = await Service.OutlookAsync(DirectorBpl, "BPL", ct);

        Assert.NotNull(outlook);
        Assert.Equal(17, outlook.Weeks.Count);
        Assert.Equal(outlook.PlannedSwitchDate, outlook.Weeks[0].Date);
        Assert.All(outlook.Weeks.Skip(1), w => Assert.Equal(DayOfWeek.Monday, w.Date.DayOfWeek));
        var training = outlook.Weeks.Skip(1).Select(w => w.Gates.Single(g => g.Code == GateCode.G2).Value).ToList();
        // The demo's planned sessions lift the training gate as their last days pass.
        Assert.True(training[^1] > training[0], $"training {training[0]} then {training[^1]}");
        var today = await Service.GetAsync(DirectorBpl, "BPL", outlook.Weeks[1].Date, ct);
        Assert.True(training[0] >= today!.Gates.Single(g => g.Code == GateCode.G2).Value);
        Assert.False(string.IsNullOrWhiteSpace(outlook.Sentence));
        Assert.Equal(outlook.EarliestReady is null, outlook.Blocking is not null);
    }
}
