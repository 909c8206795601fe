using Analytics.Core.Organisations;
using Analytics.Core.Settings;
using Analytics.Core.Taxonomies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Query;

namespace Analytics.Data;

/// <summary>
/// The catalogue's revision: a value renewed whenever an organisation or a taxonomy category is added, changed or
/// removed, in the same transaction as the change. A process may keep what it read of the catalogue (the importer's
/// answer mapper: 5,000 organisations read and indexed for every 50-row list) for as long as the revision it read with
/// it is the current one. Every write goes through <see cref="AnalyticsDbContext"/>'s SaveChanges, which renews it;
/// nothing writes these tables with ExecuteUpdate or ExecuteDelete.
/// </summary>
public static class CatalogueRevision
{
    public const string Key = "catalogue:revision";

    /// <summary>The current revision, or null in a database that has none yet (then nothing may be kept).</summary>
    public static Task<string?> ReadAsync(AnalyticsDbContext db, CancellationToken cancellationToken = default) =>
        db.SystemSettings.AsNoTracking().Where(s => s.Key == Key).Select(s => s.Value).SingleOrDefaultAsync(cancellationToken);

    /// <summary>Whether the pending changes touch the catalogue; asked before they are saved.</summary>
    internal static bool Changes(ChangeTracker tracker) =>
        tracker.Entries().Any(e => e.Entity is Organisation or TaxonomyCategory
            && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted);

    /// <summary>A new revision, after the catalogue's changes are saved: in their transaction when there is one.</summary>
    public static async Task RenewAsync(AnalyticsDbContext db, CancellationToken cancellationToken = default)
    {
        var (revision, now) = (Guid.NewGuid().ToString("N"), DateTime.UtcNow);
        if (await db.SystemSettings.Where(s => s.Key == Key).ExecuteUpdateAsync(Set(revision, now), cancellationToken) == 0)
            await db.Database.ExecuteSqlAsync(Insert(revision, now), cancellationToken);
    }

    public static void Renew(AnalyticsDbContext db)
    {
        var (revision, now) = (Guid.NewGuid().ToString("N"), DateTime.UtcNow);
        if (db.SystemSettings.Where(s => s.Key == Key).ExecuteUpdate(Set(revision, now)) == 0)
            db.Database.ExecuteSql(Insert(revision, now));
    }

    private static Action<UpdateSettersBuilder<SystemSetting>> Set(string revision, DateTime now) =>
        s => s.SetProperty(x => x.Value, revision).SetProperty(x => x.ChangedAtUtc, now);

    // The row is made by `db migrate` (ReferenceData); only a database that never ran it lacks it. Quoted names are
    // understood by all three providers.
    private static FormattableString Insert(string revision, DateTime now) =>
        $"""INSERT INTO "SystemSettings" ("Key", "Value", "ChangedAtUtc") VALUES ({Key}, {revision}, {now})""";
}
