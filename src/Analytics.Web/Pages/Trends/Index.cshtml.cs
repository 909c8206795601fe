using Analytics.Core.Events;
using Analytics.Data;
using Analytics.Reporting.Charts;
using Analytics.Reporting.Snapshots;
using Analytics.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Analytics.Web.Pages.Trends;

/// <summary>Trender: the key figures quarter over quarter, from the first quarter with events to the latest, each chart with its table.</summary>
public sealed class IndexModel(AnalyticsDbContext db, ReportReader reports, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    /// <summary>Three years: enough for a steering group, and a chart that still reads.</summary>
    public const int MostQuarters = 12;

    public IReadOnlyList<QuarterReport> Trend { get; private set; } = [];
    public Quarter Current { get; private set; }
    public PageCharts Charts { get; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnGetPngAsync(string? diagram, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Charts.Png(diagram);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Current = Quarter.Containing(clock.GetUtcNow().UtcDateTime);
        if (await ReportPeriod.SpanAsync(db, cancellationToken) is not { } range) return;
        var (first, last) = range;
        var span = 0;
        for (var q = first; q.CompareTo(last) < 0 && span < MostQuarters - 1; q = q.Next) span++;
        Trend = await reports.ReadTrendAsync(last, span, cancellationToken);

        var culture = System.Globalization.CultureInfo.CurrentCulture;
        foreach (var group in TrendGroup.All)
            Charts.Add(group.Id, () => TrendChart.Of(Trend, [.. group.Figures.Select(f => f.Line(localizer[f.Name]))], localizer[group.Title],
                group.Figures[0].Format, culture, QuarterNames.Short));
    }
}
