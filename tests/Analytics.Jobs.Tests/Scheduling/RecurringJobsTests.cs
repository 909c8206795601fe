using Analytics.Jobs.Reports;
using Analytics.Jobs.Scheduling;
using Hangfire;
using Hangfire.InMemory;
using Hangfire.Storage;

namespace Analytics.Jobs.Tests.Scheduling;

public class RecurringJobsTests
{
    private readonly InMemoryStorage _storage = new();

    private List<RecurringJobDto> Registered()
    {
        using var connection = _storage.GetConnection();
        return connection.GetRecurringJobs();
    }

    [Fact]
    public void Registers_the_reconcile_every_quarter_hour_and_the_full_recompute_at_three_at_night_in_stockholm_time()
    {
        RecurringJobs.Register(new RecurringJobManager(_storage));

        var jobs = Registered().Where(j => j.Id != RecurringJobs.QuarterlySteeringPack && j.Id != RecurringJobs.DailyRetention
            && j.Id != RecurringJobs.WeeklyForecast).ToDictionary(j => j.Id);
        jobs.Keys.ShouldBe([RecurringJobs.ReconcileReports, RecurringJobs.NightlyReports], ignoreOrder: true);
        (jobs["reports:reconcile"].Cron, jobs["reports:reconcile"].Job.Args[0]).ShouldBe(("*/15 * * * *", false));
        (jobs["reports:nightly"].Cron, jobs["reports:nightly"].Job.Args[0]).ShouldBe(("0 3 * * *", true));
        foreach (var job in jobs.Values)
        {
            job.TimeZoneId.ShouldBe("Europe/Stockholm");
            job.Job.Queue.ShouldBe(JobQueues.Reports);
            job.Error.ShouldBeNull();
            (job.Job.Type, job.Job.Method.Name).ShouldBe((typeof(RecomputeReportsJob), nameof(RecomputeReportsJob.RunAsync)));
        }
    }

    [Fact]
    public void The_nightly_recompute_is_next_due_at_three_in_the_morning_stockholm_time()
    {
        RecurringJobs.Register(new RecurringJobManager(_storage));

        var next = Registered().Single(j => j.Id == RecurringJobs.NightlyReports).NextExecution.ShouldNotBeNull();

        Core.Events.Quarter.ToStockholm(next).TimeOfDay.ShouldBe(TimeSpan.FromHours(3));
    }

    [Fact]
    public void Registering_again_keeps_one_job_per_id()
    {
        var manager = new RecurringJobManager(_storage);

        RecurringJobs.Register(manager);
        RecurringJobs.Register(manager);

        Registered().Select(j => j.Id).ShouldBe([RecurringJobs.ReconcileReports, RecurringJobs.NightlyReports, RecurringJobs.QuarterlySteeringPack,
            RecurringJobs.DailyRetention, RecurringJobs.WeeklyForecast], ignoreOrder: true);
    }

    [Fact]
    public void A_triggered_reconcile_goes_to_the_reports_queue()
    {
        var manager = new RecurringJobManager(_storage);
        RecurringJobs.Register(manager);

        manager.Trigger(RecurringJobs.ReconcileReports);

        _storage.GetMonitoringApi().EnqueuedCount(JobQueues.Reports).ShouldBe(1);
        _storage.GetMonitoringApi().EnqueuedCount(JobQueues.Default).ShouldBe(0);
    }
}
