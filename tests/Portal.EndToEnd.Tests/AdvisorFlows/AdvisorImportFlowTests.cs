using System.Text;
using Microsoft.Playwright;
using Portal.EndToEnd.Tests.Infrastructure;
using Portal.EndToEnd.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Portal.EndToEnd.Tests.AdvisorFlows;

[Collection(PortalCollection.Name)]
public sealed class AdvisorImportFlowTests(PortalFixture portal) : BrowserTest(portal)
{
    private const string Header = "employeeNumber;lastName;firstName;site;workingTimePercent;active;skills";

    private static FilePayload Csv(string content) => new()
    {
        Name = "conseillers.csv",
        MimeType = "text/csv",
        Buffer = Encoding.UTF8.GetBytes(content),
    };

    private static string NewEmployeeNumber() => $"T{Guid.NewGuid():N}"[..12].ToUpperInvariant();

    [Fact]
    public async Task A_file_with_a_level_out_of_range_names_row_3_in_French_and_creates_not_even_the_valid_advisor()
    {
        await (await LoginPage.OpenAsync(Page)).SignInAsync(DemoLogins.DirectorBpl);
        var advisors = await AdvisorsPage.OpenAsync(Page);
        await Expect(advisors.EmployeeNumbers).ToHaveCountAsync(25);
        var valid = NewEmployeeNumber();
        var invalid = NewEmployeeNumber();

        await advisors.ImportPanel.ClickAsync();
        await advisors.ImportFile.SetInputFilesAsync(Csv(
            $"{Header}\n{valid};Quéré;Maëlle;Plateau Rennes;80;oui;FIDEL:2,ECRIT:1\n{invalid};Le Bihan;Erwan;Plateau Rennes;100;oui;FIDEL:9\n"));

        await Expect(advisors.ImportErrors).ToContainTextAsync("Rien n'a été importé");
        await Expect(advisors.ImportErrors.Locator("li")).ToHaveCountAsync(1);
        await Expect(advisors.ImportErrors.Locator("li")).ToContainTextAsync("Ligne 3");
        await Expect(advisors.ImportErrors.Locator("li")).ToContainTextAsync("niveau");
        await Expect(advisors.ImportErrors.Locator("li")).ToContainTextAsync("FIDEL");
        await Expect(advisors.ImportDone).ToHaveCountAsync(0);

        await advisors.Search.FillAsync(valid);

        await Expect(advisors.NoAdvisor).ToBeVisibleAsync();
        await Expect(advisors.EmployeeNumbers).ToHaveCountAsync(0);
    }
}
