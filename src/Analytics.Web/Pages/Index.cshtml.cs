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
    CategoryNames names, ChartCache chartCache, PageDataCache pageData) : PageModel
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

    public async Task OnGetAsync(string? kvartal, CancellationToken cancellationToken) => await LoadAsync(kvartal, cancellationToken);

    public async Task<IActionResult> OnGetPngAsync(string? kvartal, string? diagram, CancellationToken cancellationToken)
    {
        await LoadAsync(kvartal, cancellationToken);
        return Charts.Png(diagram);
    }

    private async Task LoadAsync(string? kvartal, CancellationToken cancellationToken)
    {
        // The same choice as the other period pages; the overview always shows one quarter, so "alla" (or anything that
        // names no quarter) means the default, and is kept under one key.
        var asked = Core.Events.Quarter.TryParse(kvartal, out var named) ? named.ToString() : null;
        var overview = await pageData.GetAsync(db, $"overview {asked}", () => ReadAsync(asked, cancellationToken), cancellationToken);
        (Quarter, Quarters, Report, Trend, Events, EventCount) = overview;
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

    /// <summary>
    /// Everything the overview reads from the database, held until the next event starts: that turns a planned event
    /// into a held one and may move the default quarter (see <see cref="PageDataCache"/>).
    /// </summary>
    private async Task<(Overview, DateTime?)> ReadAsync(string? asked, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var nextStart = await db.Events.Where(e => e.StartsAtUtc > now).OrderBy(e => e.StartsAtUtc)
            .Select(e => (DateTime?)e.StartsAtUtc).FirstOrDefaultAsync(cancellationToken);
        var period = await ReportPeriod.ChooseAsync(db, asked, now, cancellationToken);
        if (period?.Quarter is not { } quarter) return (new Overview(null, period?.Quarters ?? [], null, [], [], 0), nextStart);

        var report = await reports.ReadAsync(ReportScope.ForQuarter(quarter), cancellationToken);
        var trend = await reports.ReadTrendAsync(quarter, PreviousQuarters, cancellationToken);
        var filter = new EventFilter(quarter);
        var events = await EventSummary.ListAsync(db, reports, filter, now, cancellationToken, take: EventsListed);
        var count = events.Count < EventsListed ? events.Count : await filter.Apply(db.Events).CountAsync(cancellationToken);
        return (new Overview(quarter, period.Quarters, report, trend, events, count), nextStart);
    }

    private sealed record Overview(Quarter? Quarter, IReadOnlyList<Quarter> Quarters, PublishedReport? Report, IReadOnlyList<QuarterReport> Trend,
        IReadOnlyList<EventSummary> Events, int EventCount);

    /// <summary>The dimensions the overview breaks down, and compares speakers with the audience in.</summary>
    public static readonly IReadOnlyList<Dimension> Mix = [Dimension.Sector, Dimension.Profession];
}
