using Analytics.Core.Events;
using Analytics.Core.Reports;
using Analytics.Core.Taxonomies;
using Analytics.Data;
using Analytics.Reporting.Snapshots;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Reporting.Exports;

/// <summary>
/// Reads what an export shows: stored snapshots, protected by <see cref="ReportReader"/>, and the events' own facts
/// (titles, dates, hosts). Never counts participations: a file is as fast to make as a page is to show.
/// </summary>
public sealed class ExportReader(AnalyticsDbContext db, ReportReader reports)
{
    /// <summary>How many quarters before the exported one its trend shows.</summary>
    public const int TrendQuarters = 4;

    public Task<bool> EventExistsAsync(string slug, CancellationToken cancellationToken = default) =>
        db.Events.AnyAsync(e => e.Slug == slug, cancellationToken);

    public Task<bool> QuarterHasEventsAsync(Quarter quarter, CancellationToken cancellationToken = default) =>
        db.Events.AnyAsync(e => e.StartsAtUtc >= quarter.StartUtc && e.StartsAtUtc < quarter.EndUtc, cancellationToken);

    /// <summary>The event's export; null when there is no such event or its report is not computed yet.</summary>
    public async Task<EventExport?> ReadEventAsync(string slug, CancellationToken cancellationToken = default)
    {
        var facts = await FactsAsync(db.Events.Where(e => e.Slug == slug), cancellationToken);
        if (facts.Count == 0) return null;
        var scope = ReportScope.ForEvent(slug);
        if (await reports.ReadAsync(scope, cancellationToken) is not { } published) return null;
        return new EventExport(facts[0], published.Report, await StampAsync(scope, published, cancellationToken));
    }

    /// <summary>The quarter's export; null when the quarter has no events or its report is not computed yet.</summary>
    public async Task<QuarterExport?> ReadQuarterAsync(Quarter quarter, CancellationToken cancellationToken = default)
    {
        var facts = await FactsAsync(db.Events.Where(e => e.StartsAtUtc >= quarter.StartUtc && e.StartsAtUtc < quarter.EndUtc), cancellationToken);
        if (facts.Count == 0) return null;
        var scope = ReportScope.ForQuarter(quarter);
        if (await reports.ReadAsync(scope, cancellationToken) is not { } published) return null;
        // The table of events shows each event's headcounts and its effective number of sectors only (SteeringPackSheets.Events).
        var events = await reports.ReadHeadlinesAsync(ReportScope.EventKind, [.. facts.Select(f => f.Slug)], [Dimension.Sector.Code()], cancellationToken);
        var trend = await reports.ReadTrendAsync(quarter, TrendQuarters, cancellationToken);
        return new QuarterExport(quarter, published.Report, await StampAsync(scope, published, cancellationToken), trend,
            [.. facts.Select(f => new EventLine(f, events.GetValueOrDefault(f.Slug)))]);
    }

    private async Task<ExportStamp> StampAsync(ReportScope scope, PublishedReport published, CancellationToken cancellationToken)
    {
        var version = await db.ReportSnapshots.AsNoTracking().Where(s => s.ScopeKind == scope.Kind && s.ScopeKey == scope.Key)
            .Select(s => s.DataVersion).SingleAsync(cancellationToken);
        return new ExportStamp(version, published.ComputedAtUtc, published.Stale);
    }

    private static async Task<List<EventFacts>> FactsAsync(IQueryable<Event> events, CancellationToken cancellationToken)
    {
        var rows = await events.AsNoTracking().OrderBy(e => e.StartsAtUtc).ThenBy(e => e.Slug)
            .Select(e => new
            {
                e.Slug, e.Title, e.StartsAtUtc, e.FormatCode, e.MunicipalityCode, e.Online,
                Hosts = e.Hosts.Select(h => h.Organisation!.Name).ToList(),
            })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(e => new EventFacts(e.Slug, e.Title, e.StartsAtUtc, e.FormatCode, e.MunicipalityCode, e.Online,
            [.. e.Hosts.Order(StringComparer.Ordinal)]))];
    }
}
