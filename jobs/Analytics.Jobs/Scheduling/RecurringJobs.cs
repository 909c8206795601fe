using Analytics.Core.Events;
using Analytics.Jobs.Forecast;
using Analytics.Jobs.Reports;
using Analytics.Jobs.Retention;
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
    public const string QuarterlySteeringPack = "reports:steering-pack";
    public const string DailyRetention = "retention:daily";
    public const string WeeklyForecast = "forecast:weekly";

    public const string EveryQuarterHour = "*/15 * * * *";
    public const string NightlyAtThree = "0 3 * * *";

    /// <summary>02:30: before the nightly recompute, so that one finds the purged scopes already frozen.</summary>
    public const string NightlyAtHalfPastTwo = "30 2 * * *";

    /// <summary>04:00 on the first day of each quarter: after the nightly recompute has taken in the quarter's last day.</summary>
    public const string QuarterStartAtFour = "0 4 1 1,4,7,10 *";

    /// <summary>Mondays at 05:00: after the nightly recompute, before organisers look at the week's events.</summary>
    public const string MondaysAtFive = "0 5 * * 1";

    public static void Register(IRecurringJobManager jobs)
    {
        var stockholm = new RecurringJobOptions { TimeZone = Quarter.Stockholm };
        // The database is the source of truth; this catches anything a lost job or a restart left stale.
        jobs.AddOrUpdate<RecomputeReportsJob>(ReconcileReports, JobQueues.Reports, j => j.RunAsync(false, CancellationToken.None), EveryQuarterHour, stockholm);
        // Everything, whether stale or not, so a change to how reports are built reaches every snapshot by morning.
        jobs.AddOrUpdate<RecomputeReportsJob>(NightlyReports, JobQueues.Reports, j => j.RunAsync(true, CancellationToken.None), NightlyAtThree, stockholm);
        // The steering group's pack of the quarter that has just ended, stored for the list of packs.
        jobs.AddOrUpdate<BuildSteeringPackJob>(QuarterlySteeringPack, JobQueues.Reports, j => j.RunForEndedQuarterAsync(CancellationToken.None),
            QuarterStartAtFour, stockholm);
        // Per-person rows of events older than the retention period go; their snapshots stay.
        jobs.AddOrUpdate<RetentionPurgeJob>(DailyRetention, JobQueues.Reports, j => j.RunAsync(CancellationToken.None), NightlyAtHalfPastTwo, stockholm);
        // The turnout forecast learns from the past week's attendance and refreshes the forecasts of planned events.
        jobs.AddOrUpdate<TrainForecastJob>(WeeklyForecast, JobQueues.Reports, j => j.RunAsync(CancellationToken.None), MondaysAtFive, stockholm);
    }
}
