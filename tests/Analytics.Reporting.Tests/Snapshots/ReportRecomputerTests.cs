using Analytics.Core.Events;
using Analytics.Core.Reports;
using Analytics.Testing;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Reporting.Tests.Snapshots;

public class ReportRecomputerTests
{
    private static async Task<Dictionary<ReportScope, bool>> StalenessAsync(TestDatabase database)
    {
        await using var db = database.Open();
        var recompute = new Recompute(db);
        var stale = new Dictionary<ReportScope, bool>();
        foreach (var scope in await recompute.Recomputer.ScopesAsync())
            stale[scope] = await recompute.Store.IsStaleAsync(scope);
        return stale;
    }

    private static async Task<int> RecomputeAsync(TestDatabase database, bool all)
    {
        await using var db = database.Open();
        return await new Recompute(db).Recomputer.RecomputeAsync(all);
    }

    [Theory, DatabaseProviders]
    public async Task Lists_every_event_every_quarter_with_events_and_all_time(string provider)
    {
        await using var database = await MigratedDatabase.CreateAsync(provider);
        await Recompute.ArrangeAsync(database);

        (await StalenessAsync(database)).Keys.ShouldBe(
        [
            ReportScope.ForEvent("januari"), ReportScope.ForEvent("mars"), ReportScope.ForEvent("maj"),
            ReportScope.ForQuarter(new Quarter(2026, 1)), ReportScope.ForQuarter(new Quarter(2026, 2)), ReportScope.AllTime,
        ], ignoreOrder: true);
    }

    [Theory, DatabaseProviders]
    public async Task Leaves_nothing_stale_after_recomputing(string provider)
    {
        await using var database = await MigratedDatabase.CreateAsync(provider);
        await Recompute.ArrangeAsync(database);
        (await StalenessAsync(database)).Values.ShouldAllBe(stale => stale);

        (await RecomputeAsync(database, all: false)).ShouldBe(6);

        (await StalenessAsync(database)).Values.ShouldAllBe(stale => !stale);
    }

    [Theory, DatabaseProviders]
    public async Task A_change_to_an_event_makes_it_its_quarter_and_all_time_stale_but_not_other_quarters(string provider)
    {
        await using var database = await MigratedDatabase.CreateAsync(provider);
        await Recompute.ArrangeAsync(database);
        await RecomputeAsync(database, all: false);

        await using (var db = database.Open())
            await db.Events.Where(e => e.Slug == "mars").ExecuteUpdateAsync(s => s.SetProperty(e => e.DataVersion, e => e.DataVersion + 1));

        (await StalenessAsync(database)).Where(s => s.Value).Select(s => s.Key).ShouldBe(
            [ReportScope.ForEvent("mars"), ReportScope.ForQuarter(new Quarter(2026, 1)), ReportScope.AllTime], ignoreOrder: true);
        (await RecomputeAsync(database, all: false)).ShouldBe(3);
    }

    [Theory, DatabaseProviders]
    public async Task Recomputing_again_keeps_one_snapshot_per_scope_and_finds_nothing_stale(string provider)
    {
        await using var database = await MigratedDatabase.CreateAsync(provider);
        await Recompute.ArrangeAsync(database);

        (await RecomputeAsync(database, all: true)).ShouldBe(6);
        (await RecomputeAsync(database, all: true)).ShouldBe(6);

        (await RecomputeAsync(database, all: false)).ShouldBe(0);
        await using var db = database.Open();
        var snapshots = await db.ReportSnapshots.Select(s => new { s.ScopeKind, s.ScopeKey }).ToListAsync();
        snapshots.Count.ShouldBe(6);
        snapshots.ShouldBeUnique();
    }

    [Theory, DatabaseProviders]
    public async Task Lists_every_host_organisation_and_a_change_to_a_co_hosted_event_makes_both_hosts_stale(string provider)
    {
        await using var database = await MigratedDatabase.CreateAsync(provider);
        int regionId, cityId, universityId;
        await using (var db = database.Open())
        {
            var data = new ReportData(db);
            var region = await data.OrganisationAsync("Västra Götalandsregionen", "region");
            var city = await data.OrganisationAsync("Göteborgs Stad", "kommun");
            var university = await data.OrganisationAsync("Göteborgs universitet", "akademi");
            (regionId, cityId, universityId) = (region.Id, city.Id, university.Id);
            await data.AddAsync(await data.EventAsync("tillsammans", new DateTime(2026, 2, 10, 17, 0, 0), region, city),
                Someone.WithKey("a").Attended().In("region"));
            await data.AddAsync(await data.EventAsync("regionens", new DateTime(2026, 5, 10, 17, 0, 0), region),
                Someone.WithKey("b").Attended().In("kommun"));
        }
        await RecomputeAsync(database, all: false);

        await using (var db = database.Open())
            await db.Events.Where(e => e.Slug == "tillsammans").ExecuteUpdateAsync(s => s.SetProperty(e => e.DataVersion, e => e.DataVersion + 1));

        var stale = await StalenessAsync(database);
        stale.Keys.Where(s => s.Kind == ReportScope.HostKind).ShouldBe([ReportScope.ForHost(regionId), ReportScope.ForHost(cityId)], ignoreOrder: true);
        stale.Keys.ShouldNotContain(ReportScope.ForHost(universityId));
        stale.Where(s => s.Value).Select(s => s.Key).ShouldBe(
        [
            ReportScope.ForEvent("tillsammans"), ReportScope.ForQuarter(new Quarter(2026, 1)), ReportScope.ForHost(regionId),
            ReportScope.ForHost(cityId), ReportScope.AllTime,
        ], ignoreOrder: true);
    }
}
