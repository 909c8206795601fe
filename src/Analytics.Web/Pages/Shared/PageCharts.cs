using Analytics.Reporting.Charts;
using Microsoft.AspNetCore.Mvc;

namespace Analytics.Web.Pages.Shared;

/// <summary>
/// The charts of one page by id, each drawn when first asked for: the page draws them all as SVG, and its Png handler
/// draws only the one asked for, from the same figures.
/// </summary>
public sealed class PageCharts
{
    private readonly Dictionary<string, Lazy<Chart?>> _charts = new(StringComparer.Ordinal);

    public void Add(string id, Func<Chart?> draw) => _charts[id] = new Lazy<Chart?>(draw);

    public ChartView? this[string id] => _charts.TryGetValue(id, out var chart) && chart.Value is { } drawn ? new ChartView(id, drawn) : null;

    public IActionResult Png(string? id) =>
        id is not null && this[id] is { } view
            ? new FileContentResult(view.Chart.Png(), "image/png") { FileDownloadName = $"{id}.png" }
            : new NotFoundResult();
}
