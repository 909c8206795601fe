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

namespace Analytics.Web.Pages.Quarterly;

/// <summary>
/// Kvartalsrapport (/kvartal/2026Q3): one quarter for the steering meeting, laid out to print on A4: its key figures
/// against the quarters before, who came, speakers and audience, the targets, reach, its events and the method.
/// </summary>
public sealed class ReportModel(AnalyticsDbContext db, ReportReader reports, TimeProvider clock, IStringLocalizer<SharedResource> localizer,
    CategoryNames names) : PageModel
{
    public const int PreviousQuarters = 4;

    public static readonly IReadOnlyList<Dimension> Mix = [Dimension.Sector, Dimension.Profession, Dimension.Organisation, Dimension.Municipality];

    public Quarter Quarter { get; private set; }
    public bool Ongoing { get; private set; }
    public PublishedReport? Report { get; private set; }
    public IReadOnlyList<QuarterReport> Trend { get; private set; } = [];
    public IReadOnlyList<EventSummary> Events { get; private set; } = [];
    public PageCharts Charts { get; } = new();

    public async Task<IActionResult> OnGetAsync(string quarter, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(quarter, cancellationToken)) return NotFound();
        Events = await EventSummary.ListAsync(db, reports, new EventFilter(Quarter), clock.GetUtcNow().UtcDateTime, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetPngAsync(string quarter, string? diagram, CancellationToken cancellationToken) =>
        await LoadAsync(quarter, cancellationToken) ? Charts.Png(diagram) : NotFound();

    public ProtectedBreakdown? SubsetMix(string subset, string dimension) => Report?.Report.Subset(subset)?.Dimensions.GetValueOrDefault(dimension);

    private async Task<bool> LoadAsync(string text, CancellationToken cancellationToken)
    {
        if (!Quarter.TryParse(text, out var quarter)) return false;
        if (!await db.Events.AnyAsync(e => e.StartsAtUtc >= quarter.StartUtc && e.StartsAtUtc < quarter.EndUtc, cancellationToken)) return false;
        Quarter = quarter;
        Ongoing = Quarter.Containing(clock.GetUtcNow().UtcDateTime) == quarter;
        Report = await reports.ReadAsync(ReportScope.ForQuarter(quarter), cancellationToken);
        Trend = await reports.ReadTrendAsync(quarter, PreviousQuarters, cancellationToken);
        if (Report?.Report is { } report) AddCharts(report);
        return true;
    }

    private void AddCharts(ProtectedReport report)
    {
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        foreach (var dimension in Mix)
        {
            var code = dimension.Code();
            Charts.Add(code, () => report.Dimension(code) is { Withheld: false, Cells.Count: > 0 } breakdown
                ? BreakdownChart.Of(breakdown, CategoryNames.DimensionName(code), localizer["Antal personer"], culture, names.For(code))
                : null);
        }
        var sector = Dimension.Sector.Code();
        Charts.Add("talare-sector", () => ComparisonCharts.SpeakersAndAudience(report, sector, localizer, names));
        foreach (var (code, balance) in report.Balance)
            Charts.Add($"mal-{code}", () => BalanceChart.Of(balance, localizer["{0} mot målfördelningen", CategoryNames.DimensionName(code)],
                new BalanceChartText(localizer["Andel"], localizer["95 % intervall"], localizer["Mål"], report.Show(null)), culture, names.For(code)));
        Charts.Add("personer", () => TrendChart.Of(Trend, [KeyFigure.Registered.Line(localizer["Anmälda"]), KeyFigure.Attended.Line(localizer["Deltog"])],
            localizer["Anmälda och deltog per kvartal"], "N0", culture, QuarterNames.Short));
    }
}
