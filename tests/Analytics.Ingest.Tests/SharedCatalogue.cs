using Analytics.Ingest.Mapping;

namespace Analytics.Ingest.Tests;

/// <summary>
/// One catalogue cache for every import of the import tests, as one process keeps it across imports in production: a
/// database's catalogue revision is its own (a new random value at every change), so imports into the many test
/// databases, their re-imports, new organisations and saved aliases all go through the cache and must still map right.
/// </summary>
internal static class SharedCatalogue
{
    public static readonly CatalogueCache Cache = new();
}
