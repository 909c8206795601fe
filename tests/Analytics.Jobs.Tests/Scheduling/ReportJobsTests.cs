using System.Text.Json;
using Analytics.Jobs.Reports;
using Analytics.Jobs.Scheduling;
using Hangfire;
using Hangfire.InMemory;
using Hangfire.Storage;

namespace Analytics.Jobs.Tests.Scheduling;

public class ReportJobsTests
{
    private readonly InMemoryStorage _storage = new();

    [Fact]
    public void Enqueues_a_recompute_whose_only_argument_is_the_all_flag()
    {
        var id = new ReportJobs(new BackgroundJobClient(_storage)).EnqueueRecompute();

        using var connection = _storage.GetConnection();
        var job = connection.GetJobData(id).ShouldNotBeNull().Job;
        (job.Type, job.Method.Name).ShouldBe((typeof(RecomputeReportsJob), nameof(RecomputeReportsJob.RunAsync)));
        job.Method.GetParameters().Select(p => p.ParameterType).ShouldBe([typeof(bool), typeof(CancellationToken)]);
        job.Args[0].ShouldBe(false);

        // What the job store keeps and the dashboard shows: the flag, and a placeholder for the cancellation token.
        var stored = JsonSerializer.Deserialize<string?[]>(InvocationData.SerializeJob(job).Arguments).ShouldNotBeNull();
        stored.ShouldBe(["false", null]);
    }

    [Fact]
    public void Enqueues_the_recompute_on_the_reports_queue()
    {
        new ReportJobs(new BackgroundJobClient(_storage)).EnqueueRecompute();

        _storage.GetMonitoringApi().EnqueuedCount(JobQueues.Reports).ShouldBe(1);
    }

    [Fact]
    public void Enqueues_an_event_recompute_on_the_reports_queue_whose_only_argument_is_the_event_id()
    {
        var id = new ReportJobs(new BackgroundJobClient(_storage)).EnqueueEvent(42);

        using var connection = _storage.GetConnection();
        var job = connection.GetJobData(id).ShouldNotBeNull().Job;
        (job.Type, job.Method.Name).ShouldBe((typeof(RecomputeEventJob), nameof(RecomputeEventJob.RunAsync)));
        var stored = JsonSerializer.Deserialize<string?[]>(InvocationData.SerializeJob(job).Arguments).ShouldNotBeNull();
        stored.ShouldBe(["42", null]);
        _storage.GetMonitoringApi().EnqueuedCount(JobQueues.Reports).ShouldBe(1);
    }
}
