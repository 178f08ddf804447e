using System.Collections.Concurrent;
using HdrHistogram;

namespace Portal.LoadHarness;

/// <summary>The run's counts and the interaction latency (dispatch to the next render batch), thread-safe.</summary>
internal sealed class Stats
{
    private readonly LongConcurrentHistogram latency = new(1, TimeStamp.Minutes(5), 3);
    private readonly ConcurrentQueue<string> samples = new();
    private int errors;
    private int dropped;
    private int noTarget;
    private long interactions;

    public int Errors => errors + dropped;

    public int DroppedCircuits => dropped;

    public int NoTargets => noTarget;

    public long Interactions => Interlocked.Read(ref interactions);

    public IEnumerable<string> Samples => samples;

    public void Interaction(TimeSpan elapsed)
    {
        latency.RecordValue(Math.Max(1, elapsed.Ticks / TimeSpan.TicksPerMillisecond * 1000 + elapsed.Ticks % TimeSpan.TicksPerMillisecond / 10));
        Interlocked.Increment(ref interactions);
    }

    public void Error(string what)
    {
        Interlocked.Increment(ref errors);
        Keep(what);
    }

    public void Dropped(string what)
    {
        Interlocked.Increment(ref dropped);
        Keep($"circuit dropped: {what}");
    }

    /// <summary>A click with nothing to click; the first one's page (its clickable elements) is kept for the report.</summary>
    public void NoTarget(Func<string>? describe)
    {
        if (Interlocked.Increment(ref noTarget) == 1 && describe?.Invoke() is { } page)
        {
            Keep($"no target, the page's clickable elements: {page[..Math.Min(3000, page.Length)]}");
        }
    }

    private void Keep(string what)
    {
        if (samples.Count < 15)
        {
            samples.Enqueue(what);
        }
    }

    /// <summary>A percentile in milliseconds (the histogram holds microseconds).</summary>
    public double Percentile(double p) => latency.TotalCount == 0 ? double.NaN : latency.GetValueAtPercentile(p) / 1000.0;

    /// <summary>The hold starts afresh: the ramp's clicks, errors and missing targets are not the steady state's.</summary>
    public void Reset()
    {
        latency.Reset();
        Interlocked.Exchange(ref interactions, 0);
        Interlocked.Exchange(ref noTarget, 0);
    }
}
