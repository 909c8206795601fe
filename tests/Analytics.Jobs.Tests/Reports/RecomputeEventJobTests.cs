using Analytics.Jobs.Reports;
using Analytics.Reporting.Snapshots;
using Analytics.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Jobs.Tests.Reports;

public class RecomputeEventJobTests
{
    private static async Task RunAsync(ServiceProvider services, int eventId, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RecomputeEventJob>().RunAsync(eventId, cancellationToken);
    }

    private static async Task RecomputeEverythingAsync(ServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ReportRecomputer>().RecomputeAsync(all: true);
    }

    private static ServiceProvider Services(TestDatabase database, TimeProvider clock) =>
        JobTesting.Services(database, new RecordedLog(), s => s.AddSingleton(clock));

    private static async Task ChangeEveryEventAsync(TestDatabase database)
    {
        await using var db = database.Open();
        await db.Events.ExecuteUpdateAsync(s => s.SetProperty(e => e.DataVersion, e => e.DataVersion + 1));
    }

    /// <summary>One more attendee at an event, recorded the way imports do it: the event's data version goes up.</summary>
    private static async Task AddAttendeeAsync(TestDatabase database, string slug)
    {
        await using var db = database.Open();
        var ev = await db.Events.SingleAsync(e => e.Slug == slug);
        await new ReportData(db).AddAsync(ev, Someone.WithKey("d").Attended().In("stat"));
        ev.DataVersion++;
        await db.SaveChangesAsync();
    }

    [Theory, DatabaseProviders]
    public async Task Computes_the_event_its_quarter_and_all_time_and_nothing_else(string provider)
    {
        await using var database = await MigratedDatabase.CreateAsync(provider);
        await JobTesting.ArrangeThreeEventsAsync(database);
        await using var services = Services(database, new SteppingClock());

        await RunAsync(services, await JobTesting.EventIdAsync(database, "mars"));

        (await JobTesting.SnapshotsAsync(database)).Keys.ShouldBe(["event:mars", "quarter:2026Q1", "all:all"], ignoreOrder: true);
    }

    [Theory, DatabaseProviders]
    public async Task Computes_the_scopes_of_the_organisations_hosting_the_event_too(string provider)
    {
        await using var database = await MigratedDatabase.CreateAsync(provider);
        await JobTesting.ArrangeThreeEventsAsync(database);
        int hosted, host, other;
        await using (var db = database.Open())
        {
            var data = new ReportData(db);
            var kommun = await data.OrganisationAsync("Alingsås kommun", "kommun");
            var region = await data.OrganisationAsync("Västra Götalandsregionen", "region");
            await data.EventAsync("oktober", new DateTime(2025, 10, 9, 17, 0, 0), region);
            hosted = (await data.EventAsync("april", new DateTime(2026, 4, 22, 17, 0, 0), kommun)).Id;
            (host, other) = (kommun.Id, region.Id);
        }
        await using var services = Services(database, new SteppingClock());

        await RunAsync(services, hosted);

        (await JobTesting.SnapshotsAsync(database)).Keys.ShouldBe(
            ["event:april", "quarter:2026Q2", $"host:{host}", "all:all"], ignoreOrder: true, $"not host:{other}");
    }

    [Theory, DatabaseProviders]
    public async Task Leaves_the_other_snapshots_untouched_even_when_they_are_stale(string provider)
    {
        await using var database = await MigratedDatabase.CreateAsync(provider);
        await JobTesting.ArrangeThreeEventsAsync(database);
        await using var services = Services(database, new SteppingClock());
        await RecomputeEverythingAsync(services);
        var before = await JobTesting.SnapshotsAsync(database);
        await ChangeEveryEventAsync(database);

        await RunAsync(services, await JobTesting.EventIdAsync(database, "maj"));

        var after = await JobTesting.SnapshotsAsync(database);
        after.Where(s => s.Value != before[s.Key]).Select(s => s.Key).ShouldBe(["event:maj", "quarter:2026Q2", "all:all"], ignoreOrder: true);
        after.Keys.ShouldBe(before.Keys, ignoreOrder: true);
    }

    [Theory, DatabaseProviders]
    public async Task Run_twice_leaves_identical_snapshots(string provider)
    {
        await using var database = await MigratedDatabase.CreateAsync(provider);
        await JobTesting.ArrangeThreeEventsAsync(database);
        await using var services = Services(database, new SteppingClock());
        await RecomputeEverythingAsync(services);
        await AddAttendeeAsync(database, "januari");
        var januari = await JobTesting.EventIdAsync(database, "januari");

        await RunAsync(services, januari);
        var once = await JobTesting.SnapshotsAsync(database);
        await RunAsync(services, januari);

        (await JobTesting.SnapshotsAsync(database)).ShouldBe(once);
    }

    [Theory, DatabaseProviders]
    public async Task A_run_cancelled_midway_keeps_the_previous_snapshot_of_every_scope_it_did_not_finish(string provider)
    {
        await using var database = await MigratedDatabase.CreateAsync(provider);
        await JobTesting.ArrangeThreeEventsAsync(database);
        using var cancellation = new CancellationTokenSource();
        // The snapshot store reads the clock once per snapshot it writes: the first write goes through, the second is cancelled.
        var clock = new CancellingClock(cancellation, onRead: 2);
        await using var services = Services(database, clock);
        await RecomputeEverythingAsync(services);
        var old = await JobTesting.SnapshotsAsync(database);
        await AddAttendeeAsync(database, "mars");
        var mars = await JobTesting.EventIdAsync(database, "mars");
        clock.Arm();

        var failure = await Record.ExceptionAsync(() => RunAsync(services, mars, cancellation.Token));

        failure.ShouldBeAssignableTo<OperationCanceledException>();
        var midway = await JobTesting.SnapshotsAsync(database);
        midway["event:mars"].ShouldNotBe(old["event:mars"]);
        midway["quarter:2026Q1"].ShouldBe(old["quarter:2026Q1"]);
        midway["all:all"].ShouldBe(old["all:all"]);

        await RunAsync(services, mars);
        var finished = await JobTesting.SnapshotsAsync(database);
        midway["event:mars"].ShouldBe(finished["event:mars"], "the one write that went through is the new snapshot, whole");
        finished["quarter:2026Q1"].Payload.ShouldNotBe(old["quarter:2026Q1"].Payload);
        finished["all:all"].Payload.ShouldNotBe(old["all:all"].Payload);
        foreach (var scope in old.Keys.Except(["event:mars", "quarter:2026Q1", "all:all"]))
            finished[scope].ShouldBe(old[scope]);
    }

    [Theory, DatabaseProviders]
    public async Task Does_nothing_for_an_event_that_no_longer_exists(string provider)
    {
        await using var database = await MigratedDatabase.CreateAsync(provider);
        await JobTesting.ArrangeThreeEventsAsync(database);
        await using var services = Services(database, new SteppingClock());

        await RunAsync(services, int.MaxValue);

        (await JobTesting.SnapshotsAsync(database)).ShouldBeEmpty();
    }

    /// <summary>Cancels the job's token on its n-th read once armed, the way a server shutting down cancels a running job.</summary>
    private sealed class CancellingClock(CancellationTokenSource cancellation, int onRead) : SteppingClock
    {
        private int _armedReads = -1;

        public void Arm() => Interlocked.Exchange(ref _armedReads, 0);

        public override DateTimeOffset GetUtcNow()
        {
            if (Volatile.Read(ref _armedReads) >= 0 && Interlocked.Increment(ref _armedReads) == onRead) cancellation.Cancel();
            return base.GetUtcNow();
        }
    }
}
