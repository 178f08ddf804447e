using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.EndToEnd.Tests.Coverage;
using Portal.EndToEnd.Tests.Infrastructure;
using Portal.EndToEnd.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Portal.EndToEnd.Tests.AdvisorFlows;

[Collection(PortalCollection.Name)]
public sealed partial class AdvisorSkillFlowTests(PortalFixture portal) : BrowserTest(portal)
{
    /// <summary>Other tests change the 30 highest employee numbers of BPL (E102821 to E102850).</summary>
    private const int HighestLeftAlone = 102820;

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    [Fact]
    public async Task BPL_director_raises_an_advisor_to_expert_in_retention_and_the_skills_matrix_counts_one_more_certified()
    {
        await (await LoginPage.OpenAsync(Page)).SignInAsync(DemoLogins.DirectorBpl);
        var advisors = await AdvisorsPage.OpenAsync(Page, "?active=true");
        await Expect(advisors.EmployeeNumbers).ToHaveCountAsync(25);
        var number = (await advisors.EmployeeNumbers.Nth(4).InnerTextAsync()).Trim();
        Assert.True(int.Parse(number[1..], CultureInfo.InvariantCulture) <= HighestLeftAlone, $"{number} is one of the advisors other tests change.");

        var matrix = await SkillsMatrixPage.OpenAsync(Page, "BPL");
        var fidel = await matrix.ColumnOfAsync("FIDEL");
        await Expect(matrix.Row(number)).ToHaveCountAsync(1);
        await Expect(matrix.Cell(number, fidel)).ToHaveTextAsync(NotCertified());
        var certifiedBefore = int.Parse(Digits().Replace(await matrix.CertifiedTotal(fidel).InnerTextAsync(), ""), CultureInfo.InvariantCulture);

        advisors = await AdvisorsPage.OpenAsync(Page);
        await advisors.Search.FillAsync(number);
        await Expect(advisors.EmployeeNumbers).ToHaveCountAsync(1);
        await Expect(advisors.EmployeeNumbers).ToHaveTextAsync(number);
        await advisors.EmployeeNumbers.GetByRole(AriaRole.Link, new() { Name = number, Exact = true }).ClickAsync();

        await Expect(Page).ToHaveURLAsync(new Regex($"/advisors/{number}$"));
        var profile = new AdvisorProfilePage(Page);
        await profile.WaitUntilInteractiveAsync();
        await Expect(profile.Heading).ToBeVisibleAsync();
        await Expect(Page.Locator("[data-skill='FIDEL'][data-level='4']")).ToHaveCountAsync(0);

        await profile.SetSkillAsync("Fidélisation", "4 · expert", DemoWeeks.TodayInParis);

        await Expect(Page.Locator("[data-skill='FIDEL'][data-level='4']")).ToBeVisibleAsync();
        await Expect(profile.LevelOf("FIDEL")).ToHaveTextAsync("4 · expert");
        await Expect(Page.GetByText("Compétence enregistrée.")).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("skill-conflict")).ToHaveCountAsync(0);
        await Page.ScreenshotAsync(new() { Path = Screenshots.PathOf("advisor-page"), FullPage = true });

        matrix = await SkillsMatrixPage.OpenAsync(Page, "BPL");
        await Expect(matrix.Cell(number, fidel)).ToHaveTextAsync("4");
        await Expect(matrix.Cell(number, fidel)).ToHaveClassAsync(new Regex(@"\bportal-level-4\b"));
        await Expect(matrix.CertifiedTotal(fidel)).ToHaveTextAsync((certifiedBefore + 1).ToString("N0", French));
        await Page.ScreenshotAsync(new() { Path = Screenshots.PathOf("skills-matrix"), FullPage = true });
    }

    /// <summary>An empty cell (skill not held) or level 1: not certified.</summary>
    [GeneratedRegex(@"^\s*1?\s*$")]
    private static partial Regex NotCertified();

    [GeneratedRegex(@"\D")]
    private static partial Regex Digits();
}
