using Analytics.Core.Privacy;
using Analytics.Ingest.Catalogue;
using Analytics.Testing;

namespace Analytics.Ingest.Tests.Robustness;

/// <summary>
/// A migrated database holding the sample catalogues (organisations, events, the example targets), as an organiser
/// sets it up before importing lists, and a way to import into it as uploads do.
/// </summary>
internal static class SampleDatabase
{
    public static readonly AttendeeKeyHasher Keys = new(new byte[32]);

    /// <summary>With every sample event, or (quicker) only the events named.</summary>
    public static async Task<TestDatabase> CreateAsync(string provider, params string[] events)
    {
        var database = await MigratedDatabase.CreateAsync(provider);
        await using var db = database.Open();
        var catalogue = new CatalogueImporter(db);
        var eventLines = File.ReadAllLines(SampleData.File("events.csv"));
        foreach (var (csv, import) in new (Stream, Func<Stream, CancellationToken, Task<CatalogueResult>>)[]
                 {
                     (File.OpenRead(SampleData.Organisations), catalogue.ImportOrganisationsAsync),
                     (Lines([eventLines[0], .. eventLines.Skip(1).Where(l => events.Length == 0 || events.Contains(l[..l.IndexOf(',')]))]),
                         catalogue.ImportEventsAsync),
                     (File.OpenRead(SampleData.File("targets.example.csv")), catalogue.ImportTargetsAsync),
                 })
            await using (csv)
                (await import(csv, CancellationToken.None)).Errors.ShouldBeEmpty();
        return database;
    }

    private static MemoryStream Lines(IEnumerable<string> lines) => new(System.Text.Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n"));

    /// <summary>The event that the fixtures of every format (<see cref="FixtureFiles"/>) are imported into.</summary>
    public static async Task AddFixtureEventAsync(this TestDatabase database)
    {
        await using var db = database.Open();
        (await new EventCatalogue(db).SaveAsync(new EventDraft(FixtureFiles.EventSlug, FixtureFiles.EventTitle, FixtureFiles.EventStartsLocal)))
            .ShouldBeEmpty();
    }

    public static async Task<ImportResult> ImportAsync(this TestDatabase database, ImportRequest request, ImportLimits? limits = null)
    {
        await using var db = database.Open();
        return await new ImportService(db, Keys, FixedClock.SampleDay, SharedCatalogue.Cache, limits).ImportAsync(request);
    }

    public static Task<ImportResult> ImportAsync(this TestDatabase database, string slug, string fileName, byte[] content,
        ImportLimits? limits = null) =>
        database.ImportAsync(new ImportRequest(new MemoryStream(content), fileName, slug, "test"), limits);

    /// <summary>A sample list or export, imported into the event its file is named after.</summary>
    public static Task<ImportResult> ImportSampleAsync(this TestDatabase database, string path) =>
        database.ImportAsync(SlugOf(path), Path.GetFileName(path), File.ReadAllBytes(path));

    public static string SlugOf(string path) => Path.GetFileNameWithoutExtension(path);

    public static IEnumerable<string> MeetupLists =>
        Directory.EnumerateFiles(SampleData.File("meetup")).Order(StringComparer.Ordinal);

    public static IEnumerable<string> FormsExports =>
        Directory.EnumerateFiles(SampleData.File("forms"), "*.xlsx").Order(StringComparer.Ordinal);

    public static async Task<T> QueryAsync<T>(this TestDatabase database, Func<Data.AnalyticsDbContext, Task<T>> query)
    {
        await using var db = database.Open();
        return await query(db);
    }

    public static Task<Dictionary<string, long>> CountsAsync(this TestDatabase database) =>
        database.QueryAsync(DatabaseContents.CountsAsync);
}
