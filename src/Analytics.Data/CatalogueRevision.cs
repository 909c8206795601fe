using Analytics.Core.Organisations;
using Analytics.Core.Settings;
using Analytics.Core.Targets;
using Analytics.Core.Taxonomies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Analytics.Data;

/// <summary>
/// The catalogue's revision: a value renewed whenever an organisation, a taxonomy category or a target is added,
/// changed or removed, in the same transaction as the change (<see cref="AnalyticsDbContext"/>'s SaveChanges; nothing
/// writes these tables around it). A process may keep what it read of the catalogue (the importer's answer mapper: 5,000
/// organisations read and indexed for every 50-row list) for as long as the revision it read with it is the current one,
/// and whoever loads a catalogue can tell whether it changed the reports' inputs (the seed recomputes every report then).
/// </summary>
public static class CatalogueRevision
{
    public const string Key = "catalogue:revision";

    /// <summary>The current revision, or null in a database `db migrate` has not brought to this version (then nothing may be kept).</summary>
    public static Task<string?> ReadAsync(AnalyticsDbContext db, CancellationToken cancellationToken = default) =>
        db.SystemSettings.AsNoTracking().Where(s => s.Key == Key).Select(s => s.Value).SingleOrDefaultAsync(cancellationToken);

    /// <summary>Whether the pending changes touch the catalogue; asked after DetectChanges, before they are saved.</summary>
    internal static bool Changes(ChangeTracker tracker) =>
        tracker.Entries().Any(e => e.Entity is Organisation or TaxonomyCategory or TargetMix
            && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted);

    /// <summary>A new revision, in the transaction of the changes it follows. Only an update: the row is made by <see cref="EnsureAsync"/>.</summary>
    internal static Task RenewAsync(AnalyticsDbContext db, CancellationToken cancellationToken) =>
        db.SystemSettings.Where(s => s.Key == Key).ExecuteUpdateAsync(s => s.SetProperty(x => x.Value, Guid.NewGuid().ToString("N"))
            .SetProperty(x => x.ChangedAtUtc, DateTime.UtcNow), cancellationToken);

    internal static void Renew(AnalyticsDbContext db) =>
        db.SystemSettings.Where(s => s.Key == Key).ExecuteUpdate(s => s.SetProperty(x => x.Value, Guid.NewGuid().ToString("N"))
            .SetProperty(x => x.ChangedAtUtc, DateTime.UtcNow));

    /// <summary>Makes the row, once, as `db migrate` runs (one process at a time); renewing it later is then an update.</summary>
    public static async Task EnsureAsync(AnalyticsDbContext db, CancellationToken cancellationToken = default)
    {
        if (await db.SystemSettings.AnyAsync(s => s.Key == Key, cancellationToken)) return;
        db.SystemSettings.Add(new SystemSetting { Key = Key, Value = Guid.NewGuid().ToString("N"), ChangedAtUtc = DateTime.UtcNow });
        await db.SaveChangesAsync(cancellationToken);
    }
}
