using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Portal.Domain.Assignments;
using Portal.Domain.Regions;
using Portal.Domain.Roster;
using Portal.Services.Assignments;
using Portal.Services.Regions;
using Portal.Services.Roster;
using Portal.Web.Components.Pages.Roster.Components;

namespace Portal.Components.Tests.Roster;

/// <summary>
/// The roster dialog: the chosen channels and limit are asked for, the progress shows and the stop reaches the solver,
/// the draft reads before against after with each advisor's changes, a kept shift is pinned in the next proposal, and
/// accepting sends the advisors not yet accepted.
/// </summary>
public sealed class RosterDialogTests : PortalComponentTest
{
    private static readonly DateOnly Monday = new(2026, 12, 7);
    private static readonly RegionSummary Bpl = new(2, "BPL", "Bretagne-Pays de la Loire", 1, RegionStatus.Preparing, new DateOnly(2026, 12, 21), null);

    private readonly List<RosterQuery> asked = [];
    private readonly List<string> applied = [];
    private TaskCompletionSource<RosterProposal?> answer = new();
    private CancellationToken token;

    private static Shift Shift(int id, int advisor, int day, int from, int to) => new()
    {
        Id = id, Version = 1, AdvisorId = advisor, ChannelId = 1, Date = Monday.AddDays(day), Start = new TimeOnly(from, 0), End = new TimeOnly(to, 0),
    };

    private static RosterProposal Proposal() => new(Bpl, Monday, false, ["Voice"],
        new RosterDraft([], [], [], new RosterFigures(40, 30.5, 2), new RosterFigures(4, 0, 12.5), new RosterFigures(6, 1, 14), LowerBound: 3, LowerBoundCore: 1.5, RosterSolveStatus.Feasible, 2.1),
        [
            new RosterAdvisorChanges(11, "E000011", "Léa Martin", [Shift(0, 11, 0, 8, 12), Shift(0, 11, 1, 12, 16)], [Shift(501, 11, 1, 8, 12)]),
            new RosterAdvisorChanges(12, "E000012", "Hugo Bernard", [], [Shift(502, 12, 2, 8, 12)]),
        ]);

    private async Task<(IRenderedComponent<MudDialogProvider> Provider, IDialogReference Dialog)> OpenAsync()
    {
        var provider = Render<MudDialogProvider>();
        Render<MudPopoverProvider>();
        var parameters = new DialogParameters<RosterDialog>
        {
            { x => x.Channels, new[] { "Voice", "Email" } },
            { x => x.Seconds, 30 },
            { x => x.Query, new RosterQuery("BPL", Monday) },
            { x => x.Propose, (query, progress, cancel) =>
                {
                    asked.Add(query);
                    token = cancel;
                    progress.Report(0.5);
                    return answer.Task;
                } },
            { x => x.Apply, (_, advisors) =>
                {
                    applied.Add(string.Join(",", advisors.Order()));
                    return Task.FromResult(PlanningResult.Saved([Monday]));
                } },
        };
        var dialogs = Services.GetRequiredService<IDialogService>();
        IDialogReference? dialog = null;
        await provider.InvokeAsync(async () => dialog = await dialogs.ShowAsync<RosterDialog>("Proposer un planning", parameters));
        provider.WaitForElement("[data-testid=roster-propose]");
        return (provider, dialog!);
    }

    private async Task<IRenderedComponent<MudDialogProvider>> ProposedAsync()
    {
        var (provider, _) = await OpenAsync();
        provider.Find("[data-testid=roster-propose]").Click();
        provider.WaitForElement("[data-testid=roster-running]");
        await provider.InvokeAsync(() => answer.SetResult(Proposal()));
        provider.WaitForElement("[data-testid=roster-figures]");
        return provider;
    }

    private static string Text(IRenderedComponent<MudDialogProvider> provider, string selector) =>
        provider.Find(selector).TextContent.Replace('\u00a0', ' ').Replace('\u202f', ' ').Trim();

    [Fact]
    public async Task The_progress_shows_while_solving_and_stopping_cancels_the_solver()
    {
        var (provider, _) = await OpenAsync();
        provider.Find("input[data-roster-channel=Email], [data-roster-channel=Email] input").Change(false);
        provider.Find("input[data-testid=roster-seconds]").Change("5");

        provider.Find("[data-testid=roster-propose]").Click();

        provider.WaitForElement("[data-testid=roster-running]");
        Assert.Equal((string[])["Voice"], asked.Single().Channels);
        Assert.Equal(5, asked.Single().Seconds);
        Assert.False(token.IsCancellationRequested);
        provider.Find("[data-testid=roster-stop]").Click();
        Assert.True(token.IsCancellationRequested);
        await provider.InvokeAsync(() => answer.SetCanceled());
        provider.WaitForAssertion(() => Assert.Contains("Calcul arrêté", Text(provider, "[data-testid=roster-message]"), StringComparison.Ordinal));
        Assert.Empty(provider.FindAll("[data-testid=roster-running]"));
    }

    [Fact]
    public async Task The_draft_shows_coverage_before_and_after_with_each_row_s_own_bound_and_each_advisor_s_added_moved_and_removed_shifts()
    {
        var provider = await ProposedAsync();

        Assert.Equal("30,5 h", Text(provider, "[data-figure=core] [data-value=before]"));
        Assert.Equal("0 h", Text(provider, "[data-figure=core] [data-value=after]"));
        Assert.Equal("4 h", Text(provider, "[data-figure=all] [data-value=after]"));
        Assert.Equal("1,5 h", Text(provider, "[data-figure=core] [data-value=bound]"));
        Assert.Equal("3 h", Text(provider, "[data-figure=all] [data-value=bound]"));
        var lea = provider.Find("[data-roster-advisor=E000011]");
        Assert.Equal(["Added", "Moved"], lea.QuerySelectorAll("[data-change]").Select(l => l.GetAttribute("data-change")));
        var moved = lea.QuerySelector("[data-change=Moved]")!.TextContent;
        Assert.Matches("mar\\. 8 déc\\. 08:00–12:00.*→.*12:00–16:00", moved);
        Assert.Contains("Retirée", Text(provider, "[data-roster-advisor=E000012] [data-change=Removed]"), StringComparison.Ordinal);
        Assert.Contains("(2)", Text(provider, "[data-testid=roster-accept-all]"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_kept_shift_is_pinned_in_the_next_proposal()
    {
        var provider = await ProposedAsync();
        answer = new TaskCompletionSource<RosterProposal?>();

        provider.Find("[data-roster-advisor=E000012] [data-testid=roster-keep]").Click();
        Assert.Contains("1 vacation(s) épinglée(s)", Text(provider, "[data-testid=roster-pins]"), StringComparison.Ordinal);
        provider.Find("[data-testid=roster-propose]").Click();

        provider.WaitForAssertion(() => Assert.Equal(2, asked.Count));
        Assert.Equal([502], asked[1].PinnedShiftIds!);
    }

    [Fact]
    public async Task Accepting_one_advisor_then_all_sends_only_those_not_yet_accepted_and_closes()
    {
        var (provider, dialog) = await OpenAsync();
        provider.Find("[data-testid=roster-propose]").Click();
        await provider.InvokeAsync(() => answer.SetResult(Proposal()));
        provider.WaitForElement("[data-testid=roster-figures]");

        provider.Find("[data-roster-advisor=E000012] [data-testid=roster-accept]").Click();
        provider.WaitForElement("[data-roster-advisor=E000012] [data-testid=roster-accepted]");
        provider.Find("[data-testid=roster-accept-all]").Click();

        var result = await dialog.Result;
        Assert.Equal(["12", "11"], applied);
        Assert.False(result!.Canceled);
        Assert.Equal(2, result.Data);
    }
}
