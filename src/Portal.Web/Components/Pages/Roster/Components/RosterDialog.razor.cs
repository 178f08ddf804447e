using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Portal.Services;
using Portal.Services.Assignments;
using Portal.Services.Roster;

namespace Portal.Web.Components.Pages.Roster.Components;

public sealed partial class RosterDialog : IDisposable
{
    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = default!;

    [Inject]
    private IStringLocalizer<SharedResource> Strings { get; set; } = default!;

    /// <summary>The codes of the channels the region may plan, all chosen at first.</summary>
    [Parameter, EditorRequired]
    public IReadOnlyList<string> Channels { get; set; } = [];

    [Parameter]
    public int Seconds { get; set; } = 30;

    /// <summary>Proposes for the chosen channels and time limit, keeping the pinned shifts; null when the region or a channel is unknown.</summary>
    [Parameter, EditorRequired]
    public Func<RosterQuery, IProgress<double>, CancellationToken, Task<RosterProposal?>> Propose { get; set; } = default!;

    /// <summary>Saves the proposal's changes for the given advisors (all or nothing, rules checked again, audited).</summary>
    [Parameter, EditorRequired]
    public Func<RosterProposal, IReadOnlyCollection<int>, Task<PlanningResult>> Apply { get; set; } = default!;

    /// <summary>The region and week the proposal is for; the channels and seconds come from the form.</summary>
    [Parameter, EditorRequired]
    public RosterQuery Query { get; set; } = default!;

    private readonly HashSet<string> chosen = [];
    private readonly HashSet<int> pinned = [];
    private readonly HashSet<int> accepted = [];
    private RosterProposal? proposal;
    private CancellationTokenSource? stop;
    private int seconds;
    private double progress;
    private bool running;
    private bool busy;
    private string? message;

    private List<int> Remaining => proposal is null ? [] : [.. proposal.Changes.Select(c => c.AdvisorId).Where(id => !accepted.Contains(id))];

    protected override void OnInitialized()
    {
        chosen.UnionWith(Channels);
        seconds = Seconds;
    }

    private void Choose(string code, bool on)
    {
        if (on)
        {
            chosen.Add(code);
        }
        else
        {
            chosen.Remove(code);
        }
    }

    private void Keep(int shiftId) => pinned.Add(shiftId);

    private async Task ProposeAsync()
    {
        (running, progress, message) = (true, 0, null);
        accepted.Clear();
        stop = new CancellationTokenSource();
        var query = Query with { Channels = [.. Channels.Where(chosen.Contains)], Seconds = seconds, PinnedShiftIds = [.. pinned] };
        var report = new ProgressReport(value => InvokeAsync(() =>
        {
            progress = value;
            StateHasChanged();
        }));
        try
        {
            // The service solves on the thread pool: the circuit stays free to draw the progress and take the stop.
            proposal = await Propose(query, report, stop.Token);
            message = proposal is null ? Strings["Roster_NotFound"].Value
                : proposal.Draft.Status == Portal.Domain.Roster.RosterSolveStatus.Cancelled ? Strings["Roster_Stopped"].Value : null;
        }
        catch (OperationCanceledException)
        {
            message = Strings["Roster_Stopped"];
        }
        finally
        {
            running = false;
            stop.Dispose();
            stop = null;
        }
    }

    private void Stop() => stop?.Cancel();

    private async Task AcceptAsync(int? advisorId)
    {
        if (proposal is null)
        {
            return;
        }
        busy = true;
        IReadOnlyCollection<int> advisors = advisorId is { } one ? [one] : Remaining;
        var result = await Apply(proposal, advisors);
        busy = false;
        switch (result.Outcome)
        {
            case SaveOutcome.Saved:
                accepted.UnionWith(advisors);
                message = null;
                if (Remaining.Count == 0)
                {
                    Dialog.Close(DialogResult.Ok(accepted.Count));
                }
                break;
            case SaveOutcome.Conflict:
                message = Strings["Roster_Conflict"];
                break;
            case SaveOutcome.NotFound:
                message = Strings["Roster_NotFound"];
                break;
            default:
                message = string.Join(" ", result.Messages.Concat(result.Errors.Values.Select(key => Messages.Format(key))).Take(5));
                break;
        }
    }

    private void Discard()
    {
        stop?.Cancel();
        if (accepted.Count > 0)
        {
            Dialog.Close(DialogResult.Ok(accepted.Count));
        }
        else
        {
            Dialog.Cancel();
        }
    }

    public void Dispose()
    {
        stop?.Cancel();
        GC.SuppressFinalize(this);
    }

    private sealed class ProgressReport(Func<double, Task> onReport) : IProgress<double>
    {
        public void Report(double value) => _ = onReport(value);
    }
}
