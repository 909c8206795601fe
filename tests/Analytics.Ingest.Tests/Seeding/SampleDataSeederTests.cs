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
        var imports = new ImportService(db, new AttendeeKeyHasher(new byte[32]), FixedClock.SampleDay);
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
}
