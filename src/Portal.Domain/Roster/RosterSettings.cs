namespace Portal.Domain.Roster;

/// <summary>
/// How rosters are proposed (configuration section <c>Roster</c>): the shift patterns per channel code, the solver's
/// time limit, and the weights that put the objective's terms in the order of the specification.
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
/// The objective's weights. A half hour left uncovered costs more than a ten-hour shift's worth of over-coverage (21
/// half hours), an over-covered half hour more than a change, a change more than one step of unfairness: so each term
/// of the specification's order dominates the next one shift at a time.
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
