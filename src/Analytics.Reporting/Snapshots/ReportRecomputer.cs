using Analytics.Core.Events;
using Analytics.Core.Reports;
using Analytics.Data;
using Analytics.Reporting.Figures;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Reporting.Snapshots;

/// <summary>
/// Recomputes the snapshots that are stale (or all of them): every event, every quarter with events, every organisation
/// that hosts an event, and all time.
/// </summary>
public sealed class ReportRecomputer(AnalyticsDbContext db, ReportBuilder builder, SnapshotStore snapshots)
{
    public async Task<int> RecomputeAsync(bool all, CancellationToken cancellationToken = default)
    {
        var computed = 0;
        foreach (var scope in await ScopesAsync(cancellationToken))
            if (all || await snapshots.IsStaleAsync(scope, cancellationToken))
            {
                await RecomputeAsync(scope, cancellationToken);
                computed++;
            }
        return computed;
    }

    /// <summary>Recomputes one scope. The version is read first, so a change that lands meanwhile leaves it stale, not lost.</summary>
    public async Task RecomputeAsync(ReportScope scope, CancellationToken cancellationToken = default)
    {
        if (await snapshots.CurrentVersionAsync(scope, cancellationToken) is not { } version) return;
        var figures = scope.Kind switch
        {
            ReportScope.EventKind => await builder.BuildEventAsync(scope.Key, cancellationToken),
            ReportScope.QuarterKind when Quarter.TryParse(scope.Key, out var quarter) => await builder.BuildQuarterAsync(quarter, cancellationToken),
            ReportScope.HostKind when scope.HostOrganisationId() is { } host => await builder.BuildHostAsync(host, cancellationToken),
            ReportScope.AllTimeKind => await builder.BuildAllTimeAsync(cancellationToken),
            _ => null,
        };
        if (figures is not null) await snapshots.SaveAsync(figures, version, cancellationToken);
    }

    public async Task<IReadOnlyList<ReportScope>> ScopesAsync(CancellationToken cancellationToken = default)
    {
        var events = await db.Events.AsNoTracking().Select(e => new { e.Slug, e.StartsAtUtc }).ToListAsync(cancellationToken);
        var hosts = await db.EventHosts.Select(h => h.OrganisationId).Distinct().OrderBy(id => id).ToListAsync(cancellationToken);
        return
        [
            .. events.Select(e => ReportScope.ForEvent(e.Slug)),
            .. events.Select(e => Quarter.Containing(e.StartsAtUtc)).Distinct().Order().Select(ReportScope.ForQuarter),
            .. hosts.Select(ReportScope.ForHost),
            ReportScope.AllTime,
        ];
    }
}
