namespace Analytics.Jobs.Reports;

/// <summary>
/// The one lock every job that writes report snapshots takes, across all job servers: recomputes overlap in the scopes
/// they write (every one writes all time), so two at once would do the same work twice and race to insert a scope's
/// first snapshot. Runs wait their turn, then find most of their scopes fresh.
/// </summary>
internal static class SnapshotWriters
{
    public const string Lock = "reports:snapshots";

    /// <summary>A full recompute of a large database fits well within it; a job still waiting after that fails and is retried.</summary>
    public const int LockTimeoutSeconds = 600;
}
