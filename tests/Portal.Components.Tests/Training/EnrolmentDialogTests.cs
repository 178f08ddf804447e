using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Portal.Domain.Training;
using Portal.Services.Training;
using Portal.Web.Components.Pages.Training.Components;

namespace Portal.Components.Tests.Training;

/// <summary>The enrolment dialog: reasons shown beside the names and not selectable, the ticked ones sent, refusals listed.</summary>
public sealed class EnrolmentDialogTests : PortalComponentTest
{
    private static readonly EnrolmentCandidate Free = new(1, "E100001", "Martin", "Léa", 10, "Rennes", null);
    private static readonly EnrolmentCandidate AlsoFree = new(2, "E100002", "Bernard", "Hugo", 11, "Nantes", null);
    private static readonly EnrolmentCandidate SameDay = new(3, "E100003", "Petit", "Zoé", 10, "Rennes", EnrolmentRefusal.SameDay);

    private static readonly TrainingSaveResult Saved = new(TrainingOutcome.Saved, new Dictionary<string, string>(), 7, [], []);

    private readonly List<string> sent = [];
    private readonly List<string> searches = [];
    private readonly Queue<TrainingSaveResult> answers = new();

    private async Task<(IRenderedComponent<MudDialogProvider> Provider, IDialogReference Dialog)> OpenAsync()
    {
        var provider = Render<MudDialogProvider>();
        Render<MudPopoverProvider>();
        var parameters = new DialogParameters<EnrolmentDialog>
        {
            { x => x.Search, text =>
                {
                    searches.Add(text);
                    IReadOnlyList<EnrolmentCandidate> found = [.. new[] { Free, AlsoFree, SameDay }.Where(c => c.LastName.Contains(text, StringComparison.OrdinalIgnoreCase))];
                    return Task.FromResult(found);
                } },
            { x => x.Enrol, (ids, confirmed) =>
                {
                    sent.Add($"{string.Join(",", ids)}{(confirmed ? " confirmed" : "")}");
                    return Task.FromResult(answers.Count > 0 ? answers.Dequeue() : Saved);
                } },
        };
        var dialogs = Services.GetRequiredService<IDialogService>();
        IDialogReference? dialog = null;
        await provider.InvokeAsync(async () => dialog = await dialogs.ShowAsync<EnrolmentDialog>("Inscrire des conseillers", parameters));
        provider.WaitForElement("[data-candidate]");
        return (provider, dialog!);
    }

    private static AngleSharp.Dom.IElement Row(IRenderedComponent<MudDialogProvider> provider, string number) =>
        provider.Find($"[data-candidate='{number}']");

    private static void Tick(IRenderedComponent<MudDialogProvider> provider, string number) =>
        Row(provider, number).QuerySelector("input[type=checkbox]")!.Change(true);

    [Fact]
    public async Task An_advisor_who_cannot_be_enrolled_shows_the_reason_beside_the_name_and_cannot_be_ticked()
    {
        var (provider, _) = await OpenAsync();

        var blocked = Row(provider, "E100003");

        Assert.Contains("Petit Zoé (E100003) · Rennes", blocked.TextContent, StringComparison.Ordinal);
        Assert.Equal("Déjà en formation l'un de ces jours", blocked.QuerySelector("[data-testid=reason]")!.TextContent.Trim());
        Assert.True(blocked.QuerySelector("input[type=checkbox]")!.HasAttribute("disabled"));
        Assert.Null(Row(provider, "E100001").QuerySelector("[data-testid=reason]"));
        Assert.False(Row(provider, "E100001").QuerySelector("input[type=checkbox]")!.HasAttribute("disabled"));
        Assert.Contains("3 conseillers, 2 inscriptibles", provider.Find("[data-testid=candidate-count]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_ticked_advisors_are_sent_together_and_the_dialog_closes_when_all_are_enrolled()
    {
        var (provider, dialog) = await OpenAsync();
        Assert.True(provider.Find("[data-testid=enrol-chosen]").HasAttribute("disabled"));

        Tick(provider, "E100002");
        Tick(provider, "E100001");
        Assert.Contains("(2)", provider.Find("[data-testid=enrol-chosen]").TextContent, StringComparison.Ordinal);
        provider.Find("[data-testid=enrol-chosen]").Click();

        var result = await dialog.Result;
        Assert.Equal(["1,2"], sent);
        Assert.False(result!.Canceled);
        Assert.Equal(2, result.Data);
    }

    [Fact]
    public async Task Refusals_are_listed_with_name_and_reason_and_the_dialog_stays_open()
    {
        answers.Enqueue(new TrainingSaveResult(TrainingOutcome.Refused, new Dictionary<string, string>(), 7, [],
            [new AdvisorRefusal(2, "E100002", "Bernard Hugo", EnrolmentRefusal.WeekLimit)]));
        var (provider, _) = await OpenAsync();

        Tick(provider, "E100001");
        Tick(provider, "E100002");
        provider.Find("[data-testid=enrol-chosen]").Click();

        provider.WaitForAssertion(() => Assert.Contains("Personne n'est inscrit : 1 refus.", provider.Find("[data-testid=enrolment-refusals]").TextContent, StringComparison.Ordinal));
        Assert.Equal("Bernard Hugo (E100002) : Dépasserait le maximum de jours de formation par semaine", provider.Find("[data-refused='E100002']").TextContent.Trim());
        Assert.Single(provider.FindAll("[data-testid=enrolment-dialog]"));
    }

    [Fact]
    public async Task A_coverage_warning_lists_the_half_hours_and_enrols_only_once_confirmed()
    {
        answers.Enqueue(new TrainingSaveResult(TrainingOutcome.ConfirmationNeeded, new Dictionary<string, string>(), 7,
            [new CoverageDrop(new DateOnly(2026, 5, 5), new TimeOnly(9, 30), "Voice", 0.84, 0.76)], []));
        var (provider, dialog) = await OpenAsync();

        Tick(provider, "E100001");
        provider.Find("[data-testid=enrol-chosen]").Click();

        provider.WaitForAssertion(() => Assert.Contains("Téléphone", provider.Find("[data-drop='2026-05-05T09:30']").TextContent, StringComparison.Ordinal));
        Assert.Contains("84 % → 76 %", provider.Find("[data-drop='2026-05-05T09:30']").TextContent.Replace('\u00a0', ' ').Replace('\u202f', ' '), StringComparison.Ordinal);
        Assert.Equal(["1"], sent);
        provider.Find("[data-testid=confirm-coverage]").Click();

        await dialog.Result;
        Assert.Equal(["1", "1 confirmed"], sent);
    }

    [Fact]
    public async Task Typing_a_name_searches_again_and_shows_only_the_matches()
    {
        var (provider, _) = await OpenAsync();
        Assert.Equal(3, provider.FindAll("[data-candidate]").Count);

        provider.Find("input[data-testid=enrolment-search]").Input("bern");

        provider.WaitForAssertion(() => Assert.Equal(["E100002"], provider.FindAll("[data-candidate]").Select(c => c.GetAttribute("data-candidate"))), TimeSpan.FromSeconds(3));
        Assert.Equal(["", "bern"], searches);
    }
}
