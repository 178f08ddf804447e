using Bunit;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using MudBlazor.Extensions;
using Portal.Components.Tests.Forms;
using Portal.Domain.Skills;
using Portal.Web.Components.Pages.Advisors.Components;

namespace Portal.Components.Tests.Advisors;

/// <summary>
/// The editor over the real <see cref="Portal.Services.Advisors.AdvisorProfileService"/>: the form checks each value
/// with the service's validator as it is typed and sends nothing invalid; what it sends is the service's to accept.
/// </summary>
public sealed class SkillEditorTests : AdvisorFormTest
{
    private const string CertifiedOn = "Certifié le";
    private const string Reason = "Motif (obligatoire pour baisser un niveau)";

    private async Task<IRenderedComponent<SkillEditor>> RenderEditorAsync(Action? onSaved = null)
    {
        var profile = await ProfileAsync();
        Render<MudPopoverProvider>();
        return Render<SkillEditor>(p => p
            .Add(x => x.Profile, profile!)
            .Add(x => x.Actor, Director)
            .Add(x => x.OnSaved, () => onSaved?.Invoke()));
    }

    private async Task<ProficiencyLevel?> StoredLevelAsync(int skillId)
    {
        await using var db = Database.CreateDbContext();
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

        await editor.ChooseAsync("Compétence", Fidel);

        Assert.Equal(ProficiencyLevel.Confirmed, editor.FindComponents<MudSelect<ProficiencyLevel>>().Single().Instance.GetState(x => x.Value));
        Assert.False(editor.Find("[data-testid=save-skill]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task A_certification_date_in_the_future_shows_the_French_message_as_soon_as_it_is_typed_and_is_never_sent()
    {
        var editor = await RenderEditorAsync();
        await editor.ChooseAsync("Compétence", Written);
        await editor.ChooseAsync("Niveau", ProficiencyLevel.Expert);

        editor.Type(CertifiedOn, DateTime.Today.AddYears(1).ToString("yyyy-MM-dd"));

        editor.WaitForAssertion(() => Assert.Equal("La date de certification ne peut pas être dans le futur.", editor.MessageOf(CertifiedOn)));
        editor.Find("[data-testid=save-skill]").Click();
        Assert.Equal(0, SkillChanges.Calls);
        Assert.Null(await StoredLevelAsync(Written));
    }

    [Fact]
    public async Task Lowering_a_level_without_a_reason_shows_the_French_message_under_the_reason_and_is_never_sent()
    {
        var editor = await RenderEditorAsync();
        await editor.ChooseAsync("Compétence", Fidel);
        await editor.ChooseAsync("Niveau", ProficiencyLevel.Trainee);

        editor.Find("[data-testid=save-skill]").Click();

        editor.WaitForAssertion(() => Assert.Equal("Baisser un niveau demande un motif d'au moins 10 caractères.", editor.MessageOf(Reason)));
        Assert.Equal(0, SkillChanges.Calls);
        Assert.Equal(ProficiencyLevel.Confirmed, await StoredLevelAsync(Fidel));
        Assert.Empty(editor.FindAll("[data-testid=skill-conflict]"));
    }

    [Fact]
    public async Task A_reason_too_short_is_named_while_typing_once_the_level_goes_down()
    {
        var editor = await RenderEditorAsync();
        await editor.ChooseAsync("Compétence", Fidel);
        await editor.ChooseAsync("Niveau", ProficiencyLevel.Trainee);

        editor.Type(Reason, "erreur");

        editor.WaitForAssertion(() => Assert.Equal("Baisser un niveau demande un motif d'au moins 10 caractères.", editor.MessageOf(Reason)));
        editor.Type(Reason, "erreur de saisie initiale");
        editor.WaitForAssertion(() => Assert.Equal("", editor.MessageOf(Reason)));
    }

    [Fact]
    public async Task A_date_left_empty_is_refused_before_asking_the_service()
    {
        var editor = await RenderEditorAsync();
        await editor.ChooseAsync("Compétence", Written);

        editor.Type(CertifiedOn, "");

        editor.WaitForAssertion(() => Assert.Equal("Saisissez une date de certification.", editor.MessageOf(CertifiedOn)));
        editor.Find("[data-testid=save-skill]").Click();
        Assert.Equal(0, SkillChanges.Calls);
        Assert.Null(await StoredLevelAsync(Written));
    }

    [Fact]
    public async Task A_valid_change_is_saved_and_the_page_is_told_to_reload()
    {
        var saved = false;
        var editor = await RenderEditorAsync(() => saved = true);
        await editor.ChooseAsync("Compétence", Fidel);
        await editor.ChooseAsync("Niveau", ProficiencyLevel.Expert);

        editor.Find("[data-testid=save-skill]").Click();

        editor.WaitForAssertion(() => Assert.True(saved));
        Assert.Equal(1, SkillChanges.Calls);
        Assert.Equal(ProficiencyLevel.Expert, await StoredLevelAsync(Fidel));
        Assert.DoesNotContain("mud-input-error", editor.Markup, StringComparison.Ordinal);
    }
}
