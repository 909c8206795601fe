using Analytics.Core.Disclosure;
using Analytics.Core.Events;
using Analytics.Core.Reports;

namespace Analytics.Reporting.Snapshots;

/// <summary>What pages, exports and the command line read: a stored snapshot, passed through disclosure control.</summary>
public sealed class ReportReader(SnapshotStore snapshots, DisclosureControl disclosure)
{
    public async Task<PublishedReport?> ReadAsync(ReportScope scope, CancellationToken cancellationToken = default)
    {
        if (await snapshots.LoadAsync(scope, cancellationToken) is not { } stored) return null;
        var stale = await snapshots.IsStaleAsync(scope, cancellationToken);
        return new PublishedReport(disclosure.Protect(stored.Figures), stored.ComputedAtUtc, stale);
    }

    /// <summary>The stored reports of the given scopes of one kind (the events of a list), protected, by scope key.</summary>
    public async Task<IReadOnlyDictionary<string, ProtectedReport>> ReadManyAsync(string kind, IReadOnlyCollection<string> keys,
        CancellationToken cancellationToken = default) =>
        (await snapshots.LoadAsync(kind, keys, cancellationToken)).ToDictionary(s => s.Key, s => disclosure.Protect(s.Value));

    /// <summary>
    /// A quarter and up to <paramref name="previous"/> quarters before it, oldest first, each read from its own snapshot
    /// and protected on its own; quarters without a snapshot (no events) are left out.
    /// </summary>
    public async Task<IReadOnlyList<QuarterReport>> ReadTrendAsync(Quarter quarter, int previous = 4, CancellationToken cancellationToken = default)
    {
        var quarters = new List<Quarter> { quarter };
        while (quarters.Count <= previous) quarters.Insert(0, quarters[0].Previous);
        var stored = await snapshots.LoadAsync(ReportScope.QuarterKind, [.. quarters.Select(q => q.ToString())], cancellationToken);
        return [.. quarters.Where(q => stored.ContainsKey(q.ToString())).Select(q => new QuarterReport(q, disclosure.Protect(stored[q.ToString()])))];
    }
}

/// <summary>One quarter's protected report, as a point of a trend.</summary>
public sealed record QuarterReport(Quarter Quarter, ProtectedReport Report);

/// <summary>A protected report, when it was computed, and whether newer data is waiting for a recompute.</summary>
public sealed record PublishedReport(ProtectedReport Report, DateTime ComputedAtUtc, bool Stale);
