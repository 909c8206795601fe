using Analytics.Core.Events;
using Analytics.Core.Reports;
using Analytics.Data;
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
    public async Task<StoredFigures?> LoadAsync(ReportScope scope, CancellationToken cancellationToken = default)
    {
        var snapshot = await db.ReportSnapshots.AsNoTracking()
            .SingleOrDefaultAsync(s => s.ScopeKind == scope.Kind && s.ScopeKey == scope.Key, cancellationToken);
        return snapshot is null || ReportJson.ReadPayload(snapshot.Payload) is not { } figures
            ? null
            : new StoredFigures(figures, snapshot.DataVersion, snapshot.ComputedAtUtc);
    }

    /// <summary>The stored figures of the given scopes of one kind, by scope key; scopes without a snapshot are left out.</summary>
    public async Task<Dictionary<string, ReportFigures>> LoadAsync(string kind, IReadOnlyCollection<string> keys,
        CancellationToken cancellationToken = default)
    {
        var snapshots = await db.ReportSnapshots.AsNoTracking().Where(s => s.ScopeKind == kind && keys.Contains(s.ScopeKey))
            .Select(s => new { s.ScopeKey, s.Payload }).ToListAsync(cancellationToken);
        return snapshots.Select(s => (s.ScopeKey, Figures: ReportJson.ReadPayload(s.Payload)))
            .Where(s => s.Figures is not null).ToDictionary(s => s.ScopeKey, s => s.Figures!);
    }

    /// <summary>Every stored snapshot of one kind, by scope key.</summary>
    public async Task<Dictionary<string, ReportFigures>> LoadAllAsync(string kind, CancellationToken cancellationToken = default)
    {
        var snapshots = await db.ReportSnapshots.AsNoTracking().Where(s => s.ScopeKind == kind)
            .Select(s => new { s.ScopeKey, s.Payload }).ToListAsync(cancellationToken);
        return snapshots.Select(s => (s.ScopeKey, Figures: ReportJson.ReadPayload(s.Payload)))
            .Where(s => s.Figures is not null).ToDictionary(s => s.ScopeKey, s => s.Figures!);
    }

    /// <summary>The data version every stored snapshot was computed from.</summary>
    public async Task<Dictionary<ReportScope, long>> StoredVersionsAsync(CancellationToken cancellationToken = default) =>
        (await db.ReportSnapshots.AsNoTracking().Select(s => new { s.ScopeKind, s.ScopeKey, s.DataVersion }).ToListAsync(cancellationToken))
        .ToDictionary(s => new ReportScope(s.ScopeKind, s.ScopeKey), s => s.DataVersion);

    /// <summary>
    /// Writes the scope's one row. Two writers may both find no row and both insert (an import and a report job, on
    /// different servers): the unique index refuses the second, which then updates the row the first wrote.
    /// </summary>
    public async Task SaveAsync(ReportFigures figures, long dataVersion, CancellationToken cancellationToken = default)
    {
        try
        {
            await WriteAsync(figures, dataVersion, cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            await WriteAsync(figures, dataVersion, cancellationToken);
        }
    }

    private async Task WriteAsync(ReportFigures figures, long dataVersion, CancellationToken cancellationToken)
    {
        var snapshot = await db.ReportSnapshots
            .SingleOrDefaultAsync(s => s.ScopeKind == figures.Scope.Kind && s.ScopeKey == figures.Scope.Key, cancellationToken);
        if (snapshot is null)
        {
            snapshot = new ReportSnapshot { ScopeKind = figures.Scope.Kind, ScopeKey = figures.Scope.Key, Payload = "" };
            db.ReportSnapshots.Add(snapshot);
        }
        snapshot.Payload = ReportJson.Payload(figures);
        snapshot.DataVersion = dataVersion;
        snapshot.ComputedAtUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        // A recompute run writes thousands of snapshots through one context: let each go once written, or every save
        // looks through all the payloads before it and they all stay in memory.
        db.Entry(snapshot).State = EntityState.Detached;
    }

    /// <summary>The current data version of a scope, or null when the scope does not exist.</summary>
    public async Task<long?> CurrentVersionAsync(ReportScope scope, CancellationToken cancellationToken = default)
    {
        switch (scope.Kind)
        {
            case ReportScope.EventKind:
                return await db.Events.Where(e => e.Slug == scope.Key).Select(e => (long?)e.DataVersion).SingleOrDefaultAsync(cancellationToken);
            case ReportScope.QuarterKind when Quarter.TryParse(scope.Key, out var quarter):
                return await db.Events.Where(e => e.StartsAtUtc >= quarter.StartUtc && e.StartsAtUtc < quarter.EndUtc)
                    .SumAsync(e => e.DataVersion + 1, cancellationToken);
            case ReportScope.HostKind when scope.HostOrganisationId() is { } host:
                if (!await db.Organisations.AnyAsync(o => o.Id == host, cancellationToken)) return null;
                return await db.Events.Where(e => e.Hosts.Any(h => h.OrganisationId == host))
                    .SumAsync(e => e.DataVersion + 1, cancellationToken);
            case ReportScope.AllTimeKind:
                return await db.Events.SumAsync(e => e.DataVersion + 1, cancellationToken);
            default:
                return null;
        }
    }

    public async Task<bool> IsStaleAsync(ReportScope scope, CancellationToken cancellationToken = default)
    {
        var stored = await db.ReportSnapshots.AsNoTracking()
            .Where(s => s.ScopeKind == scope.Kind && s.ScopeKey == scope.Key).Select(s => (long?)s.DataVersion)
            .SingleOrDefaultAsync(cancellationToken);
        if (stored is not null && await IsFrozenAsync(scope, cancellationToken)) return false;
        return stored is null || stored != await CurrentVersionAsync(scope, cancellationToken);
    }

    /// <summary>
    /// True when retention has removed the per-person rows of any event in the scope. Its snapshot is then kept as it
    /// was and never recomputed, since a recompute would count the removed rows as zero.
    /// </summary>
    public async Task<bool> IsFrozenAsync(ReportScope scope, CancellationToken cancellationToken = default)
    {
        var purged = db.Events.Where(e => e.PurgedAtUtc != null);
        return scope.Kind switch
        {
            ReportScope.EventKind => await purged.AnyAsync(e => e.Slug == scope.Key, cancellationToken),
            ReportScope.QuarterKind when Quarter.TryParse(scope.Key, out var quarter) =>
                await purged.AnyAsync(e => e.StartsAtUtc >= quarter.StartUtc && e.StartsAtUtc < quarter.EndUtc, cancellationToken),
            ReportScope.HostKind when scope.HostOrganisationId() is { } host =>
                await purged.AnyAsync(e => e.Hosts.Any(h => h.OrganisationId == host), cancellationToken),
            ReportScope.AllTimeKind => await purged.AnyAsync(cancellationToken),
            _ => false,
        };
    }
}

public sealed record StoredFigures(ReportFigures Figures, long DataVersion, DateTime ComputedAtUtc);
