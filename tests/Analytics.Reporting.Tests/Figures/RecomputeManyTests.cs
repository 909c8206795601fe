using Analytics.Core.Privacy;
using Analytics.Core.Reports;
using Analytics.Ingest;
using Analytics.Ingest.Seeding;
using Analytics.Ingest.Tests;
using Analytics.Reporting.Figures;
using Analytics.Reporting.Snapshots;
using Analytics.Testing;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Reporting.Tests.Figures;

/// <summary>
/// A recompute of many scopes reads the rows once for all of them and writes in batches; the figures must be exactly
/// those of building each scope on its own. An event's network is not stored but made again from its payload, and must
/// be exactly the one the builder made.
/// </summary>
public class RecomputeManyTests
{
    [Theory, DatabaseProviders]
    public async Task Builds_every_scope_of_the_sample_from_one_read_exactly_as_each_scope_alone(string provider)
    {
        await using var database = await SeededAsync(provider);
        await using var db = database.Open();
        var scopes = await Recomputers.Of(db).ScopesAsync();
        scopes.Select(s => s.Kind).Distinct().Count().ShouldBe(4);

        var many = new List<ReportFigures>();
        await foreach (var figures in new ReportBuilder(db).BuildManyAsync([.. scopes, ReportScope.ForEvent("finns-inte")])) many.Add(figures);

        many.Select(f => f.Scope).ShouldBe(scopes);
        var alone = new ReportBuilder(db);
        foreach (var figures in many)
        {
            var expected = (await BuildAsync(alone, figures.Scope)).ShouldNotBeNull();
            Json(figures).ShouldBe(Json(expected), figures.Scope.ToString());
            figures.Reach.ShouldNotBeNull().TieGraph.ShouldBe(expected.Reach.ShouldNotBeNull().TieGraph, figures.Scope.ToString());
        }
    }

    [Theory, DatabaseProviders]
    public async Task Stores_no_network_for_an_event_and_reads_back_the_one_the_builder_made(string provider)
    {
        await using var database = await SeededAsync(provider);
        await using (var db = database.Open())
            (await Recomputers.Of(db).RecomputeAsync(all: true))
                .ShouldBeGreaterThan(40);

        await using var read = database.Open();
        var store = new SnapshotStore(read, FixedClock.SampleDay);
        var builder = new ReportBuilder(read);
        var rows = await read.ReportSnapshots.AsNoTracking().Select(s => new { s.ScopeKind, s.ScopeKey, Stored = s.TieGraph != null, s.Payload, s.TieGraph }).ToListAsync();
        // Written through StoredJson's converters, yet exactly what the serializer writes by itself: read and written again
        // by it, every payload and network is the same text.
        foreach (var row in rows)
        {
            Plain<ReportFigures>(row.Payload).ShouldBe(row.Payload, $"{row.ScopeKind} {row.ScopeKey}");
            if (row.TieGraph is { } network) Plain<TieGraphFigures>(network).ShouldBe(network, $"{row.ScopeKind} {row.ScopeKey}");
        }
        rows.Where(r => r.ScopeKind == ReportScope.EventKind).ShouldAllBe(r => !r.Stored);
        rows.Where(r => r.ScopeKind != ReportScope.EventKind).ShouldAllBe(r => r.Stored);
        var withTies = 0;
        foreach (var row in rows)
        {
            var scope = new ReportScope(row.ScopeKind, row.ScopeKey);
            var expected = (await BuildAsync(builder, scope)).ShouldNotBeNull().Reach.ShouldNotBeNull().TieGraph.ShouldNotBeNull();
            var stored = (await store.LoadTieGraphAsync(scope)).ShouldNotBeNull(scope.ToString());
            stored.Graph.ShouldBe(expected, scope.ToString());
            if (scope.Kind == ReportScope.EventKind && expected.Ties.Count > 0) withTies++;
        }
        withTies.ShouldBeGreaterThan(10);
    }

    private static string Plain<T>(string json)
    {
        var options = new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web);
        return System.Text.Json.JsonSerializer.Serialize(System.Text.Json.JsonSerializer.Deserialize<T>(json, options), options);
    }

    private static string Json(ReportFigures figures) =>
        System.Text.Json.JsonSerializer.Serialize(figures, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web));

    private static async Task<TestDatabase> SeededAsync(string provider)
    {
        var database = await MigratedDatabase.CreateAsync(provider);
        await using var db = database.Open();
        var imports = new ImportService(db, new AttendeeKeyHasher(new byte[32]), FixedClock.SampleDay, new Analytics.Ingest.Mapping.CatalogueCache());
        await new SampleDataSeeder(db, imports).SeedAsync(SampleData.Folder);
        return database;
    }

    private static async Task<ReportFigures?> BuildAsync(ReportBuilder builder, ReportScope scope) => scope.Kind switch
    {
        ReportScope.EventKind => await builder.BuildEventAsync(scope.Key),
        ReportScope.QuarterKind => await builder.BuildQuarterAsync(Core.Events.Quarter.TryParse(scope.Key, out var q) ? q : throw new InvalidOperationException()),
        ReportScope.HostKind => await builder.BuildHostAsync(scope.HostOrganisationId()!.Value),
        _ => await builder.BuildAllTimeAsync(),
    };
}
