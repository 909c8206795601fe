using Analytics.Data.Configuration;
using Microsoft.Extensions.Configuration;

namespace Analytics.Jobs.Scheduling;

/// <summary>
/// How this process takes part in the job queue, from the "Jobs" section. Only what a deployment needs to choose is a
/// setting; anything not set keeps Hangfire's own default.
/// </summary>
public sealed record JobSettings
{
    /// <summary>
    /// Jobs:Server. Whether a web node also runs a job server. True by default, so the embedded default works alone; set it
    /// false on web nodes in front of separate workers (jobs/Analytics.Worker), so page load and job load scale apart.
    /// </summary>
    public bool Server { get; init; } = true;

    /// <summary>Jobs:WorkerCount, jobs run at once by this server (each holds a database connection); Hangfire's default when unset.</summary>
    public int? WorkerCount { get; init; }

    /// <summary>
    /// Jobs:Queues, the queues this server takes jobs from, in priority order: "reports" (snapshots, packs, retention,
    /// forecast) and "default" (imports). All of them unless set, e.g. "default" on a worker kept for imports alone.
    /// </summary>
    public IReadOnlyList<string> Queues { get; init; } = JobQueues.All;

    /// <summary>Jobs:ServerName, the name the dashboard shows (and a test uses to tell servers apart); the machine name when unset.</summary>
    public string? ServerName { get; init; }

    /// <summary>
    /// Jobs:InvisibilityTimeout. How long a job taken by a server that has since died stays invisible before another
    /// server takes it. A live server keeps extending it (sliding), so long jobs are never taken twice; it bounds only how
    /// late a killed worker's job resumes.
    /// </summary>
    public TimeSpan InvisibilityTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Jobs:DistributedLockTimeout (PostgreSQL). The report jobs' shared lock is a row that a killed worker cannot delete;
    /// after this long it counts as abandoned. Keep it above the longest full recompute, since a live holder does not renew
    /// it: a job waiting for the lock deletes one older than this, and the holder then fails and is retried from the start.
    /// 30 minutes is several times a full recompute at a million participations (70 s of CPU, 7 minutes on a loaded
    /// machine); the price is that a killed worker's lock can hold report jobs back that long. SQL Server's locks end
    /// with their session and need no timeout.
    /// </summary>
    public TimeSpan DistributedLockTimeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Jobs:QueuePollInterval, how often an idle server looks for new jobs; Hangfire's default when unset.</summary>
    public TimeSpan? QueuePollInterval { get; init; }

    public static JobSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Jobs");
        var defaults = new JobSettings();
        try
        {
            var settings = new JobSettings
            {
                Server = section.GetValue("Server", defaults.Server),
                WorkerCount = section.GetValue<int?>("WorkerCount") is { } count
                    ? count > 0 ? count : throw new ConfigurationProblem($"Jobs:WorkerCount är {count}; ange minst 1, eller ta bort inställningen för Hangfires standard.")
                    : null,
                ServerName = section["ServerName"] is { Length: > 0 } name ? name : null,
                Queues = QueuesFrom(section.GetSection("Queues")),
                InvisibilityTimeout = section.GetValue("InvisibilityTimeout", defaults.InvisibilityTimeout),
                DistributedLockTimeout = section.GetValue("DistributedLockTimeout", defaults.DistributedLockTimeout),
                QueuePollInterval = section.GetValue<TimeSpan?>("QueuePollInterval"),
            };
            // Hangfire's storages refuse a zero or negative time with an exception when the host starts.
            foreach (var (setting, time) in new[] { ("InvisibilityTimeout", (TimeSpan?)settings.InvisibilityTimeout),
                         ("DistributedLockTimeout", settings.DistributedLockTimeout), ("QueuePollInterval", settings.QueuePollInterval) })
                if (time <= TimeSpan.Zero)
                    throw new ConfigurationProblem($"Jobs:{setting} är {time}; ange en tid över noll, till exempel 00:05:00.");
            return settings;
        }
        catch (InvalidOperationException)
        {
            // A value that does not parse ("5 min" for a TimeSpan): one sentence, not the binder's stack trace.
            throw new ConfigurationProblem(
                "En inställning under Jobs går inte att läsa: Jobs:Server är true eller false, Jobs:WorkerCount ett tal, och " +
                "tider och intervall skrivs hh:mm:ss (till exempel 00:05:00).");
        }
    }

    /// <summary>A comma-separated value or an array (Jobs:Queues:0); each must be a queue the jobs use.</summary>
    private static IReadOnlyList<string> QueuesFrom(IConfigurationSection section)
    {
        var names = (section.Value is { Length: > 0 } list ? list.Split(',') : section.GetChildren().Select(c => c.Value ?? ""))
            .Select(n => n.Trim().ToLowerInvariant()).Where(n => n.Length > 0).Distinct().ToList();
        if (names.Count == 0) return JobQueues.All;
        if (names.FirstOrDefault(n => !JobQueues.All.Contains(n)) is { } unknown)
            throw new ConfigurationProblem($"Jobs:Queues innehåller ”{unknown}”; köerna heter {string.Join(" och ", JobQueues.All)}.");
        return names;
    }
}
