using Analytics.Core.Disclosure;
using Analytics.Core.Events;
using Analytics.Core.Reports;

namespace Analytics.Reporting.Snapshots;

/// <summary>
/// What pages, exports and the command line read: a stored snapshot, passed through disclosure control. With a
/// <see cref="ReportCache"/> (the hosts register one), each request first reads only the rows' stamps and protects a
/// payload only when its row has changed since it was last protected.
/// </summary>
public sealed class ReportReader(SnapshotStore snapshots, DisclosureControl disclosure, ReportCache? cache = null)
{
    private const string Report = "report", Public = "public", Graph = "graph";

    public async Task<PublishedReport?> ReadAsync(ReportScope scope, CancellationToken cancellationToken = default)
    {
        var stamps = await snapshots.StampsAsync(scope.Kind, [scope.Key], cancellationToken);
        if (!stamps.TryGetValue(scope.Key, out var stamp)) return null;
        var report = cache?.Find<ProtectedReport>(stamp.Id, stamp.Revision, Report);
        if (report is null)
        {
            using var filling = cache is null ? null : await cache.FillingAsync((scope.Kind, scope.Key), cancellationToken);
            report = cache?.Find<ProtectedReport>(stamp.Id, stamp.Revision, Report);
            if (report is null)
            {
                if (await snapshots.LoadAsync(scope, cancellationToken) is not { } stored) return null;
                (report, stamp) = (Keep(stored, Report, disclosure.Protect), stored.Stamp!);
            }
        }
        return new PublishedReport(report, stamp.ComputedAtUtc, await snapshots.IsStaleAsync(scope, stamp, cancellationToken));
    }

    /// <summary>
    /// A filtered view of a parent (a quarter or a host within all time), or the sentence saying why it cannot be shown
    /// (<see cref="FilteredView"/>). Null when either has no snapshot.
    /// </summary>
    public async Task<FilteredReport?> ReadWithinAsync(ReportScope view, ReportScope parent, CancellationToken cancellationToken = default)
    {
        // The answer depends on both rows: it is cached under the view's row and the parent's revision.
        var parentStamp = (await snapshots.StampsAsync(parent.Kind, [parent.Key], cancellationToken)).GetValueOrDefault(parent.Key);
        var viewStamp = (await snapshots.StampsAsync(view.Kind, [view.Key], cancellationToken)).GetValueOrDefault(view.Key);
        if (parentStamp is null || viewStamp is null) return null;
        var output = $"within {parentStamp.Id} {parentStamp.Revision}";
        if (cache?.Find<Within>(viewStamp.Id, viewStamp.Revision, output) is not { } within)
        {
            if (await snapshots.LoadAsync(view, cancellationToken) is not { } stored) return null;
            if (await snapshots.LoadAsync(parent, cancellationToken) is not { } whole) return null;
            var refusal = FilteredView.Refusal(stored.Figures, whole.Figures, disclosure.K);
            within = Keep(stored, output, figures => new Within(refusal is null ? disclosure.Protect(figures) : null, refusal));
            viewStamp = stored.Stamp!;
        }
        if (within.Refusal is { } why) return new FilteredReport(null, why);
        var stale = await snapshots.IsStaleAsync(view, viewStamp, cancellationToken);
        return new FilteredReport(new PublishedReport(within.Report!, viewStamp.ComputedAtUtc, stale), null);
    }

    /// <summary>
    /// The network's completed quarters as open data: each quarter's snapshot protected by the cell-key method as well
    /// (<see cref="DisclosureControl.ProtectPublic"/>), oldest first. Completed quarters are the only public scope: they
    /// do not overlap, and they no longer change as events are added, so no public table can be differenced against
    /// another, or against itself a day later.
    /// </summary>
    public async Task<IReadOnlyList<QuarterReport>> ReadPublicQuartersAsync(DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        var stored = await ProtectedAsync(ReportScope.QuarterKind, null, Public, disclosure.ProtectPublic, cancellationToken);
        return [.. stored.Select(s => (Ok: Quarter.TryParse(s.Key, out var q), Quarter: q, s.Value))
            .Where(s => s.Ok && s.Quarter.EndUtc <= nowUtc).OrderBy(s => s.Quarter.StartUtc)
            .Select(s => new QuarterReport(s.Quarter, s.Value))];
    }

    /// <summary>The stored reports of the given scopes of one kind (the events of a list), protected, by scope key.</summary>
    public async Task<IReadOnlyDictionary<string, ProtectedReport>> ReadManyAsync(string kind, IReadOnlyCollection<string> keys,
        CancellationToken cancellationToken = default) =>
        await ProtectedAsync(kind, keys, Report, disclosure.Protect, cancellationToken);

    /// <summary>
    /// A quarter and up to <paramref name="previous"/> quarters before it, oldest first, each read from its own snapshot
    /// and protected on its own; quarters without a snapshot (no events) are left out.
    /// </summary>
    public async Task<IReadOnlyList<QuarterReport>> ReadTrendAsync(Quarter quarter, int previous = 4, CancellationToken cancellationToken = default)
    {
        var quarters = new List<Quarter> { quarter };
        while (quarters.Count <= previous) quarters.Insert(0, quarters[0].Previous);
        var stored = await ProtectedAsync(ReportScope.QuarterKind, [.. quarters.Select(q => q.ToString())], Report, disclosure.Protect, cancellationToken);
        return [.. quarters.Where(q => stored.ContainsKey(q.ToString())).Select(q => new QuarterReport(q, stored[q.ToString()]))];
    }

    /// <summary>
    /// The scope's organisation tie network, protected for its picture and table (<see cref="DisclosureControl.Protect(TieGraphFigures, int)"/>).
    /// Only the reach page draws it, so it is stored and read apart from the report; null without a snapshot or a network.
    /// </summary>
    public async Task<ProtectedTieGraph?> ReadTieGraphAsync(ReportScope scope, CancellationToken cancellationToken = default)
    {
        var stamp = (await snapshots.StampsAsync(scope.Kind, [scope.Key], cancellationToken)).GetValueOrDefault(scope.Key);
        if (stamp is null) return null;
        if (cache?.Find<ProtectedTieGraph>(stamp.Id, stamp.Revision, Graph) is { } cached) return cached;
        if (await snapshots.LoadTieGraphAsync(scope, cancellationToken) is not { } stored) return null;
        var graph = disclosure.Protect(stored.Graph, stored.WithProfile);
        return cache?.Keep(stored.Id, stored.Revision, Graph, graph, stored.Length) ?? graph;
    }

    /// <summary>The protected reports of the given scopes of one kind (all for null): cached where the row is unchanged, the rest read in one query.</summary>
    private async Task<Dictionary<string, ProtectedReport>> ProtectedAsync(string kind, IReadOnlyCollection<string>? keys, string output,
        Func<ReportFigures, ProtectedReport> protect, CancellationToken cancellationToken)
    {
        if (cache is null)
            return (await snapshots.LoadStoredAsync(kind, keys, cancellationToken)).ToDictionary(s => s.Key, s => protect(s.Value.Figures));
        var reports = new Dictionary<string, ProtectedReport>();
        var stamps = await snapshots.StampsAsync(kind, keys, cancellationToken);
        var missing = Missing();
        if (missing.Count == 0) return reports;
        using var filling = await cache.FillingAsync((kind, output), cancellationToken);
        // Another request may have filled them while this one waited.
        missing = Missing();
        if (missing.Count == 0) return reports;
        foreach (var (key, stored) in await snapshots.LoadStoredAsync(kind, missing, cancellationToken))
            reports[key] = Keep(stored, output, protect);
        return reports;

        List<string> Missing()
        {
            var left = new List<string>();
            foreach (var (key, stamp) in stamps)
                if (reports.ContainsKey(key)) continue;
                else if (cache.Find<ProtectedReport>(stamp.Id, stamp.Revision, output) is { } cached) reports[key] = cached;
                else left.Add(key);
            return left;
        }
    }

    private T Keep<T>(StoredFigures stored, string output, Func<ReportFigures, T> protect) where T : class
    {
        var value = protect(stored.Figures);
        return cache is null || stored.Stamp is not { } stamp ? value : cache.Keep(stamp.Id, stamp.Revision, output, value, stored.Length);
    }

    /// <summary>A filtered view as cached: its report, or why it is refused.</summary>
    private sealed record Within(ProtectedReport? Report, string? Refusal);
}

/// <summary>A filtered view's report, or why it is not shown.</summary>
public sealed record FilteredReport(PublishedReport? Published, string? Refusal);

/// <summary>One quarter's protected report, as a point of a trend.</summary>
public sealed record QuarterReport(Quarter Quarter, ProtectedReport Report);

/// <summary>A protected report, when it was computed, and whether newer data is waiting for a recompute.</summary>
public sealed record PublishedReport(ProtectedReport Report, DateTime ComputedAtUtc, bool Stale);
