using Analytics.Jobs.Reports;
using Analytics.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Analytics.Jobs.Tests.Reports;

public class RecomputeReportsJobTests
{
    /// <summary>The services a job server has, on the test database, with the job's log kept.</summary>
    private static ServiceProvider Services(TestDatabase database, RecordedLog log)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = database.Provider,
            ["Database:ConnectionString"] = database.Settings.ConnectionString,
            ["Database:DataFolder"] = database.Settings.DataFolder,
            ["Privacy:AttendeeKeySecret"] = Convert.ToBase64String(new byte[32]),
        }).Build();
        return new ServiceCollection()
            .AddAnalytics(configuration)
            .AddLogging(logging => logging.AddProvider(log))
            .BuildServiceProvider();
    }

    private static async Task RunAsync(ServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RecomputeReportsJob>().RunAsync(false, CancellationToken.None);
    }

    /// <summary>Three events in two quarters: six scopes with all time.</summary>
    private static async Task ArrangeAsync(TestDatabase database)
    {
        await using var db = database.Open();
        var data = new ReportData(db);
        await data.AddAsync(await data.EventAsync("januari", new DateTime(2026, 1, 20, 17, 0, 0)),
            Someone.WithKey("a").Attended().In("kommun"), Someone.WithKey("b").NoShow().In("region"));
        await data.AddAsync(await data.EventAsync("mars", new DateTime(2026, 3, 23, 17, 0, 0)), Someone.WithKey("a").Attended().In("kommun"));
        await data.AddAsync(await data.EventAsync("maj", new DateTime(2026, 5, 20, 17, 0, 0)), Someone.WithKey("c").In("akademi"));
    }

    private static async Task<Dictionary<string, DateTime>> SnapshotTimesAsync(TestDatabase database)
    {
        await using var db = database.Open();
        return await db.ReportSnapshots.ToDictionaryAsync(s => $"{s.ScopeKind}:{s.ScopeKey}", s => s.ComputedAtUtc);
    }

    [Theory, DatabaseProviders]
    public async Task Computes_the_stale_snapshots_and_on_a_second_run_none(string provider)
    {
        await using var database = await MigratedDatabase.CreateAsync(provider);
        await ArrangeAsync(database);
        var log = new RecordedLog();
        await using var services = Services(database, log);

        await RunAsync(services);
        var computed = await SnapshotTimesAsync(database);
        await RunAsync(services);

        computed.Keys.ShouldBe(
            ["event:januari", "event:mars", "event:maj", "quarter:2026Q1", "quarter:2026Q2", "all:all"], ignoreOrder: true);
        (await SnapshotTimesAsync(database)).ShouldBe(computed, "nothing was written again");
        log.Entries.Where(e => e.ContainsKey("Count")).Select(e => e["Count"]).ShouldBe([6, 0]);
    }

    [Theory, DatabaseProviders]
    public async Task Recomputes_only_what_a_change_made_stale(string provider)
    {
        await using var database = await MigratedDatabase.CreateAsync(provider);
        await ArrangeAsync(database);
        var log = new RecordedLog();
        await using var services = Services(database, log);
        await RunAsync(services);
        var before = await SnapshotTimesAsync(database);

        await using (var db = database.Open())
            await db.Events.Where(e => e.Slug == "maj").ExecuteUpdateAsync(s => s.SetProperty(e => e.DataVersion, e => e.DataVersion + 1));
        await RunAsync(services);

        var after = await SnapshotTimesAsync(database);
        after.Where(s => s.Value != before[s.Key]).Select(s => s.Key).ShouldBe(["event:maj", "quarter:2026Q2", "all:all"], ignoreOrder: true);
        log.Entries.Where(e => e.ContainsKey("Count")).Select(e => e["Count"]).ShouldBe([6, 3]);
    }
}
