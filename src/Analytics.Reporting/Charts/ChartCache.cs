using Microsoft.Extensions.Caching.Memory;

namespace Analytics.Reporting.Charts;

/// <summary>
/// Drawn charts by what they were drawn from, one per process. A page's charts are a pure function of its protected
/// reports and the reader's language, yet drawing them with ScottPlot is most of what a page costs (about a dozen charts,
/// 100 ms of CPU on the overview). The caller's key names the snapshot rows' revisions
/// (<see cref="Analytics.Core.Reports.ReportSnapshot.Revision"/>), which every write makes new and every request reads
/// from the database, so a recompute on any server is drawn anew on the next request: a chart from an older revision
/// is never found, only left to expire.
/// </summary>
public sealed class ChartCache : IDisposable
{
    // Sizes in kilobytes, about what a chart and its rendered SVG hold: at most about 100 MB of charts.
    private const long Budget = 100_000;

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = Budget });

    /// <summary>The chart kept under the key, or the one <paramref name="draw"/> makes (null: nothing to draw), kept.</summary>
    public Chart? GetOrDraw(string key, Func<Chart?> draw)
    {
        if (_cache.TryGetValue(key, out Drawn? drawn) && drawn is not null) return drawn.Chart;
        // Two requests that miss at once may both draw; the charts are equal, and that is cheaper than making one wait.
        var chart = draw();
        _cache.Set(key, new Drawn(chart), new MemoryCacheEntryOptions
        {
            // A chart holds its plot and, once rendered, its SVG (a sparkline a few KB, a breakdown or a network tens of KB):
            // counted as 64 KB each, more for a long description (a network's), so the budget holds about 1,500 charts.
            Size = 64 + (chart?.Description.Length ?? 0) / 64,
            SlidingExpiration = TimeSpan.FromMinutes(30),
        });
        return chart;
    }

    public void Dispose() => _cache.Dispose();

    /// <summary>A cached drawing, which may be "nothing to draw".</summary>
    private sealed record Drawn(Chart? Chart);
}
