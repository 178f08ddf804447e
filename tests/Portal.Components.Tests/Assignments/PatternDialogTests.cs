using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Portal.Domain.Assignments;
using Portal.Services;
using Portal.Services.Assignments;
using Portal.Web.Components.Pages.Assignments.Components;

namespace Portal.Components.Tests.Assignments;

/// <summary>The pattern dialog: a team's members ticked, the pattern sent for the ticked ones, refusals named, nothing closed until saved.</summary>
public sealed class PatternDialogTests : PortalComponentTest
{
    private static readonly DateOnly Monday = new(2027, 3, 1);
    private static readonly TeamChoice Team3 = new(4, "Plateau Rennes", "Équipe 3");
    private static readonly IReadOnlyList<Choice> Channels = [new(1, "Voice"), new(2, "Chat")];

    private static PlannerRow Member(int id, string number, string name) => new(id, number, name, "Plateau Rennes", 100, [], "Équipe 3");

    private readonly List<PatternForm> sent = [];
    private readonly Queue<PlanningResult> answers = new();

    private async Task<(IRenderedComponent<MudDialogProvider> Provider, IDialogReference Dialog)> OpenAsync()
    {
        var provider = Render<MudDialogProvider>();
        Render<MudPopoverProvider>();
        var parameters = new DialogParameters<PatternDialog>
        {
            { x => x.Teams, [Team3] }, { x => x.Channels, Channels }, { x => x.Monday, Monday }, { x => x.ChannelId, 2 }, { x => x.Team, Team3 },
            { x => x.Members, team => Task.FromResult<IReadOnlyList<PlannerRow>>(team == Team3
                ? [Member(11, "E100011", "Léa Martin"), Member(12, "E100012", "Hugo Bernard"), Member(13, "E100013", "Zoé Petit")] : []) },
            { x => x.Apply, form =>
                {
                    sent.Add(form);
                    return Task.FromResult(answers.Count > 0 ? answers.Dequeue() : PlanningResult.Saved([form.Monday]));
                } },
        };
        IDialogReference? dialog = null;
        await provider.InvokeAsync(async () => dialog = await Services.GetRequiredService<IDialogService>().ShowAsync<PatternDialog>("Modèle", parameters));
        provider.WaitForElement("[data-member]");
        return (provider, dialog!);
    }

    [Fact]
    public async Task The_team_chosen_on_opening_has_every_member_ticked_and_the_pattern_goes_to_the_ticked_ones_only()
    {
        var (provider, dialog) = await OpenAsync();
        Assert.Contains("3 conseiller(s) choisi(s) sur 3", provider.Find("[data-testid=pattern-member-count]").TextContent, StringComparison.Ordinal);

        provider.Find("[data-member='E100012'] input[type=checkbox]").Change(false);
        provider.Find("[data-day='Saturday'] input[type=checkbox], input[data-day='Saturday']").Change(true);
        provider.Find("input[data-testid=pattern-start]").Change("08:00");
        provider.Find("[data-testid=pattern-apply]").Click();

        var result = await dialog.Result;
        Assert.False(result!.Canceled);
        var form = Assert.Single(sent);
        Assert.Equal([11, 13], form.AdvisorIds);
        Assert.Equal((Monday, 2), (form.Monday, form.ChannelId));
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday], form.Days.Select(d => d.Day));
        Assert.All(form.Days, d => Assert.Equal((new TimeOnly(8, 0), new TimeOnly(17, 0), (TimeOnly?)new TimeOnly(12, 0), 60), (d.Start, d.End, d.BreakStart, d.BreakMinutes)));
    }

    [Fact]
    public async Task A_refusal_names_the_advisor_and_the_rule_and_the_dialog_stays_open_for_another_try()
    {
        answers.Enqueue(PlanningResult.Refused([new PlanningRefusal(PlanningRule.Rest, 12, "E100012", "Hugo Bernard", Monday.AddDays(3))]));
        var (provider, dialog) = await OpenAsync();

        provider.Find("[data-testid=pattern-apply]").Click();

        provider.WaitForAssertion(() => Assert.Contains("Rien n'est enregistré : 1 refus.", provider.Find("[data-testid=pattern-refusals]").TextContent, StringComparison.Ordinal));
        var refusal = provider.Find("[data-refused='E100012']").TextContent;
        Assert.Contains("Hugo Bernard (E100012)", refusal, StringComparison.Ordinal);
        Assert.Contains("moins de 11 heures de repos", refusal, StringComparison.Ordinal);
        Assert.Single(provider.FindAll("[data-testid=pattern-dialog]"));

        provider.Find("[data-member='E100012'] input[type=checkbox]").Change(false);
        provider.Find("[data-testid=pattern-apply]").Click();

        Assert.False((await dialog.Result)!.Canceled);
        Assert.Equal(["11,12,13", "11,13"], sent.Select(f => string.Join(",", f.AdvisorIds)));
    }
}
