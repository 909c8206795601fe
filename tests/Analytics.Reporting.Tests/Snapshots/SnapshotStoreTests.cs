using Analytics.Core.Reports;
using Analytics.Reporting.Figures;
using Analytics.Reporting.Snapshots;
using Analytics.Testing;

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

            (stored.DataVersion, stored.ComputedAtUtc).ShouldBe((7, FixedClock.SampleDay.GetUtcNow().UtcDateTime));
            (stored.Figures with { Breakdowns = figures.Breakdowns, Subsets = figures.Subsets }).ShouldBe(figures);
            TalliesOf(stored.Figures).ShouldBe(TalliesOf(figures));
            figures.Breakdowns.Sum(b => b.Tallies.Count).ShouldBeGreaterThan(0);
            figures.Subsets.Sum(s => s.Breakdowns.Sum(b => b.Tallies.Count)).ShouldBeGreaterThan(0);
        }
    }

    /// <summary>Every tally of the figures, the whole's and each subset's, named by where it sits.</summary>
    private static List<string> TalliesOf(ReportFigures figures) =>
    [
        .. figures.Breakdowns.SelectMany(b => b.Tallies.Select(t => $"{b.Dimension}: {t}")),
        .. figures.Subsets.SelectMany(s => s.Breakdowns.SelectMany(b => b.Tallies.Select(t => $"{s.Name} ({s.Counted}, {s.WithProfile}) {b.Dimension}: {t}"))),
    ];
}
