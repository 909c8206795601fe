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
    public void Registers_the_report_reconciliation_under_its_constant_id_with_a_cron_in_stockholm_time()
    {
        RecurringJobs.Register(new RecurringJobManager(_storage));

        var job = Registered().ShouldHaveSingleItem();
        job.Id.ShouldBe(RecurringJobs.ReconcileReports);
        job.Cron.ShouldBe("*/10 * * * *");
        job.TimeZoneId.ShouldBe("Europe/Stockholm");
        job.Error.ShouldBeNull();
        job.NextExecution.ShouldNotBeNull();
        (job.Job.Type, job.Job.Method.Name).ShouldBe((typeof(RecomputeReportsJob), nameof(RecomputeReportsJob.RunAsync)));
        job.Job.Args[0].ShouldBe(false);
    }

    [Fact]
    public void Registering_again_keeps_one_job()
    {
        var manager = new RecurringJobManager(_storage);

        RecurringJobs.Register(manager);
        RecurringJobs.Register(manager);

        Registered().ShouldHaveSingleItem().Id.ShouldBe(RecurringJobs.ReconcileReports);
    }

    [Fact]
    public void A_triggered_reconciliation_goes_to_the_reports_queue()
    {
        var manager = new RecurringJobManager(_storage);
        RecurringJobs.Register(manager);

        manager.Trigger(RecurringJobs.ReconcileReports);

        _storage.GetMonitoringApi().EnqueuedCount(JobQueues.Reports).ShouldBe(1);
    }
}
