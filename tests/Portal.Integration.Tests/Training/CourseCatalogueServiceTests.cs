using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Access;
using Portal.Domain.Skills;
using Portal.Services;
using Portal.Services.Audit;
using Portal.Services.Training;
using Portal.Testing;

namespace Portal.Integration.Tests.Training;

/// <summary>A portal of its own: the courses these tests create and change never reach the shared demo's completion figures.</summary>
public sealed class CourseCatalogueDatabase : IAsyncLifetime
{
    public PortalAppFactory App { get; } = new();

    public ValueTask InitializeAsync()
    {
        App.Start();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}

public class CourseCatalogueServiceTests(CourseCatalogueDatabase database) : IClassFixture<CourseCatalogueDatabase>
{
    private static readonly Actor Hr = new("hr@portal.demo", PortalRole.HR);
    private static readonly Actor National = new("national@portal.demo", PortalRole.NationalAdmin);
    private static readonly Actor DirectorBpl = new("director.bpl@portal.demo", PortalRole.RegionalDirector, 2);
    private static readonly Actor Advisor = new("advisor.bpl@portal.demo", PortalRole.Advisor, AdvisorId: 1);

    private async Task<T> WithAsync<T>(Func<CourseCatalogueService, Task<T>> call)
    {
        using var scope = database.App.Services.CreateScope();
        return await call(scope.ServiceProvider.GetRequiredService<CourseCatalogueService>());
    }

    private static CourseForm NewCourse(string code) => new()
    {
        Code = code, Title = "Vente de la fibre", Days = 4, Capacity = 10, RequiredForRegionalisation = false,
        Skills = [new CourseGrantForm { SkillId = 1, Level = ProficiencyLevel.Confirmed }, new CourseGrantForm { SkillId = 2, Level = ProficiencyLevel.Certified }],
    };

    private async Task<CourseRow> RowAsync(string code) => (await WithAsync(s => s.ListAsync(Hr, TestContext.Current.CancellationToken))).Single(c => c.Code == code);

    [Fact]
    public async Task Hr_creates_a_course_with_its_skills_and_the_creation_is_audited()
    {
        var ct = TestContext.Current.CancellationToken;

        var result = await WithAsync(s => s.SaveAsync(Hr, NewCourse(" fibre-01 "), ct));

        Assert.Equal(SaveOutcome.Saved, result.Outcome);
        var row = await RowAsync("FIBRE-01");
        Assert.Equal(("Vente de la fibre", 4, 10, false), (row.Title, row.Days, row.Capacity, row.RequiredForRegionalisation));
        Assert.Equal([(1, ProficiencyLevel.Confirmed), (2, ProficiencyLevel.Certified)], row.Skills.Select(s => (s.SkillId, s.Level)).OrderBy(s => s.SkillId));
        await using var db = database.App.CreateDbContext();
        var audit = await db.AuditEntries.SingleAsync(a => a.Entity == AuditEntities.Course && a.EntityKey == row.Id.ToString(), ct);
        Assert.Equal(("hr@portal.demo", "Create", null), (audit.UserName, audit.Action, audit.Before));
        Assert.Equal("FIBRE-01", JsonDocument.Parse(audit.After!).RootElement.GetProperty("Code").GetString());
    }

    [Fact]
    public async Task An_edit_at_the_current_version_is_saved_with_before_and_after_and_a_stale_one_is_a_conflict()
    {
        var ct = TestContext.Current.CancellationToken;
        await WithAsync(s => s.SaveAsync(National, NewCourse("FIBRE-02"), ct));
        var row = await RowAsync("FIBRE-02");
        var edit = NewCourse("FIBRE-02");
        edit.Id = row.Id;
        edit.Version = row.Version;
        edit.Title = "Vente de la fibre optique";
        edit.Skills = [new CourseGrantForm { SkillId = 3, Level = ProficiencyLevel.Expert }];

        var saved = await WithAsync(s => s.SaveAsync(Hr, edit, ct));
        var stale = await WithAsync(s => s.SaveAsync(National, edit, ct));

        Assert.Equal(SaveOutcome.Saved, saved.Outcome);
        Assert.Equal(SaveOutcome.Conflict, stale.Outcome);
        var after = await RowAsync("FIBRE-02");
        Assert.Equal(("Vente de la fibre optique", row.Version + 1), (after.Title, after.Version));
        Assert.Equal([(3, ProficiencyLevel.Expert)], after.Skills.Select(s => (s.SkillId, s.Level)));
        await using var db = database.App.CreateDbContext();
        var audit = await db.AuditEntries.SingleAsync(a => a.Entity == AuditEntities.Course && a.EntityKey == row.Id.ToString() && a.Action == "Update", ct);
        Assert.Equal("Vente de la fibre", JsonDocument.Parse(audit.Before!).RootElement.GetProperty("Title").GetString());
        Assert.Equal("Vente de la fibre optique", JsonDocument.Parse(audit.After!).RootElement.GetProperty("Title").GetString());
    }

    [Fact]
    public async Task A_change_of_the_granted_skills_alone_is_version_checked_too()
    {
        var ct = TestContext.Current.CancellationToken;
        await WithAsync(s => s.SaveAsync(Hr, NewCourse("FIBRE-03"), ct));
        var row = await RowAsync("FIBRE-03");
        var first = NewCourse("FIBRE-03");
        first.Id = row.Id;
        first.Version = row.Version;
        first.Skills[0].Level = ProficiencyLevel.Expert;
        var second = NewCourse("FIBRE-03");
        second.Id = row.Id;
        second.Version = row.Version;
        second.Skills.RemoveAt(1);

        var saved = await WithAsync(s => s.SaveAsync(Hr, first, ct));
        var conflict = await WithAsync(s => s.SaveAsync(Hr, second, ct));

        Assert.Equal((SaveOutcome.Saved, SaveOutcome.Conflict), (saved.Outcome, conflict.Outcome));
        Assert.Equal(2, (await RowAsync("FIBRE-03")).Skills.Count);
    }

    [Fact]
    public async Task A_code_already_in_the_catalogue_is_refused_whatever_its_case()
    {
        var result = await WithAsync(s => s.SaveAsync(Hr, NewCourse("transv-com"), TestContext.Current.CancellationToken));

        Assert.Equal(SaveOutcome.Invalid, result.Outcome);
        Assert.Equal("Course_CodeTaken", result.Errors[nameof(CourseForm.Code)]);
    }

    [Fact]
    public async Task The_service_validates_with_the_form_rules_and_refuses_an_unknown_skill()
    {
        var ct = TestContext.Current.CancellationToken;
        var tooLong = NewCourse("FIBRE-04");
        tooLong.Days = 11;
        var unknownSkill = NewCourse("FIBRE-05");
        unknownSkill.Skills = [new CourseGrantForm { SkillId = 999, Level = ProficiencyLevel.Certified }];

        var days = await WithAsync(s => s.SaveAsync(Hr, tooLong, ct));
        var skill = await WithAsync(s => s.SaveAsync(Hr, unknownSkill, ct));

        Assert.Equal("Course_DaysRange", days.Errors[nameof(CourseForm.Days)]);
        Assert.Equal("Course_SkillRequired", skill.Errors[nameof(CourseForm.Skills)]);
        Assert.DoesNotContain(await WithAsync(s => s.ListAsync(Hr, ct)), c => c.Code is "FIBRE-04" or "FIBRE-05");
    }

    [Fact]
    public async Task A_director_reads_the_catalogue_but_may_not_change_it_and_an_advisor_sees_none()
    {
        var ct = TestContext.Current.CancellationToken;

        var directorSave = await WithAsync(s => s.SaveAsync(DirectorBpl, NewCourse("FIBRE-06"), ct));
        var directorList = await WithAsync(s => s.ListAsync(DirectorBpl, ct));
        var advisorList = await WithAsync(s => s.ListAsync(Advisor, ct));

        Assert.Equal(SaveOutcome.NotFound, directorSave.Outcome);
        Assert.Contains(directorList, c => c.Code == "TRANSV-COM");
        Assert.DoesNotContain(directorList, c => c.Code == "FIBRE-06");
        Assert.Empty(advisorList);
        Assert.Empty(await WithAsync(s => s.SkillsAsync(DirectorBpl, ct)));
    }
}
