using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Access;
using Portal.Domain.Skills;
using Portal.Domain.Time;
using Portal.Services;
using Portal.Services.Advisors;
using Portal.Services.Subcontracting;

namespace Portal.Integration.Tests.Advisors;

[Collection(PortalCollection.Name)]
public class AdvisorProfileServiceTests(PortalFixture fixture)
{
    private const int Nc = 1;
    private const int Bpl = 2;
    private static readonly Actor DirectorBpl = new("director.bpl@portal.demo", PortalRole.RegionalDirector, Bpl);
    private static readonly Actor National = new("national@portal.demo", PortalRole.NationalAdmin);

    private AdvisorProfileService Service => fixture.App.Services.CreateScope().ServiceProvider.GetRequiredService<AdvisorProfileService>();

    private DateOnly Today => LocalCalendar.Paris.Today(TimeProvider.System);

    /// <summary>A BPL advisor no other test changes: one per test, by position.</summary>
    private async Task<string> BplAdvisorAsync(int position)
    {
        await using var db = fixture.App.CreateDbContext();
        return await db.Advisors.Where(a => a.Site!.RegionId == Bpl && a.Active).OrderByDescending(a => a.Id)
            .Skip(position).Select(a => a.EmployeeNumber).FirstAsync(TestContext.Current.CancellationToken);
    }

    private async Task<int> SkillIdAsync(string code)
    {
        await using var db = fixture.App.CreateDbContext();
        return await db.Skills.Where(s => s.Code == code).Select(s => s.Id).SingleAsync(TestContext.Current.CancellationToken);
    }

    public static TheoryData<PortalRole, int?, bool, bool> Readers => new()
    {
        { PortalRole.NationalAdmin, null, true, true },
        { PortalRole.HR, null, true, false },
        { PortalRole.RegionalDirector, Bpl, true, true },
        { PortalRole.RegionalDirector, Nc, false, false },
        { PortalRole.Advisor, null, false, false },
    };

    [Theory]
    [MemberData(nameof(Readers))]
    public async Task An_advisor_is_read_by_who_may_read_the_region_and_edited_by_who_may_change_it(PortalRole role, int? region, bool reads, bool edits)
    {
        var number = await BplAdvisorAsync(0);

        var profile = await Service.GetAsync(new Actor("x", role, region, role == PortalRole.Advisor ? 1 : null), number, TestContext.Current.CancellationToken);

        Assert.Equal(reads, profile is not null);
        Assert.Equal(edits, profile?.CanEdit ?? false);
    }

    [Fact]
    public async Task An_unknown_employee_number_is_not_found()
    {
        Assert.Null(await Service.GetAsync(National, "E999999", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task The_profile_names_the_course_that_granted_a_skill_and_lists_trainings_and_coming_shifts()
    {
        await using var db = fixture.App.CreateDbContext();
        var today = Today;
        var number = await db.Advisors.Where(a => a.Site!.RegionId == Bpl && a.Skills.Any(s => s.Source == CertificationSource.Course)
                                                  && db.Shifts.Any(x => x.AdvisorId == a.Id && x.Date >= today))
            .OrderBy(a => a.Id).Select(a => a.EmployeeNumber).FirstAsync(TestContext.Current.CancellationToken);

        var profile = await Service.GetAsync(DirectorBpl, number, TestContext.Current.CancellationToken);

        Assert.Contains(profile!.Skills, s => s.Source == CertificationSource.Course && s.Course!.StartsWith("Transversalité", StringComparison.Ordinal));
        Assert.NotEmpty(profile.Trainings);
        Assert.NotEmpty(profile.ComingShifts);
        Assert.All(profile.ComingShifts, s => Assert.InRange(s.Date.DayNumber, Today.DayNumber, Today.AddDays(14).DayNumber));
    }

    [Fact]
    public async Task A_director_raises_a_skill_and_the_change_is_audited_before_and_after()
    {
        var number = await BplAdvisorAsync(1);
        var skill = await SkillIdAsync("FIDEL");
        var profile = await Service.GetAsync(DirectorBpl, number, TestContext.Current.CancellationToken);
        var before = profile!.Skills.FirstOrDefault(s => s.SkillId == skill)?.Level;

        var result = await Service.SetSkillAsync(DirectorBpl, new SkillChange(number, profile.Version, skill, ProficiencyLevel.Expert, Today, null), TestContext.Current.CancellationToken);

        Assert.Equal(SaveOutcome.Saved, result.Outcome);
        var after = await Service.GetAsync(DirectorBpl, number, TestContext.Current.CancellationToken);
        var held = after!.Skills.Single(s => s.SkillId == skill);
        Assert.Equal(ProficiencyLevel.Expert, held.Level);
        Assert.Equal(CertificationSource.Manual, held.Source);
        Assert.Equal(DirectorBpl.UserName, held.SetBy);
        Assert.Equal(profile.Version + 1, after.Version);
        await using var db = fixture.App.CreateDbContext();
        var audit = await db.AuditEntries.Where(a => a.EntityKey == $"{number}/FIDEL").OrderByDescending(a => a.Id).FirstAsync(TestContext.Current.CancellationToken);
        Assert.Equal("SetLevel", audit.Action);
        Assert.Equal(Bpl, audit.RegionId);
        Assert.Equal(DirectorBpl.UserName, audit.UserName);
        Assert.Contains("\"Level\":4", audit.After, StringComparison.Ordinal);
        Assert.Equal(before is null, audit.Before is null);
    }

    [Fact]
    public async Task Lowering_a_level_needs_a_reason_which_the_audit_keeps()
    {
        var number = await BplAdvisorAsync(2);
        var skill = await SkillIdAsync("ECRIT");
        var profile = await Service.GetAsync(DirectorBpl, number, TestContext.Current.CancellationToken);
        await Service.SetSkillAsync(DirectorBpl, new SkillChange(number, profile!.Version, skill, ProficiencyLevel.Confirmed, Today, null), TestContext.Current.CancellationToken);
        var raised = await Service.GetAsync(DirectorBpl, number, TestContext.Current.CancellationToken);

        var refused = await Service.SetSkillAsync(DirectorBpl, new SkillChange(number, raised!.Version, skill, ProficiencyLevel.Trainee, Today, "trop court"[..5]), TestContext.Current.CancellationToken);
        var lowered = await Service.SetSkillAsync(DirectorBpl, new SkillChange(number, raised.Version, skill, ProficiencyLevel.Trainee, Today, "Évaluation qualité insuffisante"), TestContext.Current.CancellationToken);

        Assert.Equal(SaveOutcome.Invalid, refused.Outcome);
        Assert.Equal("Skill_ReasonRequired", refused.Errors["Reason"]);
        Assert.Equal(SaveOutcome.Saved, lowered.Outcome);
        await using var db = fixture.App.CreateDbContext();
        var audit = await db.AuditEntries.Where(a => a.EntityKey == $"{number}/ECRIT").OrderByDescending(a => a.Id).FirstAsync(TestContext.Current.CancellationToken);
        Assert.Equal("Évaluation qualité insuffisante", audit.Justification);
    }

    [Fact]
    public async Task Bad_input_is_refused_with_its_message_and_nothing_changes()
    {
        var number = await BplAdvisorAsync(3);
        var skill = await SkillIdAsync("FACT");
        var profile = await Service.GetAsync(DirectorBpl, number, TestContext.Current.CancellationToken);

        var future = await Service.SetSkillAsync(DirectorBpl, new SkillChange(number, profile!.Version, skill, ProficiencyLevel.Certified, Today.AddDays(1), null), TestContext.Current.CancellationToken);
        var outOfRange = await Service.SetSkillAsync(DirectorBpl, new SkillChange(number, profile.Version, skill, (ProficiencyLevel)5, Today, null), TestContext.Current.CancellationToken);
        var unknown = await Service.SetSkillAsync(DirectorBpl, new SkillChange(number, profile.Version, 999, ProficiencyLevel.Certified, Today, null), TestContext.Current.CancellationToken);

        Assert.Equal("Skill_DateInFuture", future.Errors["CertifiedOn"]);
        Assert.Equal("Skill_LevelRange", outOfRange.Errors["Level"]);
        Assert.Equal("Skill_Unknown", unknown.Errors["SkillId"]);
        var unchanged = await Service.GetAsync(DirectorBpl, number, TestContext.Current.CancellationToken);
        Assert.Equal(profile.Version, unchanged!.Version);
        Assert.Equal(profile.Skills, unchanged.Skills);
    }

    [Theory]
    [InlineData(PortalRole.HR, null)]
    [InlineData(PortalRole.RegionalDirector, Nc)]
    public async Task Who_may_not_change_the_region_cannot_change_a_skill(PortalRole role, int? region)
    {
        var number = await BplAdvisorAsync(4);
        var profile = await Service.GetAsync(National, number, TestContext.Current.CancellationToken);

        var result = await Service.SetSkillAsync(new Actor("x", role, region), new SkillChange(number, profile!.Version, await SkillIdAsync("FIDEL"), ProficiencyLevel.Expert, Today, null), TestContext.Current.CancellationToken);

        Assert.Equal(SaveOutcome.NotFound, result.Outcome);
        Assert.Equal(profile.Version, (await Service.GetAsync(National, number, TestContext.Current.CancellationToken))!.Version);
    }

    [Fact]
    public async Task The_second_of_two_concurrent_edits_gets_a_conflict_naming_the_first_change()
    {
        var number = await BplAdvisorAsync(5);
        var skill = await SkillIdAsync("MOB-TECH");
        var seenByBoth = await Service.GetAsync(DirectorBpl, number, TestContext.Current.CancellationToken);

        var first = await Service.SetSkillAsync(National, new SkillChange(number, seenByBoth!.Version, skill, ProficiencyLevel.Confirmed, Today, null), TestContext.Current.CancellationToken);
        var second = await Service.SetSkillAsync(DirectorBpl, new SkillChange(number, seenByBoth.Version, skill, ProficiencyLevel.Expert, Today, null), TestContext.Current.CancellationToken);

        Assert.Equal(SaveOutcome.Saved, first.Outcome);
        Assert.Equal(SaveOutcome.Conflict, second.Outcome);
        Assert.Equal(National.UserName, second.Conflict!.UserName);
        Assert.Contains($"{number}/MOB-TECH", second.Conflict.What, StringComparison.Ordinal);
        Assert.Contains("\"Level\":3", second.Conflict.What, StringComparison.Ordinal);
        var stored = await Service.GetAsync(DirectorBpl, number, TestContext.Current.CancellationToken);
        Assert.Equal(ProficiencyLevel.Confirmed, stored!.Skills.Single(s => s.SkillId == skill).Level);
    }
}
