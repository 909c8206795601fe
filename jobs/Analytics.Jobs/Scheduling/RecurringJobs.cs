using Analytics.Core.Events;
using Analytics.Jobs.Reports;
using Hangfire;

namespace Analytics.Jobs.Scheduling;

/// <summary>
/// Every recurring job, with constant ids, registered in one place. The web host registers them at start; workers only
/// run what is queued.
/// </summary>
public static class RecurringJobs
{
    public const string ReconcileReports = "reports:reconcile";
    public const string NightlyReports = "reports:nightly";

    public const string EveryQuarterHour = "*/15 * * * *";
    public const string NightlyAtThree = "0 3 * * *";

    public static void Register(IRecurringJobManager jobs)
    {
        var stockholm = new RecurringJobOptions { TimeZone = Quarter.Stockholm };
        // The database is the source of truth; this catches anything a lost job or a restart left stale.
        jobs.AddOrUpdate<RecomputeReportsJob>(ReconcileReports, JobQueues.Reports, j => j.RunAsync(false, CancellationToken.None), EveryQuarterHour, stockholm);
        // Everything, whether stale or not, so a change to how reports are built reaches every snapshot by morning.
        jobs.AddOrUpdate<RecomputeReportsJob>(NightlyReports, JobQueues.Reports, j => j.RunAsync(true, CancellationToken.None), NightlyAtThree, stockholm);
    }
}
