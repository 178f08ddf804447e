using Bunit;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Portal.Components.Tests.Forms;
using Portal.Domain.Channels;
using Portal.Services;
using Portal.Services.Channels;
using Portal.Web.Components.Pages.Channels.Components;

namespace Portal.Components.Tests.Channels;

/// <summary>The channel editor of the settings page with the service's validator: it calls the page's save only with valid parameters.</summary>
public sealed class ChannelEditorTests : PortalComponentTest
{
    private readonly List<ChannelForm> sent = [];

    public ChannelEditorTests() =>
        Services.AddFallbackServiceProvider(new ServiceCollection()
            .AddValidatorsFromAssemblyContaining<ChannelFormValidator>(ServiceLifetime.Singleton).BuildServiceProvider());

    private static ChannelForm Voice() => ChannelForm.Of(new Channel
    {
        Id = 1, Code = "Voice", Kind = ChannelKind.Voice, ServiceLevelTarget = 0.8, TargetAnswerSeconds = 20, AverageHandlingSeconds = 420,
        Concurrency = 1, Shrinkage = 0.3, MaxOccupancy = 0.9, Version = 4,
        OpeningHours = [.. ChannelForm.Week.Take(6).Select(d => new OpeningHours { Day = d, Opens = new TimeOnly(8, 0), Closes = new TimeOnly(20, 0) })],
    });

    private IRenderedComponent<ChannelEditor> RenderEditor(ChannelForm form)
    {
        Render<MudPopoverProvider>();
        return Render<ChannelEditor>(p => p
            .Add(x => x.Form, form)
            .Add(x => x.OnSave, f =>
            {
                sent.Add(f);
                return Task.FromResult(SaveResult.Saved);
            }));
    }

    [Fact]
    public void The_stored_parameters_show_in_percent_and_a_closed_Sunday_has_no_hours()
    {
        var editor = RenderEditor(Voice());

        Assert.Equal("80", editor.Field("Niveau de service visé (%)").QuerySelector("input")!.GetAttribute("value"));
        Assert.Equal("30", editor.Field("Indisponibilité (%)").QuerySelector("input")!.GetAttribute("value"));
        Assert.DoesNotContain("Ouverture (dimanche)", editor.Find("tr[data-day=Sunday]").TextContent, StringComparison.Ordinal);
        // Six open days, an opening and a closing each.
        Assert.Equal(12, editor.FindComponents<MudSelect<TimeOnly>>().Count);
        Assert.Contains("Ouverture (lundi)", editor.Find("tr[data-day=Monday]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void No_handling_time_is_named_in_French_as_it_is_typed_and_nothing_is_sent()
    {
        var editor = RenderEditor(Voice());

        editor.Type("Durée moyenne de traitement (s)", "0");

        editor.WaitForAssertion(() => Assert.Equal("La durée moyenne de traitement doit être supérieure à 0 seconde.", editor.MessageOf("Durée moyenne de traitement (s)")));
        editor.Find("[data-testid=save-channel]").Click();
        Assert.Empty(sent);
    }

    [Fact]
    public async Task A_day_closing_before_it_opens_is_named_under_the_hours_and_nothing_is_sent()
    {
        var editor = RenderEditor(Voice());

        await editor.ChooseAsync("Fermeture (lundi)", new TimeOnly(7, 0));
        editor.Find("[data-testid=save-channel]").Click();

        editor.WaitForAssertion(() => Assert.Equal("Chaque jour ouvert finit après son ouverture (24:00 pour minuit), sur des demi-heures.",
            editor.Find("[data-testid=hours-error]").TextContent.Trim()));
        Assert.Empty(sent);
    }

    [Fact]
    public void A_valid_change_is_sent_once_with_the_new_value()
    {
        var editor = RenderEditor(Voice());

        editor.Type("Durée moyenne de traitement (s)", "480");
        editor.Find("[data-testid=save-channel]").Click();

        editor.WaitForAssertion(() => Assert.Single(sent));
        Assert.Equal((480, 4), (sent[0].AverageHandlingSeconds, sent[0].Version));
    }
}
