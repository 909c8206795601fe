using Analytics.Core.Events;
using Analytics.Jobs.Reports;
using Analytics.Jobs.Scheduling;
using Analytics.Reporting.Exports;
using Analytics.Testing;
using Hangfire;
using Hangfire.InMemory;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Jobs.Tests.Reports;

public class SteeringPackJobTests
{
    private static async Task RunAsync(ServiceProvider services, string quarter)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<BuildSteeringPackJob>().RunAsync(quarter, CancellationToken.None);
    }

    private static ServiceProvider Services(TestDatabase database, TimeProvider clock) =>
        JobTesting.Services(database, new RecordedLog(), s => s.AddSingleton(clock));

    [Theory, DatabaseProviders]
    public async Task Builds_the_quarters_pack_from_fresh_snapshots_and_stores_it_once_however_often_it_runs(string provider)
    {
        await using var database = await MigratedDatabase.CreateAsync(provider);
        await JobTesting.ArrangeThreeEventsAsync(database);
        await using var services = Services(database, new SteppingClock());

        await RunAsync(services, "2026Q1");
        var first = await PacksAsync(database);
        await RunAsync(services, "2026Q1");
        var second = await PacksAsync(database);

        var pack = first.ShouldHaveSingleItem();
        pack.QuarterKey.ShouldBe("2026Q1");
        pack.SizeBytes.ShouldBe(pack.Content.Length);
        await using (var db = database.Open())
            pack.DataVersion.ShouldBe(await db.ReportSnapshots.Where(s => s.ScopeKind == "quarter" && s.ScopeKey == "2026Q1").Select(s => s.DataVersion).SingleAsync(),
                "the stale quarter was recomputed before the pack was built");
        using (var file = XlsxFile.Open(pack.Content))
        {
            file.SheetNames.ShouldBe(["Sammanfattning", "Trender", "Sektor", "Yrke", "Organisation", "Räckvidd", "Balans", "Evenemang", "Metod"]);
            file.Cells("Evenemang").Where(c => c.Column == 2 && c.Row > 4).Select(c => c.Text).ShouldBe(["januari", "mars"]);
            file.ValidationErrors().ShouldBeEmpty();
        }
        var rebuilt = second.ShouldHaveSingleItem();
        rebuilt.Id.ShouldBe(pack.Id, "a rebuild replaces the quarter's pack in place");
        rebuilt.BuiltAtUtc.ShouldBeGreaterThan(pack.BuiltAtUtc);
    }

    [Theory, DatabaseProviders]
    public async Task A_quarter_without_events_and_a_malformed_quarter_store_nothing(string provider)
    {
        await using var database = await MigratedDatabase.CreateAsync(provider);
        await JobTesting.ArrangeThreeEventsAsync(database);
        await using var services = Services(database, new SteppingClock());

        await RunAsync(services, "2031Q2");
        await RunAsync(services, "2026Q7");

        (await PacksAsync(database)).ShouldBeEmpty();
    }

    [Theory, DatabaseProviders]
    public async Task The_recurring_run_at_a_quarters_start_builds_the_quarter_that_has_just_ended_in_stockholm_time(string provider)
    {
        await using var database = await MigratedDatabase.CreateAsync(provider);
        await JobTesting.ArrangeThreeEventsAsync(database);
        // 04:00 on 1 April in Stockholm is 02:00 UTC: already the second quarter there, though not yet in UTC's April.
        await using var services = Services(database, new FixedClock(new DateTimeOffset(2026, 4, 1, 2, 0, 0, TimeSpan.Zero)));

        await using (var scope = services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<BuildSteeringPackJob>().RunForEndedQuarterAsync(CancellationToken.None);

        (await PacksAsync(database)).Select(p => p.QuarterKey).ShouldBe(["2026Q1"]);
    }

    [Theory, DatabaseProviders]
    public async Task A_stored_pack_is_listed_and_its_file_read_back_unchanged(string provider)
    {
        await using var database = await MigratedDatabase.CreateAsync(provider);
        await JobTesting.ArrangeThreeEventsAsync(database);
        await using var services = Services(database, new SteppingClock());
        await RunAsync(services, "2026Q1");
        await RunAsync(services, "2026Q2");
        var stored = await PacksAsync(database);

        await using var scope = services.CreateAsyncScope();
        var packs = scope.ServiceProvider.GetRequiredService<SteeringPackStore>();

        (await packs.ListAsync()).Select(p => (p.QuarterKey, p.SizeBytes)).ShouldBe([("2026Q2", stored[1].SizeBytes), ("2026Q1", stored[0].SizeBytes)]);
        (await packs.ContentAsync(new Quarter(2026, 1))).ShouldBe(stored[0].Content);
        (await packs.ContentAsync(new Quarter(2025, 4))).ShouldBeNull();
    }

    [Fact]
    public void Is_registered_to_run_at_four_on_the_first_day_of_each_quarter_stockholm_time_on_the_reports_queue()
    {
        var storage = new InMemoryStorage();

        RecurringJobs.Register(new RecurringJobManager(storage));

        using var connection = storage.GetConnection();
        var job = connection.GetRecurringJobs().Single(j => j.Id == RecurringJobs.QuarterlySteeringPack);
        job.Cron.ShouldBe("0 4 1 1,4,7,10 *");
        job.TimeZoneId.ShouldBe("Europe/Stockholm");
        job.Job.Queue.ShouldBe(JobQueues.Reports);
        (job.Job.Type, job.Job.Method.Name).ShouldBe((typeof(BuildSteeringPackJob), nameof(BuildSteeringPackJob.RunForEndedQuarterAsync)));
        var next = Quarter.ToStockholm(job.NextExecution.ShouldNotBeNull());
        (next.Day, next.Month % 3, next.TimeOfDay).ShouldBe((1, 1, TimeSpan.FromHours(4)));
    }

    private static async Task<List<Core.Reports.SteeringPack>> PacksAsync(TestDatabase database)
    {
        await using var db = database.Open();
        return await db.SteeringPacks.AsNoTracking().OrderBy(p => p.QuarterKey).ToListAsync();
    }
}

/// <summary>A clock that always says the same time.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
