using Bunit;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using Portal.Components.Tests.Forms;
using Portal.Web.Components.Pages.Advisors.Components;

namespace Portal.Components.Tests.Advisors;

/// <summary>The details panel of the advisor page over the real service: checked while typing, sent only when valid.</summary>
public sealed class DetailsEditorTests : AdvisorFormTest
{
    private const string WorkingTime = "Temps de travail";

    private async Task<IRenderedComponent<DetailsEditor>> RenderEditorAsync(Action? onSaved = null)
    {
        var profile = await ProfileAsync();
        Render<MudPopoverProvider>();
        var editor = Render<DetailsEditor>(p => p
            .Add(x => x.Profile, profile!)
            .Add(x => x.Actor, Director)
            .Add(x => x.OnSaved, () => onSaved?.Invoke()));
        editor.Find(".mud-expand-panel-header").Click();
        return editor;
    }

    private async Task<(string LastName, int WorkingTime)> StoredAsync()
    {
        await using var db = Database.CreateDbContext();
        var advisor = await db.Advisors.SingleAsync(a => a.EmployeeNumber == Number);
        return (advisor.LastName, advisor.WorkingTimePercent);
    }

    [Fact]
    public async Task The_panel_shows_the_details_of_an_advisor_never_changed_before()
    {
        var editor = await RenderEditorAsync();

        Assert.Equal("Abiven", editor.Field("Nom de famille").QuerySelector("input")!.GetAttribute("value"));
        Assert.Equal("100", editor.Field(WorkingTime).QuerySelector("input")!.GetAttribute("value"));
    }

    [Fact]
    public async Task A_working_time_above_100_is_named_in_French_as_it_is_typed_and_nothing_is_sent()
    {
        var editor = await RenderEditorAsync();

        editor.Type(WorkingTime, "150");

        editor.WaitForAssertion(() => Assert.Equal("Le temps de travail va de 1 à 100\u00a0%.", editor.MessageOf(WorkingTime)));
        editor.Find("[data-testid=save-details]").Click();
        Assert.Equal(0, NewAdvisors.Calls);
        Assert.Equal(100, (await StoredAsync()).WorkingTime);
    }

    [Fact]
    public async Task An_emptied_last_name_is_named_and_nothing_is_sent()
    {
        var editor = await RenderEditorAsync();

        editor.Type("Nom de famille", " ");

        editor.WaitForAssertion(() => Assert.Equal("Le nom et le prénom sont obligatoires (100 caractères au plus).", editor.MessageOf("Nom de famille")));
        editor.Find("[data-testid=save-details]").Click();
        Assert.Equal(0, NewAdvisors.Calls);
        Assert.Equal("Abiven", (await StoredAsync()).LastName);
    }

    [Fact]
    public async Task Valid_details_are_saved_and_the_page_is_told_to_reload()
    {
        var saved = false;
        var editor = await RenderEditorAsync(() => saved = true);

        editor.Type("Nom de famille", "Abiven-Le Roux");
        editor.Type(WorkingTime, "80");
        editor.Find("[data-testid=save-details]").Click();

        editor.WaitForAssertion(() => Assert.True(saved));
        Assert.Equal(1, NewAdvisors.Calls);
        Assert.Equal(("Abiven-Le Roux", 80), await StoredAsync());
    }
}
