using Analytics.Core.Events;
using Analytics.Core.Reports;
using Analytics.Data;
using Analytics.Reporting.Snapshots;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Analytics.Jobs.Reports;

/// <summary>
/// Recomputes the reports one event's data feeds, whichever of them are stale: the event itself, its quarter, its host
/// organisations and all time. For after an import, a check-in or a consent change; its only argument is the event id.
/// Safe to run twice: a second run finds the snapshots fresh and writes nothing.
/// </summary>
public sealed class RecomputeEventJob(AnalyticsDbContext db, ReportRecomputer recomputer, SnapshotStore snapshots,
    ILogger<RecomputeEventJob> log)
{
    // A failure here is a database hiccup or a deadlock under load, which a few tries outlast; anything still stale after
    // that is caught by the 15-minute reconcile, so more retries would only hide the error from the dashboard for longer.
    [AutomaticRetry(Attempts = 3)]
    [DisableConcurrentExecution(SnapshotWriters.Lock, SnapshotWriters.LockTimeoutSeconds)]
    [Queue(JobQueues.Reports)]
    public async Task RunAsync(int eventId, CancellationToken cancellationToken)
    {
        var ev = await db.Events.AsNoTracking().Where(e => e.Id == eventId)
            .Select(e => new { e.Slug, e.StartsAtUtc }).SingleOrDefaultAsync(cancellationToken);
        if (ev is null)
        {
            // Deleted since it was enqueued: the scopes it fed are stale by version, and the reconcile recomputes them.
            log.LogInformation("Event {EventId} no longer exists; nothing to recompute", eventId);
            return;
        }

        var hosts = await db.EventHosts.Where(h => h.EventId == eventId).Select(h => h.OrganisationId).OrderBy(id => id)
            .ToListAsync(cancellationToken);
        ReportScope[] scopes =
        [
            ReportScope.ForEvent(ev.Slug),
            ReportScope.ForQuarter(Quarter.Containing(ev.StartsAtUtc)),
            .. hosts.Select(ReportScope.ForHost),
            ReportScope.AllTime,
        ];
        var computed = 0;
        foreach (var scope in scopes)
            if (await snapshots.IsStaleAsync(scope, cancellationToken))
            {
                await recomputer.RecomputeAsync(scope, cancellationToken);
                computed++;
            }
        log.LogInformation("Recomputed {Count} report snapshots for event {EventId}", computed, eventId);
    }
}
