using Bunit;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using Portal.Components.Tests.Forms;
using Portal.Services.Advisors;
using Portal.Web.Components.Pages.Advisors.Components;

namespace Portal.Components.Tests.Advisors;

/// <summary>The new-advisor panel over the real service: checked while typing, sent only when valid.</summary>
public sealed class NewAdvisorFormTests : AdvisorFormTest
{
    private const string EmployeeNumber = "Matricule";

    private IRenderedComponent<NewAdvisorForm> RenderForm(Action? onCreated = null)
    {
        Render<MudPopoverProvider>();
        var form = Render<NewAdvisorForm>(p => p
            .Add(x => x.Actor, Director)
            .Add(x => x.Sites, [new Option(Rennes, "RENNES", "Plateau Rennes"), new Option(Nantes, "NANTES", "Plateau Nantes")])
            .Add(x => x.OnCreated, () => onCreated?.Invoke()));
        form.Find(".mud-expand-panel-header").Click();
        return form;
    }

    private async Task FillAsync(IRenderedComponent<NewAdvisorForm> form, string number)
    {
        form.Type(EmployeeNumber, number);
        form.Type("Nom de famille", "Le Goff");
        form.Type("Prénom", "Erwan");
        await form.ChooseAsync("Site", Nantes);
    }

    private async Task<bool> StoredAsync(string number)
    {
        await using var db = Database.CreateDbContext();
        return await db.Advisors.AnyAsync(a => a.EmployeeNumber == number);
    }

    [Fact]
    public async Task An_employee_number_with_a_dash_is_named_in_French_as_it_is_typed_and_nothing_is_sent()
    {
        var form = RenderForm();
        await FillAsync(form, "E-12");

        form.WaitForAssertion(() => Assert.Equal("Le matricule compte 1 à 16 lettres ou chiffres.", form.MessageOf(EmployeeNumber)));
        form.Find("[data-testid=create-advisor]").Click();

        Assert.Equal(0, NewAdvisors.Calls);
        Assert.False(await StoredAsync("E-12"));
    }

    [Fact]
    public async Task Saving_with_no_name_names_both_fields_and_sends_nothing()
    {
        var form = RenderForm();
        form.Type(EmployeeNumber, "E900002");

        form.Find("[data-testid=create-advisor]").Click();

        form.WaitForAssertion(() => Assert.Equal("Le nom et le prénom sont obligatoires (100 caractères au plus).", form.MessageOf("Nom de famille")));
        Assert.Equal("Le nom et le prénom sont obligatoires (100 caractères au plus).", form.MessageOf("Prénom"));
        Assert.Equal("Choisissez un site.", form.MessageOf("Site"));
        Assert.Equal(0, NewAdvisors.Calls);
    }

    [Fact]
    public void In_English_the_message_is_English()
    {
        UseCulture("en-GB");
        var form = RenderForm();

        form.Type("Employee number", "E-12");

        form.WaitForAssertion(() => Assert.Equal("The employee number has 1 to 16 letters or digits.", form.MessageOf("Employee number")));
    }

    [Fact]
    public async Task A_valid_advisor_is_created_and_the_page_is_told()
    {
        var created = false;
        var form = RenderForm(() => created = true);
        await FillAsync(form, "E900002");

        form.Find("[data-testid=create-advisor]").Click();

        form.WaitForAssertion(() => Assert.True(created));
        Assert.Equal(1, NewAdvisors.Calls);
        Assert.True(await StoredAsync("E900002"));
    }

    [Fact]
    public async Task A_number_already_taken_is_the_service_s_answer_and_shows_under_the_number_until_it_changes()
    {
        var form = RenderForm();
        await FillAsync(form, Number);

        form.Find("[data-testid=create-advisor]").Click();

        form.WaitForAssertion(() => Assert.Equal("Ce matricule ne peut pas être utilisé.", form.MessageOf(EmployeeNumber)));
        Assert.Equal(1, NewAdvisors.Calls);
        form.Type(EmployeeNumber, "E900003");
        form.WaitForAssertion(() => Assert.Equal("", form.MessageOf(EmployeeNumber)));
    }
}
