using Analytics.Core.Events;
using Analytics.Core.Forecasts;
using Analytics.Core.Organisations;
using Analytics.Core.Reports;
using Analytics.Core.Settings;
using Analytics.Core.Targets;
using Analytics.Core.Taxonomies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Analytics.Data;

/// <summary>
/// A value renewed whenever a row of the tables it covers is added, changed or removed, in the same transaction as the
/// change: <see cref="AnalyticsDbContext"/>'s SaveChanges renews it, and the few writes made around SaveChanges
/// (<c>ExecuteUpdate</c>, <c>ExecuteDelete</c>) call <see cref="RenewAsync"/> before they commit. A process may keep
/// what it made from those tables for as long as the revision it read first is still the current one; reading the
/// revision is one primary-key seek, so every server of a farm sees every other's writes at once.
/// </summary>
public sealed class Revision
{
    /// <summary>
    /// Organisations, taxonomy categories and targets: what the importer's answer mapper is made of (5,000 organisations
    /// read and indexed for every 50-row list), and what, when a seed changes it, changes every report.
    /// </summary>
    public static readonly Revision Catalogue = new("catalogue:revision", entity => entity is Organisation or TaxonomyCategory or TargetMix);

    /// <summary>
    /// Everything the report pages show: the catalogue, the events and their hosts (each event's data version moves with
    /// its participations), the stored reports and forecasts. The overview and the event report keep their page data by it
    /// (see the web app's PageDataCache).
    /// </summary>
    public static readonly Revision Reports = new("reports:revision", entity => Catalogue._covers(entity)
        || entity is Event or EventHost or ReportSnapshot or ForecastSnapshot or ForecastModel);

    public static readonly IReadOnlyList<Revision> All = [Catalogue, Reports];

    private readonly Func<object, bool> _covers;

    private Revision(string key, Func<object, bool> covers) => (Key, _covers) = (key, covers);

    /// <summary>Its row in <see cref="AnalyticsDbContext.SystemSettings"/>.</summary>
    public string Key { get; }

    /// <summary>The current revision, or null in a database `db migrate` has not brought to this version (then nothing may be kept).</summary>
    public Task<string?> ReadAsync(AnalyticsDbContext db, CancellationToken cancellationToken = default) =>
        db.SystemSettings.AsNoTracking().Where(s => s.Key == Key).Select(s => s.Value).SingleOrDefaultAsync(cancellationToken);

    /// <summary>
    /// Renews it, for a write made around SaveChanges to a table it covers; call it inside that write's transaction.
    /// Only an update: the row is made by <see cref="EnsureAsync"/>.
    /// </summary>
    public Task RenewAsync(AnalyticsDbContext db, CancellationToken cancellationToken = default) => RenewAsync(db, [Key], cancellationToken);

    /// <summary>The revisions the pending changes touch; asked after DetectChanges, before they are saved.</summary>
    internal static List<string> Changed(ChangeTracker tracker)
    {
        var changed = new List<string>(All.Count);
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            foreach (var revision in All)
                if (!changed.Contains(revision.Key) && revision._covers(entry.Entity)) changed.Add(revision.Key);
            if (changed.Count == All.Count) break;
        }
        return changed;
    }

    internal static Task RenewAsync(AnalyticsDbContext db, IReadOnlyCollection<string> keys, CancellationToken cancellationToken) =>
        db.SystemSettings.Where(s => keys.Contains(s.Key)).ExecuteUpdateAsync(s => s.SetProperty(x => x.Value, Guid.NewGuid().ToString("N"))
            .SetProperty(x => x.ChangedAtUtc, DateTime.UtcNow), cancellationToken);

    internal static void Renew(AnalyticsDbContext db, IReadOnlyCollection<string> keys) =>
        db.SystemSettings.Where(s => keys.Contains(s.Key)).ExecuteUpdate(s => s.SetProperty(x => x.Value, Guid.NewGuid().ToString("N"))
            .SetProperty(x => x.ChangedAtUtc, DateTime.UtcNow));

    /// <summary>Makes the rows, once, as `db migrate` runs (one process at a time); renewing them later is then an update.</summary>
    public static async Task EnsureAsync(AnalyticsDbContext db, CancellationToken cancellationToken = default)
    {
        var keys = All.Select(r => r.Key).ToList();
        var existing = await db.SystemSettings.Where(s => keys.Contains(s.Key)).Select(s => s.Key).ToListAsync(cancellationToken);
        foreach (var revision in All.Where(r => !existing.Contains(r.Key)))
            db.SystemSettings.Add(new SystemSetting { Key = revision.Key, Value = Guid.NewGuid().ToString("N"), ChangedAtUtc = DateTime.UtcNow });
        await db.SaveChangesAsync(cancellationToken);
    }
}
