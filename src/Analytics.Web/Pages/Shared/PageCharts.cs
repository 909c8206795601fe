using System.Globalization;
using Analytics.Reporting.Charts;
using Microsoft.AspNetCore.Mvc;

namespace Analytics.Web.Pages.Shared;

/// <summary>
/// The charts of one page by id, each drawn when first asked for: the page draws them all as SVG, and its Png handler
/// draws only the one asked for, from the same figures. Given a <see cref="ChartCache"/> and a key naming the revisions
/// of the snapshot rows the charts are drawn from (<see cref="Key"/>), a chart drawn once is taken from the cache until
/// one of those rows is written again.
/// </summary>
public sealed class PageCharts
{
    private readonly Dictionary<string, Lazy<Chart?>> _charts = new(StringComparer.Ordinal);
    private ChartCache? _cache;
    private string? _key;

    /// <summary>
    /// Keeps the charts added from now on in <paramref name="cache"/> under <paramref name="key"/> (from <see cref="Key"/>;
    /// null: drawn on every request). The charts must be drawn only from the reports whose revisions the key names.
    /// </summary>
    public PageCharts CachedIn(ChartCache cache, string? key)
    {
        (_cache, _key) = (cache, key);
        return this;
    }

    public void Add(string id, Func<Chart?> draw)
    {
        // The chart's words and numbers are in the reader's language, so the language is part of its key.
        var key = _key is null ? null : $"{_key} {id} {CultureInfo.CurrentCulture.Name} {CultureInfo.CurrentUICulture.Name}";
        var cache = _cache;
        _charts[id] = new Lazy<Chart?>(cache is null || key is null ? draw : () => cache.GetOrDraw(key, draw));
    }

    public ChartView? this[string id] => _charts.TryGetValue(id, out var chart) && chart.Value is { } drawn ? new ChartView(id, drawn) : null;

    public IActionResult Png(string? id) =>
        id is not null && this[id] is { } view
            ? new FileContentResult(view.Chart.Png(), "image/png") { FileDownloadName = $"{id}.png" }
            : new NotFoundResult();

    /// <summary>
    /// The cache key of a page's charts: the page, what else its charts depend on, and the revisions of the rows they are
    /// drawn from; null (not cached) when a revision is unknown.
    /// </summary>
    public static string? Key(string page, IEnumerable<Guid> revisions)
    {
        var all = revisions.ToList();
        return all.Count == 0 || all.Contains(Guid.Empty) ? null : $"{page} {string.Join(",", all)}";
    }
}
