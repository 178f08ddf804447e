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
    public void Choosing_English_posts_the_language_form_back_to_the_current_page()
    {
        User.As(Persona.RegionalDirector);
        Services.GetRequiredService<BunitNavigationManager>().NavigateTo("coverage/BPL");

        var form = RenderLayout().Find("[data-testid=culture-en]").Closest("form")!;

        Assert.Equal("preferences/culture", form.GetAttribute("action"));
        Assert.Equal("post", form.GetAttribute("method"));
        Assert.Equal("submit", form.QuerySelector("[data-testid=culture-en]")!.GetAttribute("type"));
        Assert.Equal("en", form.QuerySelector("input[name=culture]")!.GetAttribute("value"));
        Assert.Equal("/coverage/BPL", form.QuerySelector("input[name=returnUrl]")!.GetAttribute("value"));
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
        Assert.Equal(["Dashboard", "Rollout", "Advisors", "Skills", "Training"], layout.FindAll("a[data-area]").Select(a => a.GetAttribute("data-area")));
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
