using System.Globalization;
using System.Text.RegularExpressions;
using Portal.EndToEnd.Tests.Infrastructure;
using Portal.EndToEnd.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Portal.EndToEnd.Tests.Coverage;

[Collection(PortalCollection.Name)]
public sealed partial class RegionCoverageTests(PortalFixture portal) : BrowserTest(portal)
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");
    private static readonly TimeOnly Ten = new(10, 0);

    /// <summary>Signs in as BPL's director and opens the voice coverage of the week BPL plans to switch.</summary>
    private async Task<CoveragePage> OpenSwitchWeekAsync()
    {
        await (await LoginPage.OpenAsync(Page)).SignInAsync(DemoLogins.DirectorBpl);
        return await CoveragePage.OpenAsync(Page, "BPL", DemoWeeks.BplSwitchMonday, "Voice");
    }

    private static string WeekLabel(DateOnly monday) =>
        $"Semaine du {monday.ToString("D", French)} au {monday.AddDays(6).ToString("D", French)}";

    private static Regex AddressEndingWith(string path) => new(Regex.Escape(path) + "$");

    [Fact]
    public async Task The_director_of_BPL_opens_the_week_of_the_planned_switch_and_sees_a_grid_of_half_hours()
    {
        var monday = DemoWeeks.BplSwitchMonday;

        var coverage = await OpenSwitchWeekAsync();

        await Expect(coverage.Heading).ToHaveTextAsync("Couverture · BPL · Bretagne-Pays de la Loire");
        await Expect(coverage.Week).ToHaveTextAsync(WeekLabel(monday));
        await Expect(coverage.Cells).Not.ToHaveCountAsync(0);
        await Expect(coverage.Cell(monday, Ten)).ToHaveTextAsync(SupplyOverRequired());
        await Expect(coverage.Cell(monday, Ten)).ToHaveAttributeAsync("data-status", DemandStatus());
        await Expect(coverage.Summary("required-hours")).ToHaveTextAsync(StartsWithFigure("Heures requises"));
        await Expect(coverage.Summary("covered-share")).ToHaveTextAsync(StartsWithFigure("Heures couvertes"));
        await Expect(coverage.Detail).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_next_week_button_moves_the_address_and_the_week_seven_days_on()
    {
        var next = DemoWeeks.BplSwitchMonday.AddDays(7);
        var coverage = await OpenSwitchWeekAsync();

        await coverage.NextWeek.ClickAsync();

        await Expect(Page).ToHaveURLAsync(AddressEndingWith(CoveragePage.PathOf("BPL", next, "Voice")));
        await Expect(coverage.Week).ToHaveTextAsync(WeekLabel(next));
        await Expect(coverage.Cell(next, Ten)).ToHaveTextAsync(SupplyOverRequired());
    }

    [Fact]
    public async Task The_previous_week_button_moves_the_address_and_the_week_seven_days_back()
    {
        var previous = DemoWeeks.BplSwitchMonday.AddDays(-7);
        var coverage = await OpenSwitchWeekAsync();

        await coverage.PreviousWeek.ClickAsync();

        await Expect(Page).ToHaveURLAsync(AddressEndingWith(CoveragePage.PathOf("BPL", previous, "Voice")));
        await Expect(coverage.Week).ToHaveTextAsync(WeekLabel(previous));
    }

    [Fact]
    public async Task Choosing_the_chat_channel_puts_it_in_the_address_and_keeps_the_week()
    {
        var monday = DemoWeeks.BplSwitchMonday;
        var coverage = await OpenSwitchWeekAsync();

        await coverage.ChooseChannelAsync("Chat");

        await Expect(Page).ToHaveURLAsync(AddressEndingWith(CoveragePage.PathOf("BPL", monday, "Chat")));
        await Expect(coverage.Week).ToHaveTextAsync(WeekLabel(monday));
        await Expect(coverage.Cells).Not.ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Clicking_a_weekday_at_ten_shows_the_contacts_and_the_service_level_of_that_half_hour()
    {
        var next = DemoWeeks.BplSwitchMonday.AddDays(7);
        var tuesday = next.AddDays(1);
        var coverage = await OpenSwitchWeekAsync();
        await coverage.NextWeek.ClickAsync();
        await Expect(coverage.Week).ToHaveTextAsync(WeekLabel(next));
        await coverage.ChooseChannelAsync("Chat");
        await Expect(Page).ToHaveURLAsync(AddressEndingWith(CoveragePage.PathOf("BPL", next, "Chat")));

        await coverage.Cell(tuesday, Ten).ClickAsync();

        await Expect(coverage.Cell(tuesday, Ten)).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(coverage.Detail).ToBeVisibleAsync();
        await Expect(coverage.DetailValue("Contacts attendus")).ToHaveTextAsync(FrenchNumberWithOneDecimal());
        await Expect(coverage.DetailValue("Niveau de service atteint")).ToHaveTextAsync(FrenchPercentage());
        await Expect(coverage.DetailValue("Effectif requis")).ToHaveTextAsync(WholeNumber());
        await Page.ScreenshotAsync(new() { Path = Screenshots.PathOf("coverage-bpl"), FullPage = true });
    }

    [GeneratedRegex(@"^\d+/\d+$")]
    private static partial Regex SupplyOverRequired();

    [GeneratedRegex("^(Covered|Tight|Understaffed)$")]
    private static partial Regex DemandStatus();

    [GeneratedRegex(@"^\d{1,3}([\u202F\u00A0 ]\d{3})*,\d$")]
    private static partial Regex FrenchNumberWithOneDecimal();

    [GeneratedRegex(@"^\d{1,3},\d[\u202F\u00A0 ]%$")]
    private static partial Regex FrenchPercentage();

    [GeneratedRegex(@"^\d+$")]
    private static partial Regex WholeNumber();

    private static Regex StartsWithFigure(string label) => new($"^{Regex.Escape(label)}\\s*:\\s*\\d");
}
