using System.Text.Json;
using Analytics.Core.Events;
using Analytics.Core.Reports;
using Analytics.Data;
using Analytics.Core.Taxonomies;
using Analytics.Reporting.Figures;
using Analytics.Reporting.Json;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Reporting.Snapshots;

/// <summary>
/// Stored figures per scope, each stamped with the data version it was computed from. The version of an event is its
/// own; a quarter's, a host organisation's or all time's is the sum over its events, so any change to any of them makes
/// it stale.
/// </summary>
public sealed class SnapshotStore(AnalyticsDbContext db, TimeProvider clock)
{
    /// <summary>The scope's stored figures, without the tie network (<see cref="LoadTieGraphAsync"/> reads that).</summary>
    public async Task<StoredFigures?> LoadAsync(ReportScope scope, CancellationToken cancellationToken = default)
    {
        var snapshot = await Rows(scope.Kind).Where(s => s.ScopeKey == scope.Key)
            .Select(s => new StoredRow(s.ScopeKey, s.Payload, new SnapshotStamp(s.Id, s.Revision, s.DataVersion, s.ComputedAtUtc, s.PayloadFormat)))
            .SingleOrDefaultAsync(cancellationToken);
        return snapshot is null ? null : Stored(snapshot);
    }

    /// <summary>The stored figures, with their stamps, of the given scopes of one kind (all of them for null), by scope key.</summary>
    public async Task<Dictionary<string, StoredFigures>> LoadStoredAsync(string kind, IReadOnlyCollection<string>? keys,
        CancellationToken cancellationToken = default)
    {
        var rows = Rows(kind);
        if (keys is not null) rows = rows.Where(s => keys.Contains(s.ScopeKey));
        var snapshots = await rows
            .Select(s => new StoredRow(s.ScopeKey, s.Payload, new SnapshotStamp(s.Id, s.Revision, s.DataVersion, s.ComputedAtUtc, s.PayloadFormat)))
            .ToListAsync(cancellationToken);
        return snapshots.Select(s => (s.ScopeKey, Stored: Stored(s))).Where(s => s.Stored is not null)
            .ToDictionary(s => s.ScopeKey, s => s.Stored!);
    }

    /// <summary>
    /// The heads of the given scopes' payloads, by scope key: the headcounts and, as <paramref name="cut"/> says, no
    /// breakdowns, the first one or all of them, but never the subsets, reach and balance. What a table of many events
    /// shows. The payload is cut in the database (<see cref="ReportFigures"/> writes its headcounts, then its breakdowns,
    /// then the rest), so at a million participations a quarter's 1,700 events are read as about 2 MB (the first
    /// breakdown) or 17 MB (all) instead of 47 MB, and parsed as that. A payload without the place to cut is read whole.
    /// </summary>
    public async Task<Dictionary<string, StoredFigures>> LoadHeadsAsync(string kind, IReadOnlyCollection<string> keys, HeadCut cut,
        CancellationToken cancellationToken = default)
    {
        var (marker, close) = Cuts[cut];
        var heads = await Rows(kind).Where(s => keys.Contains(s.ScopeKey))
            .Select(s => new
            {
                s.ScopeKey,
                Cut = s.Payload.Contains(marker),
                Head = s.Payload.Contains(marker) ? s.Payload.Substring(0, s.Payload.IndexOf(marker)) : s.Payload,
                Stamp = new SnapshotStamp(s.Id, s.Revision, s.DataVersion, s.ComputedAtUtc, s.PayloadFormat),
            })
            .ToListAsync(cancellationToken);
        return heads.Select(h => (h.ScopeKey, Stored: Stored(new StoredRow(h.ScopeKey, h.Cut ? close(h.Head) : h.Head, h.Stamp))))
            .Where(s => s.Stored is not null).ToDictionary(s => s.ScopeKey, s => s.Stored!);
    }

    // Property names and the start of an object as the payload writes them, quotes and colon included; inside a JSON
    // string a quote is escaped, so none of them can match a label.
    private const string BreakdownsProperty = "\"breakdowns\":", FirstBreakdownEnd = ",{\"dimension\":", SubsetsProperty = "\"subsets\":";

    /// <summary>Where each cut is made, and how the cut head is closed to stay one JSON object.</summary>
    private static readonly Dictionary<HeadCut, (string Marker, Func<string, string> Close)> Cuts = new()
    {
        // The head ends with the comma after the headcounts: the breakdowns are given as none.
        [HeadCut.NoBreakdowns] = (BreakdownsProperty, head => head + BreakdownsProperty + "[]}"),
        // The head ends with the first breakdown's object: the array and the report are closed after it.
        [HeadCut.FirstBreakdown] = (FirstBreakdownEnd, head => head + "]}"),
        // The head ends with the comma after the breakdowns: the report is closed there.
        [HeadCut.AllBreakdowns] = (SubsetsProperty, head => string.Concat(head.AsSpan(0, head.Length - 1), "}")),
    };

    /// <summary>
    /// What identifies the stored row of each given scope of one kind (all of them for null), by scope key, without reading
    /// its payload: the cheap first read of a cached report.
    /// </summary>
    public async Task<Dictionary<string, SnapshotStamp>> StampsAsync(string kind, IReadOnlyCollection<string>? keys,
        CancellationToken cancellationToken = default)
    {
        var rows = Rows(kind);
        if (keys is not null) rows = rows.Where(s => keys.Contains(s.ScopeKey));
        return await rows.Select(s => new { s.ScopeKey, Stamp = new SnapshotStamp(s.Id, s.Revision, s.DataVersion, s.ComputedAtUtc, s.PayloadFormat) })
            .ToDictionaryAsync(s => s.ScopeKey, s => s.Stamp, cancellationToken);
    }

    /// <summary>
    /// The scope's raw tie network and the number of people with a profile it is protected by, or null without a snapshot
    /// or a network. A snapshot written before the network had its own column still has it inside its payload.
    /// </summary>
    public async Task<StoredTieGraph?> LoadTieGraphAsync(ReportScope scope, CancellationToken cancellationToken = default)
    {
        var row = await Rows(scope.Kind).Where(s => s.ScopeKey == scope.Key)
            .Select(s => new { s.Payload, s.TieGraph, s.PayloadFormat, s.Revision, s.Id }).SingleOrDefaultAsync(cancellationToken);
        if (row is null || ReportJson.ReadPayload(row.Payload) is not { } figures) return null;
        var graph = row.TieGraph is { } json ? JsonSerializer.Deserialize<TieGraphFigures>(json, StoredJson.Networks)
            : figures.Reach?.TieGraph ?? (scope.Kind == ReportScope.EventKind && row.PayloadFormat >= ReportSnapshot.CurrentFormat
                && figures.Reach is not null && figures.Find(Dimension.Organisation.Code()) is { } organisations
                ? ReportBuilder.OneEventTieGraph(organisations) : null);
        return graph is null ? null : new StoredTieGraph(graph, figures.WithProfile, row.Id, row.Revision, (row.TieGraph?.Length ?? row.Payload.Length));
    }

    /// <summary>The data version every stored snapshot was computed from; a snapshot in an older format is left out, as if missing.</summary>
    public async Task<Dictionary<ReportScope, long>> StoredVersionsAsync(CancellationToken cancellationToken = default) =>
        (await db.ReportSnapshots.AsNoTracking().Where(s => s.PayloadFormat >= ReportSnapshot.CurrentFormat)
            .Select(s => new { s.ScopeKind, s.ScopeKey, s.DataVersion }).ToListAsync(cancellationToken))
        .ToDictionary(s => new ReportScope(s.ScopeKind, s.ScopeKey), s => s.DataVersion);

    /// <summary>
    /// Writes the scope's one row. Two writers may both find no row and both insert (an import and a report job, on
    /// different servers): the unique index refuses the second, which then updates the row the first wrote.
    /// </summary>
    public async Task SaveAsync(ReportFigures figures, long dataVersion, CancellationToken cancellationToken = default)
    {
        var (payload, tieGraph) = Serialise(figures);
        try
        {
            await WriteAsync(figures.Scope, payload, tieGraph, dataVersion, cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            await WriteAsync(figures.Scope, payload, tieGraph, dataVersion, cancellationToken);
        }
    }

    /// <summary>
    /// Writes many scopes' rows with one read of their ids and one save, as a recompute of many scopes does: one read and
    /// one save per scope cost more than the figures of a small scope. If the save fails (another writer inserted one of
    /// the rows meanwhile), each is written on its own as <see cref="SaveAsync"/> does.
    /// </summary>
    public async Task SaveManyAsync(IReadOnlyList<(ReportFigures Figures, long DataVersion)> scopes, CancellationToken cancellationToken = default)
    {
        if (scopes.Count == 0) return;
        var serialised = scopes.Select(s => (s.Figures.Scope, Json: Serialise(s.Figures), s.DataVersion)).ToList();
        var ids = new Dictionary<ReportScope, long>();
        foreach (var kind in serialised.GroupBy(s => s.Scope.Kind))
        {
            var keys = kind.Select(s => s.Scope.Key).ToList();
            foreach (var row in await Rows(kind.Key).Where(s => keys.Contains(s.ScopeKey)).Select(s => new { s.ScopeKey, s.Id }).ToListAsync(cancellationToken))
                ids[new ReportScope(kind.Key, row.ScopeKey)] = row.Id;
        }
        var written = serialised.Select(s => Track(s.Scope, ids.TryGetValue(s.Scope, out var id) ? id : null, s.Json.Payload, s.Json.TieGraph, s.DataVersion)).ToList();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            foreach (var snapshot in written) db.Entry(snapshot).State = EntityState.Detached;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            foreach (var (scope, (payload, tieGraph), version) in serialised)
                await WriteAsync(scope, payload, tieGraph, version, cancellationToken);
        }
    }

    /// <summary>
    /// The payload, and the network apart from it. An event's network is the complete graph on its organisations, which
    /// <see cref="LoadTieGraphAsync"/> makes again from the payload, so it is stored only where that would not give it exactly.
    /// </summary>
    private static (string Payload, string? TieGraph) Serialise(ReportFigures figures)
    {
        var graph = figures.Reach?.TieGraph;
        if (graph is not null && figures.Scope.Kind == ReportScope.EventKind
            && figures.Find(Dimension.Organisation.Code()) is { } organisations && ReportBuilder.IsOneEventTieGraph(graph, organisations))
            graph = null;
        return (ReportJson.Payload(WithoutTieGraph(figures)), graph is null ? null : JsonSerializer.Serialize(graph, StoredJson.Networks));
    }

    private async Task WriteAsync(ReportScope scope, string payload, string? tieGraph, long dataVersion, CancellationToken cancellationToken)
    {
        // Only the id is read: loading the row to update it would read its old payload and network for nothing.
        var id = await Rows(scope.Kind).Where(s => s.ScopeKey == scope.Key).Select(s => (long?)s.Id).SingleOrDefaultAsync(cancellationToken);
        var snapshot = Track(scope, id, payload, tieGraph, dataVersion);
        await db.SaveChangesAsync(cancellationToken);
        // A recompute run writes thousands of snapshots through one context: let each go once written, or every save
        // looks through all the payloads before it and they all stay in memory.
        db.Entry(snapshot).State = EntityState.Detached;
    }

    /// <summary>The scope's row as it is to be written, inserted (no id yet) or updated in place, with a new revision.</summary>
    private ReportSnapshot Track(ReportScope scope, long? id, string payload, string? tieGraph, long dataVersion)
    {
        var snapshot = new ReportSnapshot
        {
            Id = id ?? 0, ScopeKind = scope.Kind, ScopeKey = scope.Key, Payload = payload, TieGraph = tieGraph,
            PayloadFormat = ReportSnapshot.CurrentFormat, Revision = Guid.NewGuid(), DataVersion = dataVersion,
            ComputedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        if (id is null) db.ReportSnapshots.Add(snapshot);
        else db.ReportSnapshots.Update(snapshot);
        return snapshot;
    }

    private IQueryable<ReportSnapshot> Rows(string kind) => db.ReportSnapshots.AsNoTracking().Where(s => s.ScopeKind == kind);

    private static StoredFigures? Stored(StoredRow row) =>
        ReportJson.ReadPayload(row.Payload) is { } figures
            ? new StoredFigures(WithoutTieGraph(figures), row.Stamp, row.Payload.Length)
            : null;

    /// <summary>The figures without their tie network, which is stored and read on its own (and lies in older payloads).</summary>
    private static ReportFigures WithoutTieGraph(ReportFigures figures) =>
        figures.Reach is { TieGraph: not null } reach ? figures with { Reach = reach with { TieGraph = null } } : figures;

    private sealed record StoredRow(string ScopeKey, string Payload, SnapshotStamp Stamp);

    public async Task<bool> IsStaleAsync(ReportScope scope, CancellationToken cancellationToken = default)
    {
        var stamp = (await StampsAsync(scope.Kind, [scope.Key], cancellationToken)).GetValueOrDefault(scope.Key);
        return await IsStaleAsync(scope, stamp, cancellationToken);
    }

    /// <summary>Whether the stored row, stamped as read (null: no row), is behind its scope's data or in an older format.</summary>
    public async Task<bool> IsStaleAsync(ReportScope scope, SnapshotStamp? stamp, CancellationToken cancellationToken = default)
    {
        if (stamp is null) return true;
        var (version, frozen) = await StateAsync(scope, cancellationToken);
        return !frozen && (stamp.Format < ReportSnapshot.CurrentFormat || stamp.DataVersion != version);
    }

    /// <summary>
    /// The scope's current data version (null when the scope does not exist) and whether it is frozen, in one query: an
    /// event's version is its own, a larger scope's the sum over its events of their versions plus one. Frozen means
    /// retention has removed the per-person rows of an event in it: its snapshot is then kept as it was and never
    /// recomputed, since a recompute would count the removed rows as zero.
    /// </summary>
    public async Task<(long? Version, bool Frozen)> StateAsync(ReportScope scope, CancellationToken cancellationToken = default)
    {
        if (EventsOf(scope) is not { } events) return (null, false);
        if (scope.HostOrganisationId() is { } host && !await db.Organisations.AnyAsync(o => o.Id == host, cancellationToken)) return (null, false);
        var state = await events.GroupBy(e => 1)
            .Select(g => new { Sum = g.Sum(e => e.DataVersion + 1), Own = g.Max(e => e.DataVersion), LastPurge = g.Max(e => e.PurgedAtUtc) })
            .SingleOrDefaultAsync(cancellationToken);
        // No group: an event that does not exist, or a larger scope without events (version 0, as the sum over none is).
        if (scope.Kind == ReportScope.EventKind) return (state?.Own, state?.LastPurge is not null);
        return (state?.Sum ?? 0, state?.LastPurge is not null);
    }

    /// <summary>The events a scope is made of; null for a scope that names none.</summary>
    private IQueryable<Event>? EventsOf(ReportScope scope) => scope.Kind switch
    {
        ReportScope.EventKind => db.Events.Where(e => e.Slug == scope.Key),
        ReportScope.QuarterKind when Quarter.TryParse(scope.Key, out var quarter) =>
            db.Events.Where(e => e.StartsAtUtc >= quarter.StartUtc && e.StartsAtUtc < quarter.EndUtc),
        ReportScope.HostKind when scope.HostOrganisationId() is { } host => db.Events.Where(e => e.Hosts.Any(h => h.OrganisationId == host)),
        ReportScope.AllTimeKind => db.Events,
        _ => null,
    };
}

/// <summary>A scope's figures as stored, the stamp of the row they were read from, and the payload's length in characters (a measure of its size in memory).</summary>
public sealed record StoredFigures(ReportFigures Figures, SnapshotStamp Stamp, int Length);

/// <summary>
/// Identifies one write of a scope's row: read without the payload, it says whether a report cached from the row is still
/// the row's (<see cref="ReportSnapshot.Revision"/> is new on every write).
/// </summary>
public sealed record SnapshotStamp(long Id, Guid Revision, long DataVersion, DateTime ComputedAtUtc, int Format);

/// <summary>A scope's raw tie network, the number of people with a profile that decides how it is protected, and its row.</summary>
public sealed record StoredTieGraph(TieGraphFigures Graph, int WithProfile, long Id, Guid Revision, int Length);

/// <summary>How much of each breakdown a head read keeps (<see cref="SnapshotStore.LoadHeadsAsync"/>).</summary>
public enum HeadCut
{
    NoBreakdowns,
    FirstBreakdown,
    AllBreakdowns,
}
