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
                (report, stamp) = (Keep(stored, Report, disclosure.Protect), stored.Stamp);
            }
        }
        return new PublishedReport(report, stamp.ComputedAtUtc, await snapshots.IsStaleAsync(scope, stamp, cancellationToken)) { Revision = stamp.Revision };
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
            viewStamp = stored.Stamp;
        }
        if (within.Refusal is { } why) return new FilteredReport(null, why);
        var stale = await snapshots.IsStaleAsync(view, viewStamp, cancellationToken);
        // The report is made from the view's row alone (the parent decides only whether it is refused), so it carries that row's revision.
        return new FilteredReport(new PublishedReport(within.Report!, viewStamp.ComputedAtUtc, stale) { Revision = viewStamp.Revision }, null);
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
            .Select(s => new QuarterReport(s.Quarter, s.Value.Report) { Revision = s.Value.Revision })];
    }

    /// <summary>The stored reports of the given scopes of one kind (the events of a list), protected, by scope key.</summary>
    public async Task<IReadOnlyDictionary<string, ProtectedReport>> ReadManyAsync(string kind, IReadOnlyCollection<string> keys,
        CancellationToken cancellationToken = default) =>
        (await ProtectedAsync(kind, keys, Report, disclosure.Protect, cancellationToken)).ToDictionary(r => r.Key, r => r.Value.Report);

    /// <summary>
    /// The headcounts and the breakdowns of <paramref name="dimensions"/> of the given scopes of one kind (the events of a
    /// quarter's table), protected, by scope key: each report has the participants and those dimensions, protected exactly
    /// as in the whole report (each breakdown is protected on its own), and no subsets, reach or balance. Reads only the
    /// payloads' heads (<see cref="SnapshotStore.LoadHeadsAsync"/>): at a million participations a quarter has 1,700 events.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, ProtectedReport>> ReadHeadlinesAsync(string kind, IReadOnlyCollection<string> keys,
        IReadOnlyCollection<string> dimensions, CancellationToken cancellationToken = default)
    {
        ReportFigures Head(ReportFigures figures) => figures with { Breakdowns = [.. figures.Breakdowns.Where(b => dimensions.Contains(b.Dimension))] };
        var output = $"headline {string.Join(",", dimensions.Order(StringComparer.Ordinal))}";
        var heads = await ProtectedAsync(kind, keys, output, figures => disclosure.Protect(Head(figures)),
            missing => HeadsAsync(kind, missing ?? keys, dimensions, cancellationToken), cancellationToken);
        return heads.ToDictionary(r => r.Key, r => r.Value.Report);
    }

    /// <summary>
    /// Only as much of each payload as the dimensions need: none, or the first breakdown alone when it is the one asked
    /// for; a payload whose first breakdown is another dimension is read again with all of them.
    /// </summary>
    private async Task<Dictionary<string, StoredFigures>> HeadsAsync(string kind, IReadOnlyCollection<string> keys,
        IReadOnlyCollection<string> dimensions, CancellationToken cancellationToken)
    {
        var cut = dimensions.Count == 0 ? HeadCut.NoBreakdowns : dimensions.Count == 1 ? HeadCut.FirstBreakdown : HeadCut.AllBreakdowns;
        var heads = await snapshots.LoadHeadsAsync(kind, keys, cut, cancellationToken);
        if (cut != HeadCut.FirstBreakdown) return heads;
        var other = heads.Where(h => h.Value.Figures.Breakdowns.Count > 0 && !dimensions.Contains(h.Value.Figures.Breakdowns[0].Dimension))
            .Select(h => h.Key).ToList();
        if (other.Count > 0)
            foreach (var (key, stored) in await snapshots.LoadHeadsAsync(kind, other, HeadCut.AllBreakdowns, cancellationToken))
                heads[key] = stored;
        return heads;
    }

    /// <summary>
    /// A quarter and up to <paramref name="previous"/> quarters before it, oldest first, each read from its own snapshot
    /// and protected on its own; quarters without a snapshot (no events) are left out.
    /// </summary>
    public async Task<IReadOnlyList<QuarterReport>> ReadTrendAsync(Quarter quarter, int previous = 4, CancellationToken cancellationToken = default)
    {
        var quarters = new List<Quarter> { quarter };
        while (quarters.Count <= previous) quarters.Insert(0, quarters[0].Previous);
        var stored = await ProtectedAsync(ReportScope.QuarterKind, [.. quarters.Select(q => q.ToString())], Report, disclosure.Protect, cancellationToken);
        return [.. quarters.Where(q => stored.ContainsKey(q.ToString())).Select(q => new QuarterReport(q, stored[q.ToString()].Report) { Revision = stored[q.ToString()].Revision })];
    }

    /// <summary>
    /// The scope's organisation tie network, protected for its picture and table (<see cref="DisclosureControl.Protect(TieGraphFigures, int)"/>),
    /// whole or cut to its <paramref name="strongest"/> ties (<see cref="ProtectedTieGraph.Strongest"/>). Only the reach
    /// page draws it, so it is stored and read apart from the report; null without a snapshot or a network.
    /// </summary>
    public async Task<ProtectedTieGraph?> ReadTieGraphAsync(ReportScope scope, int? strongest = null, CancellationToken cancellationToken = default)
    {
        var stamp = (await snapshots.StampsAsync(scope.Kind, [scope.Key], cancellationToken)).GetValueOrDefault(scope.Key);
        if (stamp is null) return null;
        // Only the cut is kept: at a million participations the whole network of all time is 1.8 million ties.
        var output = strongest is { } n ? $"{Graph} {n}" : Graph;
        if (cache?.Find<ProtectedTieGraph>(stamp.Id, stamp.Revision, output) is { } cached) return cached;
        using var filling = cache is null ? null : await cache.FillingAsync((scope.Kind, scope.Key, output), cancellationToken);
        if (cache?.Find<ProtectedTieGraph>(stamp.Id, stamp.Revision, output) is { } filled) return filled;
        if (await snapshots.LoadTieGraphAsync(scope, cancellationToken) is not { } stored) return null;
        var graph = disclosure.Protect(stored.Graph, stored.WithProfile);
        if (strongest is { } count) graph = graph.Strongest(count);
        var size = strongest is { } kept ? Math.Min(stored.Length, 200 * (kept + 1)) : stored.Length;
        return cache?.Keep(stored.Id, stored.Revision, output, graph, size) ?? graph;
    }

    /// <summary>The protected reports of the given scopes of one kind (all for null), with their rows' revisions: cached where the row is unchanged, the rest read in one query.</summary>
    private Task<Dictionary<string, Revised>> ProtectedAsync(string kind, IReadOnlyCollection<string>? keys, string output,
        Func<ReportFigures, ProtectedReport> protect, CancellationToken cancellationToken) =>
        ProtectedAsync(kind, keys, output, protect, missing => snapshots.LoadStoredAsync(kind, missing, cancellationToken), cancellationToken);

    /// <summary>As above, reading the missing scopes' figures with <paramref name="load"/> (all of them for null).</summary>
    private async Task<Dictionary<string, Revised>> ProtectedAsync(string kind, IReadOnlyCollection<string>? keys, string output,
        Func<ReportFigures, ProtectedReport> protect, Func<IReadOnlyCollection<string>?, Task<Dictionary<string, StoredFigures>>> load,
        CancellationToken cancellationToken)
    {
        if (cache is null)
            return (await load(keys))
                .ToDictionary(s => s.Key, s => new Revised(protect(s.Value.Figures), s.Value.Stamp.Revision));
        var reports = new Dictionary<string, Revised>();
        var stamps = await snapshots.StampsAsync(kind, keys, cancellationToken);
        var missing = Missing();
        if (missing.Count == 0) return reports;
        using var filling = await cache.FillingAsync((kind, output), cancellationToken);
        // Another request may have filled them while this one waited.
        missing = Missing();
        if (missing.Count == 0) return reports;
        foreach (var (key, stored) in await load(missing))
            reports[key] = new Revised(Keep(stored, output, protect), stored.Stamp.Revision);
        return reports;

        List<string> Missing()
        {
            var left = new List<string>();
            foreach (var (key, stamp) in stamps)
                if (reports.ContainsKey(key)) continue;
                else if (cache.Find<ProtectedReport>(stamp.Id, stamp.Revision, output) is { } cached) reports[key] = new Revised(cached, stamp.Revision);
                else left.Add(key);
            return left;
        }
    }

    /// <summary>A protected report and the revision of the row it was made from.</summary>
    private readonly record struct Revised(ProtectedReport Report, Guid Revision);

    private T Keep<T>(StoredFigures stored, string output, Func<ReportFigures, T> protect) where T : class
    {
        var value = protect(stored.Figures);
        return cache?.Keep(stored.Stamp.Id, stored.Stamp.Revision, output, value, stored.Length) ?? value;
    }

    /// <summary>A filtered view as cached: its report, or why it is refused.</summary>
    private sealed record Within(ProtectedReport? Report, string? Refusal);
}

/// <summary>A filtered view's report, or why it is not shown.</summary>
public sealed record FilteredReport(PublishedReport? Published, string? Refusal);

/// <summary>One quarter's protected report, as a point of a trend.</summary>
public sealed record QuarterReport(Quarter Quarter, ProtectedReport Report)
{
    /// <summary>The <see cref="ReportSnapshot.Revision"/> of the row the report was made from (empty when unknown): what caches of drawings from it are keyed by.</summary>
    public Guid Revision { get; init; }
}

/// <summary>A protected report, when it was computed, and whether newer data is waiting for a recompute.</summary>
public sealed record PublishedReport(ProtectedReport Report, DateTime ComputedAtUtc, bool Stale)
{
    /// <summary>The <see cref="ReportSnapshot.Revision"/> of the row the report was made from (empty when unknown): what caches of drawings from it are keyed by.</summary>
    public Guid Revision { get; init; }
}
