using System.Text.Json.Nodes;
using Analytics.Core.Events;
using Analytics.Core.Reports;
using Analytics.Reporting.Figures;
using Analytics.Reporting.Json;
using Analytics.Reporting.Snapshots;
using Analytics.Testing;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Reporting.Tests.Snapshots;

/// <summary>
/// Protected reports cached by the snapshot row they were made from (<see cref="ReportCache"/>), and the tie network kept
/// apart from the payload. Each "server" below is a context with a cache of its own; they share only the database.
/// </summary>
public class ReportCacheTests
{
    private static readonly Quarter Spring = new(2026, 1);

    [Theory, DatabaseProviders]
    public async Task Serves_the_same_report_while_its_row_is_unchanged_and_a_new_one_after_any_write_on_any_server(string provider)
    {
        await using var database = await MigratedDatabase.CreateAsync(provider);
        await ArrangeAsync(database);
        using var cache = new ReportCache();
        await using var db = database.Open();
        var reader = new ReportReader(new Recompute(db).Store, Protected.Disclosure, cache);
        var scope = ReportScope.ForQuarter(Spring);

        var first = (await reader.ReadAsync(scope)).ShouldNotBeNull();
        var again = (await reader.ReadAsync(scope)).ShouldNotBeNull();
        var events = await reader.ReadManyAsync(ReportScope.EventKind, ["januari", "mars"]);
        var eventsAgain = await reader.ReadManyAsync(ReportScope.EventKind, ["januari", "mars"]);

        again.Report.ShouldBeSameAs(first.Report);
        eventsAgain["mars"].ShouldBeSameAs(events["mars"]);
        first.Report.Participants.Attended.ShouldBe(15);

        // Another server writes the quarter at the same data version and, with a fixed clock, the same time, as a
        // recompute after a change of targets does: only the row's revision tells the two writes apart.
        await using (var other = database.Open())
        {
            var store = new Recompute(other).Store;
            var stored = (await store.LoadAsync(scope)).ShouldNotBeNull();
            await store.SaveAsync(stored.Figures with { Attended = 40 }, stored.Stamp.DataVersion);
        }

        var after = (await reader.ReadAsync(scope)).ShouldNotBeNull();
        after.Report.ShouldNotBeSameAs(first.Report);
        after.Report.Participants.Attended.ShouldBe(40);
        (await reader.ReadTrendAsync(Spring, previous: 0)).Single().Report.Participants.Attended.ShouldBe(40);
        (await reader.ReadManyAsync(ReportScope.EventKind, ["mars"]))["mars"].ShouldBeSameAs(events["mars"]);
    }

    [Theory, DatabaseProviders]
    public async Task Requests_that_miss_at_once_protect_each_report_once(string provider)
    {
        await using var database = await MigratedDatabase.CreateAsync(provider);
        await ArrangeAsync(database);
        using var cache = new ReportCache();

        // As a server started cold: many requests at once, each with its own context, all finding nothing cached.
        var reads = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            await using var db = database.Open();
            var reader = new ReportReader(new Recompute(db).Store, Protected.Disclosure, cache);
            return (Events: await reader.ReadManyAsync(ReportScope.EventKind, ["januari", "mars"]),
                Quarter: (await reader.ReadAsync(ReportScope.ForQuarter(Spring))).ShouldNotBeNull().Report,
                Heads: await reader.ReadHeadlinesAsync(ReportScope.EventKind, ["januari", "mars"], []));
        })));

        reads.ShouldAllBe(r => ReferenceEquals(r.Events["mars"], reads[0].Events["mars"]) && ReferenceEquals(r.Quarter, reads[0].Quarter)
            && ReferenceEquals(r.Heads["mars"], reads[0].Heads["mars"]));
    }

    [Theory, DatabaseProviders]
    public async Task Keeps_the_tie_network_out_of_the_payload_and_reads_it_only_when_asked(string provider)
    {
        await using var database = await MigratedDatabase.CreateAsync(provider);
        await ArrangeAsync(database);
        await using var db = database.Open();
        var row = await db.ReportSnapshots.AsNoTracking().SingleAsync(s => s.ScopeKind == ReportScope.QuarterKind && s.ScopeKey == Spring.ToString());
        var reader = new ReportReader(new Recompute(db).Store, Protected.Disclosure, new ReportCache());

        var payload = JsonNode.Parse(row.Payload)!["reach"]!.AsObject();
        var report = (await reader.ReadAsync(ReportScope.ForQuarter(Spring))).ShouldNotBeNull().Report;
        var graph = (await reader.ReadTieGraphAsync(ReportScope.ForQuarter(Spring))).ShouldNotBeNull();

        (payload["tieGraph"], row.PayloadFormat).ShouldBe((null, ReportSnapshot.CurrentFormat));
        row.TieGraph.ShouldNotBeNullOrEmpty();
        report.Reach.ShouldNotBeNull().Ties.Count.ShouldBe(1);
        (graph.Withheld, graph.Ties.Count).ShouldBe((false, 1));
        graph.Nodes.Select(n => n.Label).Order().ShouldBe(["Göteborgs Stad", "Västra Götalandsregionen"]);
    }

    [Theory, DatabaseProviders]
    public async Task Reads_a_snapshot_with_the_network_inside_its_payload_and_counts_it_stale_until_recomputed(string provider)
    {
        await using var database = await MigratedDatabase.CreateAsync(provider);
        await ArrangeAsync(database);
        var scope = ReportScope.ForQuarter(Spring);
        await using (var db = database.Open())
        {
            // As every snapshot was stored before the network moved to a column of its own (format 0).
            var figures = (await new ReportBuilder(db).BuildQuarterAsync(Spring)).ShouldNotBeNull();
            var row = await db.ReportSnapshots.SingleAsync(s => s.ScopeKind == scope.Kind && s.ScopeKey == scope.Key);
            (row.Payload, row.TieGraph, row.PayloadFormat) = (System.Text.Json.JsonSerializer.Serialize(figures, System.Text.Json.JsonSerializerOptions.Web), null, 0);
            await db.SaveChangesAsync();
        }

        await using (var db = database.Open())
        {
            var recompute = new Recompute(db);
            var reader = new ReportReader(recompute.Store, Protected.Disclosure, new ReportCache());
            var old = (await reader.ReadAsync(scope)).ShouldNotBeNull();
            (old.Stale, old.Report.Participants.Attended).ShouldBe((true, 15));
            (await reader.ReadTieGraphAsync(scope)).ShouldNotBeNull().Ties.Count.ShouldBe(1);

            (await recompute.Recomputer.RecomputeAsync(all: false)).ShouldBe(1);
            var recomputed = (await reader.ReadAsync(scope)).ShouldNotBeNull();
            (recomputed.Stale, recomputed.Report.Participants.Attended).ShouldBe((false, 15));
            (await db.ReportSnapshots.AsNoTracking().SingleAsync(s => s.ScopeKind == scope.Kind && s.ScopeKey == scope.Key)).TieGraph.ShouldNotBeNull();
        }
    }

    // No breakdown (a list of events), the first one alone (the pack's table), another one alone (read again whole,
    // since the head is cut after the first), and two.
    [Theory]
    [DatabaseProviders("")]
    [DatabaseProviders("sector")]
    [DatabaseProviders("profession")]
    [DatabaseProviders("sector,organisation")]
    public async Task Reads_the_headcounts_and_the_asked_breakdowns_of_many_events_as_the_whole_reports_show_them(string provider, string asked)
    {
        string[] dimensions = asked.Length == 0 ? [] : asked.Split(',');
        await using var database = await MigratedDatabase.CreateAsync(provider);
        await ArrangeAsync(database);
        await using var db = database.Open();
        foreach (var cache in new[] { null, new ReportCache() })
        {
            var reader = new ReportReader(new Recompute(db).Store, Protected.Disclosure, cache);

            var whole = await reader.ReadManyAsync(ReportScope.EventKind, ["januari", "mars", "saknas"]);
            var heads = await reader.ReadHeadlinesAsync(ReportScope.EventKind, ["januari", "mars", "saknas"], dimensions);
            var again = await reader.ReadHeadlinesAsync(ReportScope.EventKind, ["januari", "mars"], dimensions);

            heads.Keys.Order().ShouldBe(["januari", "mars"]);
            foreach (var (key, head) in heads)
            {
                ReportJson.Serialize(head).ShouldNotBeNull();
                head.Participants.ShouldBe(whole[key].Participants);
                foreach (var dimension in dimensions)
                    System.Text.Json.JsonSerializer.Serialize(head.Dimension(dimension))
                        .ShouldBe(System.Text.Json.JsonSerializer.Serialize(whole[key].Dimension(dimension)));
                whole[key].Dimensions.Keys.ShouldBeSubsetOf(["sector", "profession", "organisation", "municipality", "role"]);
                head.Dimensions.Keys.ShouldBe(dimensions, ignoreOrder: true);
                (head.Subsets.Count, head.Balance.Count, head.Reach).ShouldBe((0, 0, null));
            }
            if (cache is not null) again["mars"].ShouldBeSameAs(heads["mars"]);
        }
    }

    /// <summary>Two events in 2026Q1 where Göteborgs Stad and the region meet, 15 attendances by 12 people.</summary>
    private static async Task ArrangeAsync(TestDatabase database)
    {
        await using var db = database.Open();
        var data = new ReportData(db);
        var region = await data.OrganisationAsync("Västra Götalandsregionen", "region");
        var city = await data.OrganisationAsync("Göteborgs Stad", "kommun");
        await data.AddAsync(await data.EventAsync("januari", new DateTime(2026, 1, 20, 17, 0, 0)),
            [.. Enumerable.Range(0, 6).Select(i => Someone.WithKey($"r{i}").Attended().In("region").From(region))]);
        await data.AddAsync(await data.EventAsync("mars", new DateTime(2026, 3, 23, 17, 0, 0)),
            [.. Enumerable.Range(0, 3).Select(i => Someone.WithKey($"r{i}").Attended().In("region").From(region)),
             .. Enumerable.Range(0, 6).Select(i => Someone.WithKey($"g{i}").Attended().In("kommun").From(city))]);
        await new Recompute(db).Recomputer.RecomputeAsync(all: true);
    }
}
