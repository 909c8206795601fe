using Analytics.Core.Privacy;
using Analytics.Data;
using Analytics.Ingest.Catalogue;
using Analytics.Ingest.Mapping;
using Analytics.Testing;

namespace Analytics.Ingest.Tests.Formats;

/// <summary>Imports fixtures into a migrated database holding the sample organisations and the fixtures' event.</summary>
internal static class FixtureImport
{
    public static readonly AttendeeKeyHasher Keys = new(new byte[32]);

    public static TheoryData<string, string> OnEachProvider
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var fixture in FixtureFiles.All)
                foreach (var provider in TestDatabase.AvailableProviders)
                    data.Add(fixture.FileName, provider);
            return data;
        }
    }

    public static async Task<TestDatabase> DatabaseAsync(string provider)
    {
        var database = await MigratedDatabase.CreateAsync(provider);
        await using var db = database.Open();
        await using (var organisations = File.OpenRead(SampleData.Organisations))
            (await new CatalogueImporter(db).ImportOrganisationsAsync(organisations)).Errors.ShouldBeEmpty();
        (await new EventCatalogue(db).SaveAsync(new EventDraft(FixtureFiles.EventSlug, FixtureFiles.EventTitle, FixtureFiles.EventStartsLocal)))
            .ShouldBeEmpty();
        return database;
    }

    public static Task<ImportResult> ImportAsync(TestDatabase database, Fixture fixture) =>
        ImportAsync(database, fixture.FileName, fixture.Bytes, fixture.Mapping);

    public static async Task<ImportResult> ImportAsync(TestDatabase database, string fileName, byte[] bytes, ImportMapping mapping)
    {
        await using var db = database.Open();
        await using var content = new MemoryStream(bytes, writable: false);
        return await new ImportService(db, Keys, FixedClock.SampleDay, SharedCatalogue.Cache)
            .ImportAsync(new ImportRequest(content, fileName, FixtureFiles.EventSlug, "test") { Mapping = mapping });
    }

    public static async Task<T> QueryAsync<T>(TestDatabase database, Func<AnalyticsDbContext, Task<T>> query)
    {
        await using var db = database.Open();
        return await query(db);
    }
}
