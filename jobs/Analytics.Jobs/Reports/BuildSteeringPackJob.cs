using Analytics.Core.Events;
using Analytics.Core.Reports;
using Analytics.Reporting.Exports;
using Analytics.Reporting.Snapshots;
using Hangfire;
using Microsoft.Extensions.Logging;

namespace Analytics.Jobs.Reports;

/// <summary>
/// Builds a quarter's steering pack and stores it, so the steering group finds it among the generated packs. Its only
/// argument is the quarter key (2026Q1). Safe to run twice: one stored pack per quarter, replaced by a rebuild.
/// </summary>
public sealed class BuildSteeringPackJob(SteeringPackStore packs, SnapshotStore snapshots, ReportRecomputer recomputer, TimeProvider clock,
    ILogger<BuildSteeringPackJob> log)
{
    // A failure is a database hiccup that a few tries outlast; a pack that still fails can be built again from the
    // dashboard or by the next quarter's run, since it is derived from the database.
    [AutomaticRetry(Attempts = 3)]
    [DisableConcurrentExecution(SnapshotWriters.Lock, SnapshotWriters.LockTimeoutSeconds)]
    [Queue(JobQueues.Reports)]
    public async Task RunAsync(string quarter, CancellationToken cancellationToken)
    {
        if (!Quarter.TryParse(quarter, out var q))
        {
            log.LogWarning("{Quarter} is not a quarter; no steering pack built", quarter);
            return;
        }
        // The pack shows the quarter, its events and the quarters before it: whatever of that is stale is recomputed
        // first, under the snapshot writers' lock this job holds, so the pack never carries figures older than the data.
        if (await snapshots.IsStaleAsync(ReportScope.ForQuarter(q), cancellationToken))
            await recomputer.RecomputeAsync(all: false, cancellationToken);

        if (await packs.BuildAsync(q, cancellationToken) is { } pack)
            log.LogInformation("Built the steering pack for {Quarter}: {Size} bytes from data version {DataVersion}",
                pack.QuarterKey, pack.SizeBytes, pack.DataVersion);
        else
            log.LogInformation("No steering pack for {Quarter}: it has no events", quarter);
    }

    /// <summary>The recurring run at the start of a quarter: the pack of the quarter that has just ended, in Stockholm time.</summary>
    [AutomaticRetry(Attempts = 3)]
    [DisableConcurrentExecution(SnapshotWriters.Lock, SnapshotWriters.LockTimeoutSeconds)]
    [Queue(JobQueues.Reports)]
    public Task RunForEndedQuarterAsync(CancellationToken cancellationToken) =>
        RunAsync(Quarter.Containing(clock.GetUtcNow().UtcDateTime).Previous.ToString(), cancellationToken);
}
