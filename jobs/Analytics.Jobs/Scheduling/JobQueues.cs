namespace Analytics.Jobs;

/// <summary>The queues every job server listens to, in priority order.</summary>
public static class JobQueues
{
    public const string Reports = "reports";
    public const string Default = "default";

    public static readonly string[] All = [Reports, Default];
}
