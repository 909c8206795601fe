using System.Text.Json;
using System.Text.Json.Nodes;
using Analytics.Core.Reports;
using Analytics.Core.Taxonomies;
using Analytics.Reporting.Figures;
using Analytics.Reporting.Snapshots;
using Analytics.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Analytics.Reporting.Tests.Snapshots;

public class SnapshotStoreTests
{
    [Theory, DatabaseProviders]
    public async Task Gives_back_the_figures_it_stored(string provider)
    {
        await using var database = await MigratedDatabase.CreateAsync(provider);
        await using (var db = database.Open())
        {
            var data = new ReportData(db);
            var region = await data.OrganisationAsync("Västra Götalandsregionen", "region");
            await data.TargetAsync(Dimension.Sector, "region", 0.15, isExample: true);
            await data.AddAsync(await data.EventAsync("mars", new DateTime(2026, 3, 23, 17, 0, 0)),
                Someone.WithKey("a").Attended().In("region").From(region).Bringing(1), Someone.WithKey("b").Attended().In("civilsamhalle"),
                Someone.WithKey("c").NoShow().In("kommun"), Someone.Anonymous().Attended().FromUnmapped("föreningen hallonbacken"));
        }
        ReportFigures figures;
        await using (var db = database.Open())
        {
            figures = (await new ReportBuilder(db).BuildEventAsync("mars")).ShouldNotBeNull();
            await new SnapshotStore(db, FixedClock.SampleDay).SaveAsync(figures, dataVersion: 7);
        }

        await using (var db = database.Open())
        {
            var stored = (await new SnapshotStore(db, FixedClock.SampleDay).LoadAsync(figures.Scope)).ShouldNotBeNull();

            (stored.Stamp.DataVersion, stored.Stamp.ComputedAtUtc).ShouldBe((7, FixedClock.SampleDay.GetUtcNow().UtcDateTime));
            // The tie network is stored beside the payload and read on its own (only the reach page draws it).
            var reach = figures.Reach.ShouldNotBeNull();
            (stored.Figures with { Breakdowns = figures.Breakdowns, Subsets = figures.Subsets, Balance = figures.Balance })
                .ShouldBe(figures with { Reach = reach with { TieGraph = null } });
            var graph = (await new SnapshotStore(db, FixedClock.SampleDay).LoadTieGraphAsync(figures.Scope)).ShouldNotBeNull();
            (graph.Graph, graph.WithProfile).ShouldBe((reach.TieGraph.ShouldNotBeNull(), figures.WithProfile));
            TalliesOf(stored.Figures).ShouldBe(TalliesOf(figures));
            figures.Reach.ShouldNotBeNull();
            figures.Breakdowns.Sum(b => b.Tallies.Count).ShouldBeGreaterThan(0);
            figures.Subsets.Sum(s => s.Breakdowns.Sum(b => b.Tallies.Count)).ShouldBeGreaterThan(0);
            figures.Balance.Sum(b => b.Categories.Count).ShouldBeGreaterThan(0);
        }
    }

    [Theory, DatabaseProviders]
    public async Task Loads_a_snapshot_stored_before_reach_and_balance_existed(string provider)
    {
        await using var database = await MigratedDatabase.CreateAsync(provider);
        var figures = new ReportFigures(ReportScope.ForEvent("gammal"), 1, 1, 12, 10, 10, 10, 0,
            [new Breakdown("sector", [new Tally("kommun", "Kommun", 10, 10)])]);
        var payload = JsonNode.Parse(JsonSerializer.Serialize(figures, JsonSerializerOptions.Web))!.AsObject();
        payload.Remove("reach").ShouldBeTrue();
        payload.Remove("balance").ShouldBeTrue();
        await using (var db = database.Open())
        {
            db.ReportSnapshots.Add(new ReportSnapshot { ScopeKind = "event", ScopeKey = "gammal", Payload = payload.ToJsonString() });
            await db.SaveChangesAsync();
        }

        await using var read = database.Open();
        var stored = (await new SnapshotStore(read, FixedClock.SampleDay).LoadAsync(figures.Scope)).ShouldNotBeNull().Figures;

        (stored.Reach, stored.Balance.Count, stored.Counted).ShouldBe((null, 0, 10));
    }

    /// <summary>Every tally of the figures, the whole's and each subset's, named by where it sits.</summary>
    private static List<string> TalliesOf(ReportFigures figures) =>
    [
        .. figures.Breakdowns.SelectMany(b => b.Tallies.Select(t => $"{b.Dimension}: {t}")),
        .. figures.Subsets.SelectMany(s => s.Breakdowns.SelectMany(b => b.Tallies.Select(t => $"{s.Name} ({s.Counted}, {s.WithProfile}) {b.Dimension}: {t}"))),
        .. figures.Balance.SelectMany(b => b.Categories.Select(c => $"balance {b.Dimension} ({b.IsExample}, {b.Total}): {c}")),
    ];
}

/// <summary>
/// SQLite only, by design: it stores a row's columns in order, so a column behind a large one is reached by walking
/// the large one's overflow pages (a quarter's payload is 2 MB at a million participations). Every page read starts
/// with the rows' stamps, so the stamp's columns must come before the payload and the tie network.
/// </summary>
public class SnapshotColumnOrderTests
{
    [Fact]
    public async Task Keeps_the_stamps_columns_before_the_payload_and_the_network()
    {
        await using var database = await MigratedDatabase.CreateAsync("sqlite");
        await using var db = database.Open();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "SELECT name FROM pragma_table_info('ReportSnapshots') ORDER BY cid";
        var columns = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) columns.Add(reader.GetString(0));

        columns.ShouldBe(["Id", "ScopeKind", "ScopeKey", "DataVersion", "ComputedAtUtc", "PayloadFormat", "Revision", "Payload", "TieGraph"]);
    }

    [Fact]
    public async Task Moves_the_columns_of_a_database_made_before_without_losing_a_row_or_its_number()
    {
        await using var database = await MigratedDatabase.CreateAsync("sqlite");
        var figures = new ReportFigures(ReportScope.ForQuarter(new Analytics.Core.Events.Quarter(2026, 2)), 1, 1, 12, 10, 10, 10, 0, []);
        SnapshotStamp before;
        await using (var db = database.Open())
        {
            await new SnapshotStore(db, FixedClock.SampleDay).SaveAsync(figures, dataVersion: 3);
            before = (await new SnapshotStore(db, FixedClock.SampleDay).StampsAsync(figures.Scope.Kind, [figures.Scope.Key]))[figures.Scope.Key];
            var migrator = db.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>();
            await migrator.MigrateAsync("SnapshotTieGraphColumn");
            await migrator.MigrateAsync();
        }

        await using (var db = database.Open())
        {
            var store = new SnapshotStore(db, FixedClock.SampleDay);
            (await store.StampsAsync(figures.Scope.Kind, [figures.Scope.Key]))[figures.Scope.Key].ShouldBe(before);
            JsonSerializer.Serialize((await store.LoadAsync(figures.Scope)).ShouldNotBeNull().Figures).ShouldBe(JsonSerializer.Serialize(figures));
            // AUTOINCREMENT still counts on from the copied rows: a new scope gets a number never used before.
            await store.SaveAsync(figures with { Scope = ReportScope.ForQuarter(new Analytics.Core.Events.Quarter(2026, 3)) }, dataVersion: 1);
            (await store.StampsAsync(ReportScope.QuarterKind, ["2026Q3"]))["2026Q3"].Id.ShouldBeGreaterThan(before.Id);
        }
    }
}
