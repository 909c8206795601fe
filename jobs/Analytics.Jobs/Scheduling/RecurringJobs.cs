using Analytics.Jobs.Reports;
using Hangfire;

namespace Analytics.Jobs.Scheduling;

/// <summary>Every recurring job, with constant ids, registered in one place.</summary>
public static class RecurringJobs
{
    public const string ReconcileReports = "reports:reconcile";

    public static void Register(IRecurringJobManager jobs)
    {
        // The database is the source of truth; this catches anything a lost job or a restart left stale.
        jobs.AddOrUpdate<RecomputeReportsJob>(ReconcileReports, j => j.RunAsync(false, CancellationToken.None), "*/10 * * * *",
            new RecurringJobOptions { TimeZone = Core.Events.Quarter.Stockholm });
    }
}
