using Analytics.Core.Events;
using Analytics.Core.Reports;
using Analytics.Core.Taxonomies;
using Analytics.Data;
using Analytics.Reporting.Figures;
using Analytics.Reporting.Forecast;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Reporting.Snapshots;

/// <summary>
/// Recomputes the snapshots that are stale (or all of them): every event, every quarter with events, every organisation
/// that hosts an event, and all time. A recomputed event that is still planned also has its stored forecast rewritten
/// (<see cref="ForecastUpdates.RefreshAsync"/>): its registrations changed, and the forecast kept for after the event
/// should be the one it had last, not the one of the last training.
/// </summary>
public sealed class ReportRecomputer(AnalyticsDbContext db, ReportBuilder builder, SnapshotStore snapshots, ForecastUpdates forecasts)
{
    public async Task<int> RecomputeAsync(bool all, CancellationToken cancellationToken = default)
    {
        // Read before the versions: scopes frozen by then are left out below, so a batch need only look again when a purge
        // landed during the run (retention only ever adds purged events).
        var purgedBefore = await PurgedCountAsync(cancellationToken);
        // Two queries decide what is stale, however many scopes there are: the reconcile runs every 15 minutes.
        var current = await CurrentVersionsAsync(cancellationToken);
        var stored = all ? [] : await snapshots.StoredVersionsAsync(cancellationToken);
        var stale = current.Where(s => all || !stored.TryGetValue(s.Scope, out var storedVersion) || storedVersion != s.Version).ToList();
        if (stale.Count == 0) return 0;
        if (stale.Count == 1)
        {
            await RecomputeAsync(stale[0].Scope, cancellationToken);
            return 1;
        }

        // Many scopes: their rows are read once for all of them (ReportBuilder.BuildManyAsync) and written in batches.
        // The versions above were read before the rows, so a change that lands meanwhile leaves its scopes stale, not lost.
        var versions = stale.ToDictionary(s => s.Scope, s => s.Version);
        var batch = new List<(ReportFigures Figures, long DataVersion)>();
        var batchLength = 0L;
        var computed = 0;
        await foreach (var figures in builder.BuildManyAsync([.. stale.Select(s => s.Scope)], cancellationToken))
        {
            batch.Add((figures, versions[figures.Scope]));
            // Ties and organisations make most of a snapshot's size: a batch holds some MB, not a whole run's networks.
            batchLength += 1 + (figures.Reach?.TieGraph?.Ties.Count ?? 0) + (figures.Find(Dimension.Organisation.Code())?.Tallies.Count ?? 0);
            if (batch.Count >= 200 || batchLength >= 100_000)
            {
                computed += await SaveAsync(batch, purgedBefore, cancellationToken);
                batch.Clear();
                batchLength = 0;
            }
        }
        computed += await SaveAsync(batch, purgedBefore, cancellationToken);
        // After the reports, so a forecast that fails to load leaves the snapshots written.
        await forecasts.RefreshAsync([.. stale.Where(s => s.Scope.Kind == ReportScope.EventKind).Select(s => s.Scope.Key)], cancellationToken);
        return computed;
    }

    /// <summary>
    /// Writes a batch, except scopes that retention froze while they were computed (their rows may have gone before they
    /// were read): one query finds whether anything was purged since the run began, which in a normal run it was not.
    /// Asking whether anything is purged at all would be true for good after the first retention run, and then every
    /// scope of every run would cost its own query.
    /// </summary>
    private async Task<int> SaveAsync(List<(ReportFigures Figures, long DataVersion)> batch, int purgedBefore,
        CancellationToken cancellationToken)
    {
        if (batch.Count == 0) return 0;
        var kept = batch;
        if (await PurgedCountAsync(cancellationToken) != purgedBefore)
        {
            kept = [];
            foreach (var scope in batch)
                if (!(await snapshots.StateAsync(scope.Figures.Scope, cancellationToken)).Frozen) kept.Add(scope);
        }
        await snapshots.SaveManyAsync(kept, cancellationToken);
        return kept.Count;
    }

    private Task<int> PurgedCountAsync(CancellationToken cancellationToken) =>
        db.Events.CountAsync(e => e.PurgedAtUtc != null, cancellationToken);

    /// <summary>Recomputes one scope. The version is read first, so a change that lands meanwhile leaves it stale, not lost.</summary>
    public async Task RecomputeAsync(ReportScope scope, CancellationToken cancellationToken = default)
    {
        if (await snapshots.StateAsync(scope, cancellationToken) is not ({ } version, false)) return;
        var figures = scope.Kind switch
        {
            ReportScope.EventKind => await builder.BuildEventAsync(scope.Key, cancellationToken),
            ReportScope.QuarterKind when Quarter.TryParse(scope.Key, out var quarter) => await builder.BuildQuarterAsync(quarter, cancellationToken),
            ReportScope.HostKind when scope.HostOrganisationId() is { } host => await builder.BuildHostAsync(host, cancellationToken),
            ReportScope.AllTimeKind => await builder.BuildAllTimeAsync(cancellationToken),
            _ => null,
        };
        if (figures is null) return;
        await snapshots.SaveAsync(figures, version, cancellationToken);
        if (scope.Kind == ReportScope.EventKind) await forecasts.RefreshAsync([scope.Key], cancellationToken);
    }

    public async Task<IReadOnlyList<ReportScope>> ScopesAsync(CancellationToken cancellationToken = default) =>
        [.. (await CurrentVersionsAsync(cancellationToken)).Select(s => s.Scope)];

    /// <summary>
    /// Every scope with the data version it has now, from one read of the events: an event's own version, and for a
    /// quarter, a host organisation and all time the sum over their events (as <see cref="SnapshotStore.StateAsync"/>).
    /// </summary>
    private async Task<List<(ReportScope Scope, long Version)>> CurrentVersionsAsync(CancellationToken cancellationToken)
    {
        var events = await db.Events.AsNoTracking()
            .Select(e => new { e.Slug, e.StartsAtUtc, e.DataVersion, Purged = e.PurgedAtUtc != null, Hosts = e.Hosts.Select(h => h.OrganisationId).ToList() })
            .ToListAsync(cancellationToken);
        // A scope with any purged event is frozen (SnapshotStore.StateAsync): it is left out, so it is never recomputed.
        return
        [
            .. events.Where(e => !e.Purged).Select(e => (ReportScope.ForEvent(e.Slug), e.DataVersion)),
            .. events.GroupBy(e => Quarter.Containing(e.StartsAtUtc)).Where(g => !g.Any(e => e.Purged)).OrderBy(g => g.Key)
                .Select(g => (ReportScope.ForQuarter(g.Key), g.Sum(e => e.DataVersion + 1))),
            .. events.SelectMany(e => e.Hosts.Select(host => (Host: host, e.DataVersion, e.Purged))).GroupBy(h => h.Host)
                .Where(g => !g.Any(h => h.Purged)).OrderBy(g => g.Key)
                .Select(g => (ReportScope.ForHost(g.Key), g.Sum(h => h.DataVersion + 1))),
            .. events.Any(e => e.Purged) ? [] : new[] { (ReportScope.AllTime, events.Sum(e => e.DataVersion + 1)) },
        ];
    }
}
