using Bunit;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Portal.Components.Tests.Forms;
using Portal.Domain.Skills;
using Portal.Services;
using Portal.Services.Training;
using Portal.Web.Components.Pages.Training.Components;

namespace Portal.Components.Tests.Training;

/// <summary>The catalogue's editor with the service's validator: it calls the page's save only with a valid course.</summary>
public sealed class CourseEditorTests : PortalComponentTest
{
    private static readonly IReadOnlyList<Choice> Skills = [new Choice(1, "Vente mobile"), new Choice(2, "Vente box")];

    private readonly List<CourseForm> sent = [];
    private SaveResult answer = SaveResult.Saved;

    public CourseEditorTests() =>
        Services.AddFallbackServiceProvider(new ServiceCollection()
            .AddValidatorsFromAssemblyContaining<CourseFormValidator>(ServiceLifetime.Singleton).BuildServiceProvider());

    private IRenderedComponent<CourseEditor> RenderEditor(CourseForm form)
    {
        Render<MudPopoverProvider>();
        return Render<CourseEditor>(p => p
            .Add(x => x.Form, form)
            .Add(x => x.Skills, Skills)
            .Add(x => x.OnSave, f =>
            {
                sent.Add(f);
                return Task.FromResult(answer);
            }));
    }

    private static CourseForm Valid() => new()
    {
        Code = "FIBRE", Title = "Vente de la fibre", Days = 3,
        Skills = [new CourseGrantForm { SkillId = 1, Level = ProficiencyLevel.Certified }],
    };

    [Fact]
    public void Eleven_days_is_named_in_French_as_it_is_typed_and_nothing_is_sent()
    {
        var editor = RenderEditor(Valid());

        editor.Type("Jours", "11");

        editor.WaitForAssertion(() => Assert.Equal("Une formation dure de 1 à 10 jours.", editor.MessageOf("Jours")));
        editor.Find("[data-testid=save-course]").Click();
        Assert.Empty(sent);
    }

    [Fact]
    public void A_capacity_above_fifty_is_refused()
    {
        var editor = RenderEditor(Valid());

        editor.Type("Places par session", "51");

        editor.WaitForAssertion(() => Assert.Equal("La capacité d'une session va de 1 à 50 places.", editor.MessageOf("Places par session")));
    }

    [Fact]
    public void A_new_course_sent_empty_names_the_code_the_title_and_the_skills_and_is_not_sent()
    {
        var editor = RenderEditor(new CourseForm());
        Assert.Empty(editor.FindAll("[data-testid=skills-error]"));

        editor.Find("[data-testid=save-course]").Click();

        editor.WaitForAssertion(() => Assert.Equal("Saisissez le code de la formation.", editor.MessageOf("Code")));
        Assert.Equal("Saisissez l'intitulé de la formation.", editor.MessageOf("Intitulé"));
        Assert.Equal("Une formation accorde au moins une compétence.", editor.Find("[data-testid=skills-error]").TextContent.Trim());
        Assert.Empty(sent);
    }

    [Fact]
    public void A_skill_line_added_without_a_skill_is_named_under_the_list()
    {
        var editor = RenderEditor(Valid());

        editor.Find("[data-testid=add-grant]").Click();

        editor.WaitForAssertion(() => Assert.Equal("Choisissez une compétence existante pour chaque ligne.", editor.Find("[data-testid=skills-error]").TextContent.Trim()));
        Assert.Equal(2, editor.FindAll("[data-testid=grant]").Count);
        editor.Find("[data-testid=save-course]").Click();
        Assert.Empty(sent);
    }

    [Fact]
    public void A_valid_course_is_sent_once()
    {
        var form = Valid();
        var editor = RenderEditor(form);

        editor.Find("[data-testid=save-course]").Click();

        editor.WaitForAssertion(() => Assert.Equal([form], sent));
    }

    [Fact]
    public void A_code_taken_shows_under_the_code()
    {
        answer = SaveResult.Invalid(nameof(CourseForm.Code), "Course_CodeTaken");
        var editor = RenderEditor(Valid());

        editor.Find("[data-testid=save-course]").Click();

        editor.WaitForAssertion(() => Assert.Equal("Ce code est déjà celui d'une autre formation.", editor.MessageOf("Code")));
        Assert.Single(sent);
    }
}
