using Bunit;
using FluentValidation;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Extensions;
using Portal.Domain.Access;
using Portal.Domain.Advisors;
using Portal.Domain.Regions;
using Portal.Domain.Sites;
using Portal.Domain.Skills;
using Portal.Services.Advisors;
using Portal.Services.Data;
using Portal.Web.Components.Pages.Advisors.Components;

namespace Portal.Components.Tests.Advisors;

/// <summary>
/// The editor over the real <see cref="AdvisorProfileService"/> and its validator, on an in-memory SQLite database
/// holding one BPL advisor with FIDEL at level 3, so every refusal shown is the service's answer.
/// </summary>
public sealed class SkillEditorTests : PortalComponentTest
{
    private const string Number = "E900001";
    private const int Fidel = 6;
    private const int Written = 7;

    private static readonly Actor Director = new("director.bpl@portal.demo", PortalRole.RegionalDirector, RegionId: 2);

    private readonly SqliteConnection connection = new("Data Source=:memory:");
    private readonly MemoryDbFactory factory;

    public SkillEditorTests()
    {
        connection.Open();
        factory = new MemoryDbFactory(new DbContextOptionsBuilder<PortalDbContext>().UseSqlite(connection).Options);
        using (var db = factory.CreateDbContext())
        {
            db.Database.EnsureCreated();
            db.Regions.Add(new Region { Id = 2, Code = "BPL", Name = "Bretagne-Pays de la Loire" });
            db.Sites.Add(new Site { Id = 10, Name = "Plateau Rennes", City = "Rennes", RegionId = 2, Kind = SiteKind.InHouse });
            db.Skills.Add(new Skill { Id = Fidel, Code = "FIDEL", Name = "Fidélisation" });
            db.Skills.Add(new Skill { Id = Written, Code = "ECRIT", Name = "Canaux écrits" });
            db.Advisors.Add(new Advisor
            {
                EmployeeNumber = Number, FirstName = "Anne", LastName = "Abiven", SiteId = 10,
                Skills = [new AdvisorSkill { SkillId = Fidel, Level = ProficiencyLevel.Confirmed, CertifiedOn = new DateOnly(2025, 1, 6), Source = CertificationSource.Initial }],
            });
            db.SaveChanges();
        }
        // The base context has already handed out services, so these come from a provider of their own.
        var profiles = new ServiceCollection()
            .AddSingleton<IDbContextFactory<PortalDbContext>>(factory)
            .AddSingleton(TimeProvider.System)
            .AddValidatorsFromAssemblyContaining<SkillChangeValidator>(ServiceLifetime.Singleton)
            .AddSingleton<AdvisorProfileService>();
        Services.AddFallbackServiceProvider(profiles.BuildServiceProvider());
    }

    private async Task<IRenderedComponent<SkillEditor>> RenderEditorAsync(Action? onSaved = null)
    {
        var profile = await Services.GetRequiredService<AdvisorProfileService>().GetAsync(Director, Number);
        Render<MudPopoverProvider>();
        return Render<SkillEditor>(p => p
            .Add(x => x.Profile, profile!)
            .Add(x => x.Actor, Director)
            .Add(x => x.OnSaved, () => onSaved?.Invoke()));
    }

    private static async Task ChooseAsync<T>(IRenderedComponent<SkillEditor> editor, string label, T value)
    {
        var select = editor.FindComponents<MudSelect<T>>().Single(s => s.Instance.Label == label);
        await editor.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(value));
    }

    private static AngleSharp.Dom.IElement Field(IRenderedComponent<SkillEditor> editor, string label) =>
        editor.FindAll(".mud-input-control").Single(c => c.QuerySelector("label")?.TextContent.Trim() == label);

    private async Task<ProficiencyLevel?> StoredLevelAsync(int skillId)
    {
        await using var db = factory.CreateDbContext();
        return (await db.AdvisorSkills.SingleOrDefaultAsync(s => s.SkillId == skillId))?.Level;
    }

    [Fact]
    public async Task Nothing_can_be_saved_before_a_skill_is_chosen()
    {
        var editor = await RenderEditorAsync();

        Assert.True(editor.Find("[data-testid=save-skill]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Choosing_a_held_skill_shows_its_current_level()
    {
        var editor = await RenderEditorAsync();

        await ChooseAsync(editor, "Compétence", Fidel);

        Assert.Equal(ProficiencyLevel.Confirmed, editor.FindComponents<MudSelect<ProficiencyLevel>>().Single().Instance.GetState(x => x.Value));
        Assert.False(editor.Find("[data-testid=save-skill]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task A_certification_date_in_the_future_is_refused_by_the_service_and_the_French_message_is_shown_under_the_date()
    {
        var editor = await RenderEditorAsync();
        await ChooseAsync(editor, "Compétence", Written);
        await ChooseAsync(editor, "Niveau", ProficiencyLevel.Expert);
        Field(editor, "Certifié le").QuerySelector("input")!.Change(DateTime.Today.AddYears(1).ToString("yyyy-MM-dd"));

        editor.Find("[data-testid=save-skill]").Click();

        editor.WaitForAssertion(() => Assert.Contains("La date de certification ne peut pas être dans le futur.", Field(editor, "Certifié le").TextContent, StringComparison.Ordinal));
        Assert.Null(await StoredLevelAsync(Written));
    }

    [Fact]
    public async Task Lowering_a_level_without_a_reason_is_refused_by_the_service_and_the_French_message_is_shown_under_the_reason()
    {
        var editor = await RenderEditorAsync();
        await ChooseAsync(editor, "Compétence", Fidel);
        await ChooseAsync(editor, "Niveau", ProficiencyLevel.Trainee);

        editor.Find("[data-testid=save-skill]").Click();

        editor.WaitForAssertion(() => Assert.Contains("Baisser un niveau demande un motif d'au moins 10 caractères.",
            Field(editor, "Motif (obligatoire pour baisser un niveau)").TextContent, StringComparison.Ordinal));
        Assert.Equal(ProficiencyLevel.Confirmed, await StoredLevelAsync(Fidel));
        Assert.Empty(editor.FindAll("[data-testid=skill-conflict]"));
    }

    [Fact]
    public async Task A_date_left_empty_is_refused_before_asking_the_service()
    {
        var editor = await RenderEditorAsync();
        await ChooseAsync(editor, "Compétence", Written);
        Field(editor, "Certifié le").QuerySelector("input")!.Change("");

        editor.Find("[data-testid=save-skill]").Click();

        editor.WaitForAssertion(() => Assert.Contains("Saisissez une date de certification.", Field(editor, "Certifié le").TextContent, StringComparison.Ordinal));
        Assert.Null(await StoredLevelAsync(Written));
    }

    [Fact]
    public async Task A_valid_change_is_saved_and_the_page_is_told_to_reload()
    {
        var saved = false;
        var editor = await RenderEditorAsync(() => saved = true);
        await ChooseAsync(editor, "Compétence", Fidel);
        await ChooseAsync(editor, "Niveau", ProficiencyLevel.Expert);

        editor.Find("[data-testid=save-skill]").Click();

        editor.WaitForAssertion(() => Assert.True(saved));
        Assert.Equal(ProficiencyLevel.Expert, await StoredLevelAsync(Fidel));
        Assert.DoesNotContain("mud-input-error", editor.Markup, StringComparison.Ordinal);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        connection.Dispose();
    }

    private sealed class MemoryDbFactory(DbContextOptions<PortalDbContext> options) : IDbContextFactory<PortalDbContext>
    {
        public PortalDbContext CreateDbContext() => new(options);
    }
}
