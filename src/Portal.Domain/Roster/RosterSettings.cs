namespace Portal.Domain.Roster;

/// <summary>
/// How rosters are proposed (configuration section <c>Roster</c>): the shift patterns per channel code, the solver's
/// time limit and the model size above which a week is solved piece by piece.
/// </summary>
public sealed class RosterSettings
{
    public const string Section = "Roster";

    /// <summary>Shift patterns per channel code; a channel not named uses <see cref="ShiftPattern.Defaults"/>.</summary>
    public Dictionary<string, List<ShiftPattern>> Patterns { get; set; } = [];

    public int TimeLimitSeconds { get; set; } = 30;

    /// <summary>Above this many candidate shifts the week is solved team by team (by site), each improving the whole.</summary>
    public int MaxCandidatesPerModel { get; set; } = 60_000;

    public IReadOnlyList<ShiftPattern> PatternsFor(string channelCode) =>
        Patterns.TryGetValue(channelCode, out var patterns) && patterns.Count > 0 ? patterns : ShiftPattern.Defaults;
}

/// <summary>
/// The greedy construction's weights, which rank one shift's effect at a time: a half hour left uncovered costs more
/// than a ten-hour shift's worth of over-coverage (21 half hours), an over-covered half hour more than a change, a
/// change more than one step of unfairness. The solver does not weigh: it solves the levels in order
/// (<see cref="RosterCost"/>), and the weights of the gap only rank the other gaps among themselves there.
/// </summary>
internal static class RosterWeights
{
    public const int UncoveredCore = 10_000;
    public const int UncoveredEveningOrWeekend = 5_000;
    public const int UncoveredNight = 2_500;
    public const int OverCovered = 100;
    public const int Change = 10;
    public const int Unfairness = 1;
}
