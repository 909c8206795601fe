using Analytics.Core.Privacy;
using Analytics.Ingest.Seeding;
using Analytics.Testing;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Ingest.Tests.Seeding;

public class SampleDataSeederTests
{
    private static async Task<SeedResult> SeedAsync(TestDatabase database)
    {
        await using var db = database.Open();
        var imports = new ImportService(db, new AttendeeKeyHasher(new byte[32]), FixedClock.SampleDay, new Analytics.Ingest.Mapping.CatalogueCache());
        return await new SampleDataSeeder(db, imports).SeedAsync(SampleData.Folder);
    }

    [Theory, DatabaseProviders]
    public async Task Seeding_the_sample_data_twice_changes_nothing_the_second_time(string provider)
    {
        await using var database = await MigratedDatabase.CreateAsync(provider);

        var first = await SeedAsync(database);
        Dictionary<string, long> counts;
        await using (var db = database.Open())
        {
            counts = await DatabaseContents.CountsAsync(db);
            (await db.Events.CountAsync()).ShouldBeGreaterThanOrEqualTo(30);
            (await db.Participations.CountAsync()).ShouldBeGreaterThanOrEqualTo(1200);
            (await db.Participations.CountAsync()).ShouldBe(first.Rows);
        }

        var second = await SeedAsync(database);

        (second.Rows, second.Rejected).ShouldBe((0, 0));
        second.Files.ShouldBe(first.Files);
        await using (var db = database.Open())
            (await DatabaseContents.CountsAsync(db)).ShouldBe(counts);
    }

    [Theory, DatabaseProviders]
    public async Task Applies_the_saved_mapping_of_the_samples_so_only_the_variants_left_out_stay_unmapped(string provider)
    {
        await using var database = await MigratedDatabase.CreateAsync(provider);

        await SeedAsync(database);

        await using var db = database.Open();
        var kommun = await db.TaxonomyCategories.SingleAsync(c => c.Dimension == "sector" && c.Code == "kommun");
        kommun.Synonyms!.Split('|').ShouldContain("Kommunal verksamhet");
        (await db.Organisations.SingleAsync(o => o.Name == "Göteborgs universitet")).Aliases!.Split('|').ShouldContain("GU");
        var unmapped = await db.UnmappedValues.Select(u => u.RawValue).Distinct().ToListAsync();
        unmapped.ShouldNotContain("GU");
        unmapped.ShouldContain("Chalmers");
    }
}
