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

    /// <summary>
    /// A filtered view of a parent (a quarter or a host within all time), or the sentence saying why it cannot be shown
    /// (<see cref="FilteredView"/>). Null when either has no snapshot.
    /// </summary>
    public async Task<FilteredReport?> ReadWithinAsync(ReportScope view, ReportScope parent, CancellationToken cancellationToken = default)
    {
        if (await snapshots.LoadAsync(view, cancellationToken) is not { } stored) return null;
        if (await snapshots.LoadAsync(parent, cancellationToken) is not { } whole) return null;
        if (FilteredView.Refusal(stored.Figures, whole.Figures, disclosure.K) is { } refusal) return new FilteredReport(null, refusal);
        var stale = await snapshots.IsStaleAsync(view, cancellationToken);
        return new FilteredReport(new PublishedReport(disclosure.Protect(stored.Figures), stored.ComputedAtUtc, stale), null);
    }

    /// <summary>
    /// The network's completed quarters as open data: each quarter's snapshot protected by the cell-key method as well
    /// (<see cref="DisclosureControl.ProtectPublic"/>), oldest first. Completed quarters are the only public scope: they
    /// do not overlap, and they no longer change as events are added, so no public table can be differenced against
    /// another, or against itself a day later.
    /// </summary>
    public async Task<IReadOnlyList<QuarterReport>> ReadPublicQuartersAsync(DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        var stored = await snapshots.LoadAllAsync(ReportScope.QuarterKind, cancellationToken);
        return [.. stored.Select(s => (Ok: Quarter.TryParse(s.Key, out var q), Quarter: q, s.Value))
            .Where(s => s.Ok && s.Quarter.EndUtc <= nowUtc).OrderBy(s => s.Quarter.StartUtc)
            .Select(s => new QuarterReport(s.Quarter, disclosure.ProtectPublic(s.Value)))];
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

/// <summary>A filtered view's report, or why it is not shown.</summary>
public sealed record FilteredReport(PublishedReport? Published, string? Refusal);

/// <summary>One quarter's protected report, as a point of a trend.</summary>
public sealed record QuarterReport(Quarter Quarter, ProtectedReport Report);

/// <summary>A protected report, when it was computed, and whether newer data is waiting for a recompute.</summary>
public sealed record PublishedReport(ProtectedReport Report, DateTime ComputedAtUtc, bool Stale);
