using Analytics.Core.Taxonomies;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Data;

/// <summary>Brings the database schema up to date and adds the seeded taxonomies that are missing.</summary>
public static class ReferenceData
{
    public static async Task MigrateAsync(AnalyticsDbContext db, CancellationToken cancellationToken = default)
    {
        await db.Database.MigrateAsync(cancellationToken);
        await EnsureTaxonomiesAsync(db, cancellationToken);
        await Revision.EnsureAsync(db, cancellationToken);
    }

    /// <summary>Adds missing categories only, so an admin's edits survive every upgrade.</summary>
    public static async Task EnsureTaxonomiesAsync(AnalyticsDbContext db, CancellationToken cancellationToken = default)
    {
        var existing = (await db.TaxonomyCategories.Select(c => new { c.Dimension, c.Code }).ToListAsync(cancellationToken))
            .Select(c => (c.Dimension, c.Code)).ToHashSet();
        Dimension[] seeded = [Dimension.Sector, Dimension.Profession, Dimension.Municipality, Dimension.Role];
        foreach (var dimension in seeded)
        {
            var order = 0;
            foreach (var category in Taxonomy.For(dimension))
            {
                order++;
                if (existing.Contains((dimension.Code(), category.Code))) continue;
                db.TaxonomyCategories.Add(new TaxonomyCategory
                {
                    Dimension = dimension.Code(),
                    Code = category.Code,
                    NameSv = category.NameSv,
                    NameEn = category.NameEn,
                    StandardCode = category.StandardCode,
                    Synonyms = string.Join('|', Synonyms.For(dimension, category.Code)) is { Length: > 0 } s ? s : null,
                    SortOrder = order,
                });
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
