using Hangfire;

namespace Analytics.Jobs.Scheduling;

/// <summary>The job server of a web node or a worker: the same queues and settings everywhere.</summary>
public static class JobServer
{
    /// <summary>For <c>services.AddHangfireServer(o => JobServer.Configure(o, jobs))</c>.</summary>
    public static void Configure(BackgroundJobServerOptions options, JobSettings jobs)
    {
        options.Queues = [.. jobs.Queues];
        if (jobs.WorkerCount is { } count) options.WorkerCount = count;
        if (jobs.ServerName is { } name) options.ServerName = name;
    }
}
