using Portal.Domain.Assignments;
using Portal.Services.Roster;

namespace Portal.Web.Components.Pages.Roster.Components;

public enum RosterChangeKind
{
    Added = 0,
    Moved = 1,
    Removed = 2,
}

/// <summary>One line of an advisor's changes: a shift added (To), removed (From), or moved from one to the other on the same day.</summary>
public sealed record RosterChangeLine(RosterChangeKind Kind, Shift? From, Shift? To);

public static class RosterChangeLines
{
    /// <summary>The advisor's changes day by day; a day that loses one shift and gains one reads as a move.</summary>
    public static IReadOnlyList<RosterChangeLine> Of(RosterAdvisorChanges changes)
    {
        var lines = new List<RosterChangeLine>();
        foreach (var day in changes.Added.Select(s => s.Date).Concat(changes.Removed.Select(s => s.Date)).Distinct().Order())
        {
            var added = changes.Added.Where(s => s.Date == day).OrderBy(s => s.Start).ToList();
            var removed = changes.Removed.Where(s => s.Date == day).OrderBy(s => s.Start).ToList();
            var moved = Math.Min(added.Count, removed.Count);
            lines.AddRange(Enumerable.Range(0, moved).Select(i => new RosterChangeLine(RosterChangeKind.Moved, removed[i], added[i])));
            lines.AddRange(added.Skip(moved).Select(s => new RosterChangeLine(RosterChangeKind.Added, null, s)));
            lines.AddRange(removed.Skip(moved).Select(s => new RosterChangeLine(RosterChangeKind.Removed, s, null)));
        }
        return lines;
    }
}
