using Analytics.Core.Disclosure;
using Analytics.Core.Events;
using Analytics.Core.Reports;
using Analytics.Core.Taxonomies;
using Analytics.Data;
using Analytics.Reporting.Charts;
using Analytics.Reporting.Snapshots;
using Analytics.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Analytics.Web.Pages;

/// <summary>
/// Översikt: the latest quarter with held events (or the one asked for in ?kvartal=2026Q2), its key figures each
/// against the quarters before it, who came, and the speakers' mix beside the audience's.
/// </summary>
public sealed class IndexModel(AnalyticsDbContext db, ReportReader reports, TimeProvider clock, IStringLocalizer<SharedResource> localizer,
    CategoryNames names, ChartCache chartCache) : PageModel
{
    /// <summary>How many quarters before the shown one its key figures are set against.</summary>
    public const int PreviousQuarters = 4;

    public Quarter? Quarter { get; private set; }
    public IReadOnlyList<Quarter> Quarters { get; private set; } = [];
    public PublishedReport? Report { get; private set; }
    public IReadOnlyList<QuarterReport> Trend { get; private set; } = [];
    public IReadOnlyList<EventSummary> Events { get; private set; } = [];

    /// <summary>
    /// How many of the quarter's events the overview lists, the newest. At a million participations a quarter has 1,700
    /// events: listed whole they made the page 1.2 MB and most of its cost. The events page lists them all.
    /// </summary>
    public const int EventsListed = 25;

    /// <summary>How many events the quarter has in all.</summary>
    public int EventCount { get; private set; }
    public PageCharts Charts { get; } = new();

    /// <summary>The quarter before the shown one, when it has a report.</summary>
    public QuarterReport? Previous => Trend.Count > 1 && Trend[^1].Quarter == Quarter ? Trend[^2] : null;

    public async Task OnGetAsync(string? kvartal, CancellationToken cancellationToken)
    {
        await LoadAsync(kvartal, cancellationToken);
        if (Quarter is { } quarter)
        {
            var filter = new EventFilter(quarter);
            Events = await EventSummary.ListAsync(db, reports, filter, clock.GetUtcNow().UtcDateTime, cancellationToken, take: EventsListed);
            EventCount = Events.Count < EventsListed ? Events.Count : await filter.Apply(db.Events).CountAsync(cancellationToken);
        }
    }

    public async Task<IActionResult> OnGetPngAsync(string? kvartal, string? diagram, CancellationToken cancellationToken)
    {
        await LoadAsync(kvartal, cancellationToken);
        return Charts.Png(diagram);
    }

    private async Task LoadAsync(string? kvartal, CancellationToken cancellationToken)
    {
        // The same choice as the other period pages; the overview always shows one quarter, so "alla" means the default.
        var asked = string.Equals(kvartal, ReportPeriod.AllTimeKey, StringComparison.OrdinalIgnoreCase) ? null : kvartal;
        var period = await ReportPeriod.ChooseAsync(db, asked, clock.GetUtcNow().UtcDateTime, cancellationToken);
        Quarters = period?.Quarters ?? [];
        Quarter = period?.Quarter;
        if (Quarter is not { } quarter) return;

        Report = await reports.ReadAsync(ReportScope.ForQuarter(quarter), cancellationToken);
        Trend = await reports.ReadTrendAsync(quarter, PreviousQuarters, cancellationToken);
        if (Report?.Report is not { } report) return;

        // Drawn from the quarter's report and the trend's, so kept by their revisions (see ChartCache).
        Charts.CachedIn(chartCache, PageCharts.Key("overview", [Report.Revision, .. Trend.Select(q => q.Revision)]));
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        foreach (var figure in KeyFigure.All)
            Charts.Add($"trend-{figure.Id}", () => Sparkline.Of(Trend, figure.Line(localizer[figure.Name]),
                localizer["{0} per kvartal", localizer[figure.Name]], figure.Format, culture, QuarterNames.Short));
        foreach (var dimension in Mix)
        {
            var code = dimension.Code();
            Charts.Add(code, () => report.Dimension(code) is { Withheld: false, Cells.Count: > 0 } breakdown
                ? BreakdownChart.Of(breakdown, CategoryNames.DimensionName(code), localizer["Antal personer"], culture, names.For(code))
                : null);
            Charts.Add($"talare-{code}", () => ComparisonCharts.SpeakersAndAudience(report, code, localizer, names));
        }
    }

    /// <summary>The dimensions the overview breaks down, and compares speakers with the audience in.</summary>
    public static readonly IReadOnlyList<Dimension> Mix = [Dimension.Sector, Dimension.Profession];
}
