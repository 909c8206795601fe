using Analytics.Jobs.Reports;
using Hangfire;

namespace Analytics.Jobs.Scheduling;

/// <summary>Enqueues report work after something changed the data.</summary>
public sealed class ReportJobs(IBackgroundJobClient jobs)
{
    public string EnqueueRecompute() => jobs.Enqueue<RecomputeReportsJob>(j => j.RunAsync(false, CancellationToken.None));

    /// <summary>
    /// Recomputes every report, stale or not: for a change no report's data version sees, such as the targets, which each
    /// snapshot carries as they were when it was computed.
    /// </summary>
    public string EnqueueRecomputeAll() => jobs.Enqueue<RecomputeReportsJob>(j => j.RunAsync(true, CancellationToken.None));

    /// <summary>Recomputes one event's reports after an import, a check-in or a consent change; the job carries the id only.</summary>
    public string EnqueueEvent(int eventId) => jobs.Enqueue<RecomputeEventJob>(j => j.RunAsync(eventId, CancellationToken.None));
}
