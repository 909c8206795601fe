using System.Globalization;
using Analytics.Core.Disclosure;
using Analytics.Data;
using Analytics.Reporting.Charts;
using Analytics.Reporting.Snapshots;
using Analytics.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Analytics.Web.Pages.Reach;

/// <summary>
/// Räckvidd (One Team Gov principle 6, work across borders): distinct organisations, sectors and municipalities quarter by
/// quarter, and for a period (?kvartal=2026Q3 or alla) its reach, the E-I index, co-hosting and the organisation tie
/// network as a picture with its ties in a table. Read from protected snapshots only.
/// </summary>
public sealed class IndexModel(AnalyticsDbContext db, ReportReader reports, TimeProvider clock,
    IStringLocalizer<SharedResource> localizer, ChartCache chartCache) : PageModel
{
    /// <summary>
    /// How many of the strongest ties the table lists. At a million participations a quarter's network has thousands of
    /// organisations and hundreds of thousands of ties: drawn and listed whole it cost 9 s of CPU per request and could
    /// not be read. The count of the rest is given.
    /// </summary>
    public const int TiesListed = 100;

    /// <summary>How many of those the picture draws: beyond about 50 lines the circle is a grey disc.</summary>
    public const int TiesDrawn = 50;

    public const string OrganisationsChartId = "organisationer-over-tid";
    public const string SectorsChartId = "sektorer-over-tid";
    public const string NetworkChartId = "natverk";

    public ReportPeriod? Period { get; private set; }
    public IReadOnlyList<QuarterReport> Trend { get; private set; } = [];
    public PublishedReport? Report { get; private set; }

    /// <summary>Why the period is not shown, when it is too small or too close to all time (see <see cref="ReportPeriod.ReadAsync"/>).</summary>
    public string? Refusal { get; private set; }
    public ProtectedReach? Reach => Report?.Report.Reach;

    /// <summary>
    /// The period's tie network cut to its <see cref="TiesListed"/> strongest ties, read apart from its report: no other
    /// page needs it (ReportReader.ReadTieGraphAsync). Its AllTies counts every tie.
    /// </summary>
    public ProtectedTieGraph? Graph { get; private set; }

    /// <summary>How many ties of the network the table leaves out, the weakest.</summary>
    public int WeakerTies => Graph is { } graph ? graph.AllTies - graph.Ties.Count : 0;

    private readonly PageCharts _charts = new();
    private Dictionary<string, ProtectedTieNode>? _nodes;

    public ChartView? Chart(string id) => _charts[id];

    /// <summary>A node of the network by its code, for the table of ties.</summary>
    public ProtectedTieNode? Node(string code) =>
        (_nodes ??= Graph?.Nodes.ToDictionary(n => n.Code, StringComparer.Ordinal) ?? [])!.GetValueOrDefault(code);

    public async Task OnGetAsync(string? kvartal, CancellationToken cancellationToken) => await ReadAsync(kvartal, cancellationToken);

    /// <summary>One chart as PNG (?handler=png&amp;diagram=natverk).</summary>
    public async Task<IActionResult> OnGetPngAsync(string? kvartal, string? diagram, CancellationToken cancellationToken)
    {
        await ReadAsync(kvartal, cancellationToken);
        return _charts.Png(diagram);
    }

    private async Task ReadAsync(string? kvartal, CancellationToken cancellationToken)
    {
        Period = await ReportPeriod.ChooseAsync(db, kvartal, clock.GetUtcNow().UtcDateTime, cancellationToken);
        if (Period is null) return;

        var (first, last) = (Period.Quarters.Min(), Period.Quarters.Max());
        Trend = await reports.ReadTrendAsync(last, previous: (last.Year - first.Year) * 4 + last.Number - first.Number, cancellationToken);
        var read = await Period.ReadAsync(reports, cancellationToken);
        (Report, Refusal) = (read?.Published, read?.Refusal);
        // A refused period shows no network either: the picture is a view of the same people.
        if (Report is not null) Graph = await reports.ReadTieGraphAsync(Period.Scope, TiesListed, cancellationToken);

        // The trend charts are drawn from the trend's reports, the picture from the period's row (whose revision its
        // report carries): kept by those revisions (see ChartCache).
        if (Report is not null) _charts.CachedIn(chartCache, PageCharts.Key("reach", [Report.Revision, .. Trend.Select(q => q.Revision)]));

        var culture = CultureInfo.CurrentCulture;
        // Two lines to a chart, so every point's value can be written beside it without overlapping another's.
        if (Trend.Any(q => q.Report.Reach is not null))
        {
            _charts.Add(OrganisationsChartId, () => TrendChart.Of(Trend,
            [
                new TrendLine(localizer["Organisationer"], r => r.Reach?.Organisations),
                new TrendLine(localizer["Nya organisationer"], r => r.Reach?.NewOrganisations),
            ], localizer["Organisationer och nya organisationer per kvartal"], "N0", culture, QuarterNames.Short));
            _charts.Add(SectorsChartId, () => TrendChart.Of(Trend,
            [
                new TrendLine(localizer["Kommuner"], r => r.Reach?.Municipalities),
                new TrendLine(localizer["Sektorer"], r => r.Reach?.Sectors),
            ], localizer["Sektorer och kommuner per kvartal"], "N0", culture, QuarterNames.Short));
        }
        if (Graph?.Strongest(TiesDrawn) is { } graph)
            _charts.Add(NetworkChartId, () => TieNetworkChart.Of(graph, localizer["Nätverket mellan organisationerna"], Describe(graph, culture),
                // In the picture a merged node's hollow mark already says "the others"; its name needs only the sector.
                node => node.Merged ? localizer["Övriga: {0}", node.SectorLabel] : node.Label));
    }

    /// <summary>What the picture shows, in words: its size, its strongest ties, and how many weaker ones it leaves out.</summary>
    private string Describe(ProtectedTieGraph graph, CultureInfo culture)
    {
        var strongest = graph.Ties.Take(3).Select(t => $"{Node(t.First)?.Label} – {Node(t.Second)?.Label} ({t.Weight.ToString("0.00", culture)})");
        var described = localizer["{0} noder i {1} sektorer och {2} band. Starkast: {3}.", graph.Nodes.Count,
            graph.Nodes.Select(n => n.Sector).Distinct().Count(), graph.Ties.Count, string.Join("; ", strongest)].Value;
        return graph.AllTies > graph.Ties.Count
            ? $"{described} {localizer["Bilden visar de {0} starkaste av {1} band.", graph.Ties.Count, graph.AllTies.ToString("N0", culture)]}"
            : described;
    }
}
