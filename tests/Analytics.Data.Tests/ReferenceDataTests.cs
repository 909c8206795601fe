using Analytics.Core.Taxonomies;
using Analytics.Testing;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Data.Tests;

public class ReferenceDataTests
{
    private static readonly int SeededCategories =
        Taxonomy.Sectors.Count + Taxonomy.Professions.Count + Municipalities.All.Count + Taxonomy.Roles.Count;

    [Theory, DatabaseProviders]
    public async Task Migrating_seeds_every_taxonomy_category_with_both_names_and_its_synonyms(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, migrated: false);
        await using (var db = database.Open())
            await ReferenceData.MigrateAsync(db);

        await using (var db = database.Open())
        {
            (await db.TaxonomyCategories.CountAsync()).ShouldBe(SeededCategories);
            (await db.TaxonomyCategories.CountAsync(c => c.Dimension == "municipality" && c.Code.StartsWith("14"))).ShouldBe(49);
            var academia = await db.TaxonomyCategories.SingleAsync(c => c.Dimension == "sector" && c.Code == "akademi");
            (academia.NameSv, academia.NameEn, academia.StandardCode).ShouldBe(("Akademi", "Academia", "S.1311/S.15"));
            academia.Synonyms.ShouldNotBeNull().Split('|').ShouldContain("universitet");
            (await db.TaxonomyCategories.SingleAsync(c => c.Dimension == "sector" && c.Code == "region")).Synonyms.ShouldBeNull();
        }
    }

    [Theory, DatabaseProviders]
    public async Task Seeding_again_adds_only_what_is_missing_and_keeps_an_admins_edits(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, migrated: false);
        await using (var db = database.Open())
        {
            await ReferenceData.MigrateAsync(db);
            (await db.TaxonomyCategories.SingleAsync(c => c.Dimension == "sector" && c.Code == "kommun")).NameSv = "Kommun (förvaltning)";
            db.TaxonomyCategories.Remove(await db.TaxonomyCategories.SingleAsync(c => c.Dimension == "profession" && c.Code == "student"));
            await db.SaveChangesAsync();
        }

        await using (var db = database.Open())
            await ReferenceData.MigrateAsync(db);

        await using (var db = database.Open())
        {
            (await db.TaxonomyCategories.CountAsync()).ShouldBe(SeededCategories);
            (await db.TaxonomyCategories.SingleAsync(c => c.Dimension == "sector" && c.Code == "kommun")).NameSv.ShouldBe("Kommun (förvaltning)");
            (await db.TaxonomyCategories.CountAsync(c => c.Dimension == "profession" && c.Code == "student")).ShouldBe(1);
        }
    }
}
