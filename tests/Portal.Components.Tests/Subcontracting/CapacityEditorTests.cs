using Bunit;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Portal.Components.Tests.Forms;
using Portal.Domain.Subcontracting;
using Portal.Services;
using Portal.Services.Subcontracting;
using Portal.Web.Components.Pages.Subcontracting.Components;

namespace Portal.Components.Tests.Subcontracting;

/// <summary>The capacity editor with the service's validator: it calls the page's save only with a valid line.</summary>
public sealed class CapacityEditorTests : PortalComponentTest
{
    private static readonly CapacityChoices Choices = new([new Choice(20, "Prestataire Laval")], [new Choice(1, "Voice"), new Choice(2, "Chat")]);

    private readonly List<CapacityForm> sent = [];
    private SaveResult answer = SaveResult.Saved;

    public CapacityEditorTests() =>
        Services.AddFallbackServiceProvider(new ServiceCollection()
            .AddValidatorsFromAssemblyContaining<CapacityFormValidator>(ServiceLifetime.Singleton).BuildServiceProvider());

    private IRenderedComponent<CapacityEditor> RenderEditor(CapacityForm form)
    {
        Render<MudPopoverProvider>();
        return Render<CapacityEditor>(p => p
            .Add(x => x.Form, form)
            .Add(x => x.Choices, Choices)
            .Add(x => x.OnSave, f =>
            {
                sent.Add(f);
                return Task.FromResult(answer);
            }));
    }

    private static CapacityForm ValidLine() => new() { SiteId = 20, ChannelId = 1, Days = Weekdays.Saturday, Agents = 4 };

    [Fact]
    public void No_agents_is_named_in_French_as_it_is_typed_and_nothing_is_sent()
    {
        var editor = RenderEditor(ValidLine());

        editor.Type("Agents", "0");

        editor.WaitForAssertion(() => Assert.Equal("Le nombre d'agents doit être supérieur à 0.", editor.MessageOf("Agents")));
        editor.Find("[data-testid=save-capacity]").Click();
        Assert.Empty(sent);
    }

    [Fact]
    public void A_new_line_sent_empty_names_the_site_the_channel_and_the_days_and_is_not_sent()
    {
        var editor = RenderEditor(new CapacityForm());
        Assert.Empty(editor.FindAll("[data-testid=days-error]"));

        editor.Find("[data-testid=save-capacity]").Click();

        editor.WaitForAssertion(() => Assert.Equal("Choisissez un site.", editor.MessageOf("Site")));
        Assert.Equal("Choisissez un canal.", editor.MessageOf("Canal"));
        Assert.Equal("Choisissez au moins un jour.", editor.Find("[data-testid=days-error]").TextContent.Trim());
        Assert.Empty(sent);
    }

    [Fact]
    public async Task An_end_before_the_start_is_named_under_the_end()
    {
        var editor = RenderEditor(ValidLine());

        await editor.ChooseAsync("À", new TimeOnly(19, 0));

        editor.WaitForAssertion(() => Assert.Equal("La fin doit suivre le début (24:00 pour minuit).", editor.MessageOf("À")));
    }

    [Fact]
    public void A_valid_line_is_sent_once()
    {
        var form = ValidLine();
        var editor = RenderEditor(form);

        editor.Find("[data-testid=save-capacity]").Click();

        editor.WaitForAssertion(() => Assert.Equal([form], sent));
    }

    [Fact]
    public void A_refusal_of_the_service_shows_under_its_field()
    {
        answer = SaveResult.Invalid(nameof(CapacityForm.SiteId), "Capacity_SiteRequired");
        var editor = RenderEditor(ValidLine());

        editor.Find("[data-testid=save-capacity]").Click();

        editor.WaitForAssertion(() => Assert.Equal("Choisissez un site.", editor.MessageOf("Site")));
        Assert.Single(sent);
    }
}
