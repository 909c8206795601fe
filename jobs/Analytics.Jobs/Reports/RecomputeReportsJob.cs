using Analytics.Reporting.Snapshots;
using Hangfire;
using Microsoft.Extensions.Logging;

namespace Analytics.Jobs.Reports;

/// <summary>
/// Recomputes stale report snapshots. Safe to run twice: each snapshot is one row per scope, written in place, and a
/// run that finds nothing stale does nothing. Its only argument is a flag, never personal data.
/// </summary>
public sealed class RecomputeReportsJob(ReportRecomputer recomputer, ILogger<RecomputeReportsJob> log)
{
    // A failure is a database hiccup that a few tries outlast; the next reconcile, at most 15 minutes away, does the rest.
    [AutomaticRetry(Attempts = 3)]
    [DisableConcurrentExecution(SnapshotWriters.Lock, SnapshotWriters.LockTimeoutSeconds)]
    [Queue(JobQueues.Reports)]
    public async Task RunAsync(bool all, CancellationToken cancellationToken)
    {
        var computed = await recomputer.RecomputeAsync(all, cancellationToken);
        log.LogInformation("Recomputed {Count} report snapshots (all: {All})", computed, all);
    }
}
