using Analytics.Core.Disclosure;
using Analytics.Core.Events;
using Analytics.Core.Reports;
using Analytics.Core.Taxonomies;
using Analytics.Data;
using Analytics.Reporting.Charts;
using Analytics.Reporting.Forecast;
using Analytics.Reporting.Snapshots;
using Analytics.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Analytics.Web.Pages.Events;

/// <summary>
/// Evenemangsrapport: one event's mix per dimension, registered against attended, speakers against the audience, the
/// mix against the targets with Wilson intervals, and how the figures were protected. Every chart has its table.
/// </summary>
public sealed class ReportModel(AnalyticsDbContext db, ReportReader reports, TimeProvider clock, IStringLocalizer<SharedResource> localizer,
    CategoryNames names, Accounts.EventAccess access, ForecastReader forecasts,
    ChartCache chartCache, PageDataCache pageData) : PageModel
{
    /// <summary>The dimensions of the mix, in the order shown.</summary>
    public static readonly IReadOnlyList<Dimension> Mix = [Dimension.Sector, Dimension.Profession, Dimension.Organisation, Dimension.Municipality, Dimension.Role];

    /// <summary>The dimensions two groups are compared in.</summary>
    public static readonly IReadOnlyList<Dimension> Compared = [Dimension.Sector, Dimension.Profession];

    public Event Event { get; private set; } = null!;
    public DateTime StartsLocal { get; private set; }
    public IReadOnlyList<string> Hosts { get; private set; } = [];
    public bool Planned { get; private set; }
    public PublishedReport? Report { get; private set; }

    /// <summary>The turnout forecast: made from today's registrations while planned, the one stored before the event after it.</summary>
    public ShownForecast? Forecast { get; private set; }
    public PageCharts Charts { get; } = new();

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken)) return NotFound();
        Forecast = await forecasts.ReadAsync(slug, cancellationToken, Event.StartsAtUtc);
        return Page();
    }

    public async Task<IActionResult> OnGetPngAsync(string slug, string? diagram, CancellationToken cancellationToken) =>
        await LoadAsync(slug, cancellationToken) ? Charts.Png(diagram) : NotFound();

    /// <summary>The registered side of "registered vs attended": every yes registration, counted as the report counts.</summary>
    public ProtectedBreakdown? RegisteredMix(string dimension) => Report?.Report.Subset(Subset.Registered)?.Dimensions.GetValueOrDefault(dimension);

    public ProtectedBreakdown? SpeakersMix(string dimension) => Report?.Report.Subset(Subset.Speakers)?.Dimensions.GetValueOrDefault(dimension);

    public ProtectedBreakdown? AudienceMix(string dimension) => Report?.Report.Subset(Subset.Audience)?.Dimensions.GetValueOrDefault(dimension);

    private async Task<bool> LoadAsync(string slug, CancellationToken cancellationToken)
    {
        var read = await pageData.GetAsync(db, $"event {slug}", () => ReadAsync(slug, cancellationToken), cancellationToken);
        // Another organisation's event answers as if it did not exist (see EventAccess); asked on every request, as it
        // depends on who asks.
        if (read is null || !await access.MaySeeAsync(slug, cancellationToken)) return false;

        (Event, Hosts, Report) = read;
        StartsLocal = Quarter.ToStockholm(Event.StartsAtUtc);
        Planned = Event.StartsAtUtc > clock.GetUtcNow().UtcDateTime;
        if (Report?.Report is { } report)
        {
            // Drawn from the event's report alone, so kept by its revision (see ChartCache).
            Charts.CachedIn(chartCache, PageCharts.Key("event", [Report.Revision]));
            AddCharts(report);
        }
        return true;
    }

    /// <summary>The event, its hosts and its report as every reader sees them (see <see cref="PageDataCache"/>); null when there is no such event.</summary>
    private async Task<(EventRead?, DateTime?)> ReadAsync(string slug, CancellationToken cancellationToken)
    {
        var ev = await db.Events.AsNoTracking().SingleOrDefaultAsync(e => e.Slug == slug, cancellationToken);
        if (ev is null) return (null, null);
        // Asked by event id, not through the event's navigation (see EventSummary.HostNamesAsync).
        IReadOnlyList<string> hosts = [.. (await db.EventHosts.Where(h => h.EventId == ev.Id).Select(h => h.Organisation!.Name).ToListAsync(cancellationToken)).Order()];
        return (new EventRead(ev, hosts, await reports.ReadAsync(ReportScope.ForEvent(slug), cancellationToken)), null);
    }

    private sealed record EventRead(Event Event, IReadOnlyList<string> Hosts, PublishedReport? Report);

    private void AddCharts(ProtectedReport report)
    {
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        var people = localizer["Antal personer"];
        foreach (var dimension in Mix)
        {
            var code = dimension.Code();
            Charts.Add(code, () => Shown(report.Dimension(code)) is { } breakdown
                ? BreakdownChart.Of(breakdown, CategoryNames.DimensionName(code), people, culture, names.For(code))
                : null);
        }
        foreach (var dimension in Compared)
        {
            var code = dimension.Code();
            var name = CategoryNames.DimensionName(code).ToLower(culture);
            Charts.Add($"anmalda-{code}", () => ComparisonCharts.Of(report, code, localizer["Anmälda"], RegisteredMix(code), localizer["Deltog"],
                report.Dimension(code), localizer["Anmälda och deltagare per {0}", name], localizer, names));
            Charts.Add($"talare-{code}", () => ComparisonCharts.SpeakersAndAudience(report, code, localizer, names));
        }
        foreach (var (code, balance) in report.Balance)
            Charts.Add($"mal-{code}", () => BalanceChart.Of(balance, localizer["{0} mot målfördelningen", CategoryNames.DimensionName(code)],
                new BalanceChartText(localizer["Andel"], localizer["95 % intervall"], localizer["Mål"], report.Show(null)), culture, names.For(code)));
    }

    private static ProtectedBreakdown? Shown(ProtectedBreakdown? breakdown) => breakdown is { Withheld: false, Cells.Count: > 0 } ? breakdown : null;
}
