using Portal.Domain.Time;

namespace Portal.Domain.Coverage;

/// <summary>
/// How a set of intervals is covered, in the bands a planner reads: below 70%, 70–85%, 85–100%, 100–130% and above
/// 130% (lower bound included). 85–130% is the band a well-planned week keeps its core half hours in.
/// </summary>
public sealed record CoverageBands(int Total, int Below70, int From70To85, int From85To100, int From100To130, int Above130, int Unstaffable)
{
    /// <summary>The share of the intervals covered 85% to 130%; 0 when there is none.</summary>
    public double InBand => Total == 0 ? 0 : (From85To100 + From100To130) / (double)Total;

    /// <summary>The bands of the core intervals (Monday to Friday 08:00–20:00, not a public holiday) among the given days.</summary>
    public static CoverageBands OfCore(IEnumerable<CoverageDay> days) => Of(days.SelectMany(d => d.Cells).Where(c => c.Slot == SlotClass.Core));

    public static CoverageBands Of(IEnumerable<CoverageCell> cells)
    {
        int total = 0, below70 = 0, below85 = 0, below100 = 0, upTo130 = 0, above = 0, unstaffable = 0;
        foreach (var cell in cells)
        {
            total++;
            var coverage = cell.Coverage;
            if (cell.Unstaffable)
            {
                unstaffable++;
            }
            else if (coverage < 0.70)
            {
                below70++;
            }
            else if (coverage < 0.85)
            {
                below85++;
            }
            else if (coverage < 1.0)
            {
                below100++;
            }
            else if (coverage <= 1.30)
            {
                upTo130++;
            }
            else
            {
                above++;
            }
        }
        return new CoverageBands(total, below70, below85, below100, upTo130, above, unstaffable);
    }
}
