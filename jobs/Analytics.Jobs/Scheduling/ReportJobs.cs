using Analytics.Jobs.Reports;
using Hangfire;

namespace Analytics.Jobs.Scheduling;

/// <summary>Enqueues report work after something changed the data.</summary>
public sealed class ReportJobs(IBackgroundJobClient jobs)
{
    public string EnqueueRecompute() => jobs.Enqueue<RecomputeReportsJob>(j => j.RunAsync(false, CancellationToken.None));
}
