using Analytics.Jobs.Reports;
using Analytics.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Jobs.Tests.Reports;

public class RecomputeReportsJobTests
{
    private static async Task RunAsync(ServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RecomputeReportsJob>().RunAsync(false, CancellationToken.None);
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
        await JobTesting.ArrangeThreeEventsAsync(database);
        var log = new RecordedLog();
        await using var services = JobTesting.Services(database, log);

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
        await JobTesting.ArrangeThreeEventsAsync(database);
        var log = new RecordedLog();
        await using var services = JobTesting.Services(database, log);
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
