using Analytics.Data;
using Analytics.Ingest.Catalogue;
using Analytics.Ingest.Mapping;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Ingest.Seeding;

/// <summary>
/// Loads data-samples/ through the same catalogue and import code as a user's upload: organisations, events and the
/// example target mix first, then every attendee list and form with the saved mapping.json. Running it twice changes
/// nothing.
/// </summary>
public sealed class SampleDataSeeder(AnalyticsDbContext db, ImportService imports)
{
    public async Task<SeedResult> SeedAsync(string folder, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(Path.Combine(folder, "events.csv")))
            throw new DirectoryNotFoundException(Messages.Say("Hittar inga exempeldata i {0} (events.csv saknas).", folder));

        var catalogue = new CatalogueImporter(db);
        var result = new SeedResult();
        result.Add(await ImportCatalogue(folder, "organisations.csv", catalogue.ImportOrganisationsAsync, cancellationToken));
        result.Add(await ImportCatalogue(folder, "events.csv", catalogue.ImportEventsAsync, cancellationToken));
        result.Add(await ImportCatalogue(folder, "targets.example.csv", catalogue.ImportTargetsAsync, cancellationToken));

        // The answers the network's organisers have already mapped once, as a real installation would have them saved.
        var mappingFile = Path.Combine(folder, "mapping.json");
        var mapping = File.Exists(mappingFile) ? ImportMapping.Parse(await File.ReadAllTextAsync(mappingFile, cancellationToken)) : ImportMapping.Empty;
        var slugs = await db.Events.Select(e => e.Slug).ToListAsync(cancellationToken);
        var files = new[] { "meetup", "forms" }.Select(sub => Path.Combine(folder, sub)).Where(Directory.Exists)
            .SelectMany(Directory.EnumerateFiles).Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var slug = Path.GetFileNameWithoutExtension(file);
            if (!slugs.Contains(slug)) continue;
            await using var stream = File.OpenRead(file);
            var imported = await imports.ImportAsync(new ImportRequest(stream, Path.GetFileName(file), slug, "seed") { Mapping = mapping }, cancellationToken);
            result.Files++;
            if (!imported.AlreadyImported) result.Rows += imported.RowsAccepted;
            result.Rejected += imported.AlreadyImported ? 0 : imported.RowsRejected;
        }
        return result;
    }

    private static async Task<CatalogueResult> ImportCatalogue(string folder, string name,
        Func<Stream, CancellationToken, Task<CatalogueResult>> import, CancellationToken cancellationToken)
    {
        var path = Path.Combine(folder, name);
        if (!File.Exists(path)) return new CatalogueResult();
        await using var stream = File.OpenRead(path);
        return await import(stream, cancellationToken);
    }
}

public sealed class SeedResult
{
    public int CatalogueRows { get; set; }
    public int CatalogueRejected { get; set; }
    public int Files { get; set; }
    public int Rows { get; set; }
    public int Rejected { get; set; }

    public void Add(CatalogueResult catalogue)
    {
        CatalogueRows += catalogue.Accepted;
        CatalogueRejected += catalogue.Errors.Count;
    }
}
