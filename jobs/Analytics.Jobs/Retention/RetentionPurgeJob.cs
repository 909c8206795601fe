using Analytics.Core.Audit;
using Analytics.Data;
using Analytics.Data.Audit;
using Analytics.Jobs.Reports;
using Analytics.Reporting.Snapshots;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Analytics.Jobs.Retention;

/// <summary>
/// Daily: removes the per-person rows (participations and consent records) of events that started longer ago than the
/// retention period, and keeps their snapshots. Stale snapshots are brought up to date first, so what stays is the
/// report of the full data. A purged event is marked, and every scope containing it is frozen from then on (see
/// <see cref="SnapshotStore.StateAsync"/>), because recomputing it would count the removed rows as zero.
/// Safe to run twice: the second run finds nothing old left.
/// </summary>
public sealed class RetentionPurgeJob(AnalyticsDbContext db, ReportRecomputer recomputer, RetentionPeriod period, TimeProvider clock,
    AuditLog audit, ILogger<RetentionPurgeJob> log)
{
    [AutomaticRetry(Attempts = 3)]
    // The snapshot lock: no recompute may read an event's rows while they are being removed.
    [DisableConcurrentExecution(SnapshotWriters.Lock, SnapshotWriters.LockTimeoutSeconds)]
    [Queue(JobQueues.Reports)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var months = await period.MonthsAsync(cancellationToken);
        var cutoff = now.AddMonths(-months);
        var old = await db.Events.Where(e => e.StartsAtUtc < cutoff && (e.PurgedAtUtc == null || e.Participations.Any()))
            .Select(e => e.Id).ToListAsync(cancellationToken);
        if (old.Count == 0)
        {
            log.LogInformation("Retention: no events older than {Months} months with per-person rows", months);
            return;
        }

        await recomputer.RecomputeAsync(all: false, cancellationToken);

        int participations, consents;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            participations = await db.Participations.Where(p => old.Contains(p.EventId)).ExecuteDeleteAsync(cancellationToken);
            consents = await db.ConsentRecords.Where(c => c.EventId != null && old.Contains(c.EventId.Value)).ExecuteDeleteAsync(cancellationToken);
            // Consent given on imported lists names no event: it goes once it is old and no kept participation is its person's.
            consents += await db.ConsentRecords
                .Where(c => c.EventId == null && c.GivenAtUtc < cutoff && !db.Participations.Any(p => p.AttendeeKey == c.AttendeeKey))
                .ExecuteDeleteAsync(cancellationToken);
            await db.Events.Where(e => old.Contains(e.Id) && e.PurgedAtUtc == null)
                .ExecuteUpdateAsync(e => e.SetProperty(x => x.PurgedAtUtc, now), cancellationToken);
            await Revision.Reports.RenewAsync(db, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await audit.WriteAsync(AuditActors.System, AuditActions.RetentionPurged, null,
            $"events={old.Count}, participations={participations}, consents={consents}", cancellationToken);
        log.LogInformation("Retention removed {Participations} participations and {Consents} consent records of {Events} events",
            participations, consents, old.Count);
    }
}
