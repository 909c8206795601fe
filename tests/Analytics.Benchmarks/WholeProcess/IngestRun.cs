using System.Diagnostics;
using Analytics.Data;
using Analytics.Ingest;
using Analytics.Ingest.Catalogue;
using Analytics.Ingest.Mapping;
using Analytics.Jobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Benchmarks.WholeProcess;

/// <summary>What one ingest run did and how long each phase took.</summary>
public sealed record IngestFigures(int Organisations, int Events, int Files, long RowsRead, long RowsAccepted, long RowsRejected,
    double CatalogueSeconds, double ListsSeconds)
{
    public double RowsPerSecond => ListsSeconds > 0 ? RowsAccepted / ListsSeconds : 0;
}

/// <summary>
/// Loads a generated folder (or data-samples/) into a database through the product's own import code, timing each phase:
/// the catalogues through <see cref="CatalogueImporter"/>, then every attendee list through <see cref="ImportService"/>,
/// each in its own service scope and transaction exactly as `analytics import FILE --event SLUG --mapping mapping.json`
/// runs it, but without starting a process per file and without the recompute that the command runs after each import
/// (recompute is measured on its own). `analytics seed --from DIR` runs the same two phases and then recomputes.
/// </summary>
public static class IngestRun
{
    public static async Task<IngestFigures> RunAsync(string folder, IConfiguration configuration, Action<string>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        services.AddLogging();
        services.AddAnalytics(configuration);
        await using var provider = services.BuildServiceProvider();

        var clock = Stopwatch.StartNew();
        CatalogueResult organisations, events;
        await using (var scope = provider.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AnalyticsDbContext>();
            await ReferenceData.MigrateAsync(db, cancellationToken);
            var catalogue = new CatalogueImporter(db);
            organisations = await ImportCatalogueAsync(folder, "organisations.csv", catalogue.ImportOrganisationsAsync, cancellationToken);
            events = await ImportCatalogueAsync(folder, "events.csv", catalogue.ImportEventsAsync, cancellationToken);
            await ImportCatalogueAsync(folder, "targets.example.csv", catalogue.ImportTargetsAsync, cancellationToken);
        }
        var catalogueSeconds = clock.Elapsed.TotalSeconds;
        progress?.Invoke($"catalogue: {organisations.Accepted} organisations, {events.Accepted} events in {catalogueSeconds:F1} s");

        var mappingFile = Path.Combine(folder, "mapping.json");
        var mapping = File.Exists(mappingFile) ? ImportMapping.Parse(await File.ReadAllTextAsync(mappingFile, cancellationToken)) : ImportMapping.Empty;
        var files = Directory.EnumerateFiles(Path.Combine(folder, "meetup")).Order(StringComparer.Ordinal).ToList();
        clock.Restart();
        long read = 0, accepted = 0, rejected = 0;
        var done = 0;
        foreach (var file in files)
        {
            await using var scope = provider.CreateAsyncScope();
            var imports = scope.ServiceProvider.GetRequiredService<ImportService>();
            await using var stream = File.OpenRead(file);
            var result = await imports.ImportAsync(new ImportRequest(stream, Path.GetFileName(file), Path.GetFileNameWithoutExtension(file), "benchmark")
            {
                Mapping = mapping,
            }, cancellationToken);
            if (result.Refusal is not null) throw new InvalidOperationException($"{Path.GetFileName(file)} was refused: {result.Refusal}");
            read += result.RowsRead;
            accepted += result.RowsAccepted;
            rejected += result.RowsRejected;
            if (++done % 1000 == 0) progress?.Invoke($"lists: {done} of {files.Count} files, {accepted} rows, {clock.Elapsed.TotalSeconds:F0} s");
        }
        return new IngestFigures(organisations.Accepted, events.Accepted, files.Count, read, accepted, rejected, catalogueSeconds,
            clock.Elapsed.TotalSeconds);
    }

    private static async Task<CatalogueResult> ImportCatalogueAsync(string folder, string name,
        Func<Stream, CancellationToken, Task<CatalogueResult>> import, CancellationToken cancellationToken)
    {
        var path = Path.Combine(folder, name);
        if (!File.Exists(path)) return new CatalogueResult();
        await using var stream = File.OpenRead(path);
        var result = await import(stream, cancellationToken);
        if (result.Errors.Count > 0)
            throw new InvalidOperationException($"{name}: {result.Errors.Count} rows refused, the first: row {result.Errors[0].Row}, {result.Errors[0].Reason}");
        return result;
    }
}
