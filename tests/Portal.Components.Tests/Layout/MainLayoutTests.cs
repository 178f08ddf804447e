using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using Portal.Components.Tests.Users;
using Portal.Web.Components.Layout;

namespace Portal.Components.Tests.Layout;

public class MainLayoutTests : PortalComponentTest
{
    public MainLayoutTests() => ComponentFactories.AddStub<AntiforgeryToken>();

    private IRenderedComponent<MainLayout> RenderLayout(bool darkMode = false) =>
        Render<MainLayout>(p => p
            .AddCascadingValue("DarkMode", darkMode)
            .Add(x => x.Body, (RenderFragment)(b => b.AddContent(0, "Contenu de la page"))));

    [Fact]
    public void In_French_the_FR_button_is_disabled_and_the_EN_button_enabled()
    {
        User.As(Persona.RegionalDirector);

        var layout = RenderLayout();

        Assert.True(layout.Find("[data-testid=culture-fr]").HasAttribute("disabled"));
        Assert.False(layout.Find("[data-testid=culture-en]").HasAttribute("disabled"));
    }

    [Fact]
    public void In_English_the_EN_button_is_disabled_and_the_FR_button_enabled()
    {
        UseCulture("en-GB");
        User.As(Persona.RegionalDirector);

        var layout = RenderLayout();

        Assert.False(layout.Find("[data-testid=culture-fr]").HasAttribute("disabled"));
        Assert.True(layout.Find("[data-testid=culture-en]").HasAttribute("disabled"));
    }

    [Fact]
    public void Choosing_English_reloads_the_page_through_the_culture_preference()
    {
        User.As(Persona.RegionalDirector);
        var navigation = Services.GetRequiredService<BunitNavigationManager>();

        RenderLayout().Find("[data-testid=culture-en]").Click();

        Assert.Equal("http://localhost/preferences/culture?culture=en&returnUrl=%2F", navigation.Uri);
        Assert.True(navigation.History.First().Options.ForceLoad);
    }

    [Fact]
    public void Signed_in_user_sees_their_display_name()
    {
        User.As(Persona.RegionalDirector, displayName: "Yann Le Goff");

        var layout = RenderLayout();

        Assert.Equal("Yann Le Goff", layout.Find("[data-testid=user-name]").TextContent.Trim());
    }

    [Fact]
    public void Anonymous_visitor_sees_no_user_name()
    {
        User.As(Persona.Anonymous);

        var layout = RenderLayout();

        Assert.Empty(layout.FindAll("[data-testid=user-name]"));
    }

    [Fact]
    public void Layout_shows_the_page_and_the_navigation_of_the_user()
    {
        User.As(Persona.HR);

        var layout = RenderLayout();

        Assert.Contains("Contenu de la page", layout.Find(".mud-main-content").TextContent, StringComparison.Ordinal);
        Assert.Equal(["Dashboard", "Advisors", "Skills", "Training"], layout.FindAll("a[data-area]").Select(a => a.GetAttribute("data-area")));
    }

    [Theory]
    [InlineData(false, "Thème sombre")]
    [InlineData(true, "Thème clair")]
    public void Theme_toggle_offers_the_other_theme(bool darkMode, string label)
    {
        User.As(Persona.RegionalDirector);

        var layout = RenderLayout(darkMode);

        Assert.Equal(label, layout.Find("[data-testid=theme-toggle]").GetAttribute("aria-label"));
    }
}
