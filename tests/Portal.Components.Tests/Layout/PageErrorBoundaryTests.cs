using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Components.Tests.Users;
using Portal.Web.Components.Layout;
using Portal.Web.Components.Shared;

namespace Portal.Components.Tests.Layout;

/// <summary>A page that fails while rendering, inside the real layout, as the router would show it.</summary>
public sealed class PageErrorBoundaryTests : PortalComponentTest
{
    private readonly RecordingLoggerProvider logs;

    public PageErrorBoundaryTests() : this(new RecordingLoggerProvider())
    {
    }

    private PageErrorBoundaryTests(RecordingLoggerProvider logs) : base(logs.ReplaceLoggingOf)
    {
        this.logs = logs;
        ComponentFactories.AddStub<AntiforgeryToken>();
        User.As(Persona.RegionalDirector);
    }

    private static RenderFragment Page<TPage>() where TPage : IComponent => b =>
    {
        b.OpenComponent<TPage>(0);
        b.CloseComponent();
    };

    private IRenderedComponent<MainLayout> RenderLayout(RenderFragment body) =>
        Render<MainLayout>(p => p.AddCascadingValue("DarkMode", false).Add(x => x.Body, body));

    private static string ReferenceShown(IRenderedComponent<MainLayout> layout) =>
        layout.Find("[data-testid=page-error]").GetAttribute("data-reference")!;

    [Fact]
    public void A_page_that_fails_shows_a_French_message_with_a_reference_and_the_menu_stays()
    {
        var layout = RenderLayout(Page<FailingPage>());

        var message = layout.Find("[data-testid=page-error]").TextContent;
        var reference = ReferenceShown(layout);
        Assert.Matches("^[0-9A-F]{8}$", reference);
        Assert.Contains("Cette partie de la page n'a pas pu s'afficher.", message, StringComparison.Ordinal);
        Assert.Contains($"la référence {reference}", message, StringComparison.Ordinal);
        Assert.NotEmpty(layout.FindAll("a[data-area]"));
        Assert.DoesNotContain(FailingPage.Text, layout.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void In_English_the_message_is_English()
    {
        UseCulture("en-GB");

        var layout = RenderLayout(Page<FailingPage>());

        Assert.Contains("This part of the page could not be shown.", layout.Find("[data-testid=page-error]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_exception_is_logged_as_an_error_with_the_reference_the_user_sees()
    {
        var layout = RenderLayout(Page<FailingPage>());

        var entry = Assert.Single(logs.Entries, e => e.Category == typeof(PageErrorBoundary).FullName);
        Assert.Equal(LogLevel.Error, entry.Level);
        Assert.Equal(FailingPage.Failure, entry.Exception?.Message);
        Assert.Equal(ReferenceShown(layout), entry["ErrorReference"]);
        Assert.Contains(ReferenceShown(layout), entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Opening_another_page_shows_it_normally()
    {
        var navigation = Services.GetRequiredService<BunitNavigationManager>();
        navigation.NavigateTo("advisors/BPL");
        var layout = RenderLayout(Page<FailingPage>());
        Assert.NotEmpty(layout.FindAll("[data-testid=page-error]"));

        navigation.NavigateTo("skills/matrix");
        layout.Render(p => p.Add(x => x.Body, Page<WorkingPage>()));

        Assert.Empty(layout.FindAll("[data-testid=page-error]"));
        Assert.Contains(WorkingPage.Text, layout.Find(".mud-main-content").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Rendering_the_layout_again_on_the_same_address_keeps_the_message_without_failing_again()
    {
        var layout = RenderLayout(Page<FailingPage>());
        var reference = ReferenceShown(layout);

        layout.Render(p => p.Add(x => x.Body, Page<FailingPage>()));

        Assert.Equal(reference, ReferenceShown(layout));
        Assert.Single(logs.Entries, e => e.Category == typeof(PageErrorBoundary).FullName);
    }

    private sealed class FailingPage : ComponentBase
    {
        public const string Text = "Contenu jamais affiché";
        public const string Failure = "The panel's data could not be read.";

        protected override void BuildRenderTree(Microsoft.AspNetCore.Components.Rendering.RenderTreeBuilder builder)
        {
            builder.AddContent(0, Text);
            throw new InvalidOperationException(Failure);
        }
    }

    private sealed class WorkingPage : ComponentBase
    {
        public const string Text = "Matrice affichée";

        protected override void BuildRenderTree(Microsoft.AspNetCore.Components.Rendering.RenderTreeBuilder builder) => builder.AddContent(0, Text);
    }
}
