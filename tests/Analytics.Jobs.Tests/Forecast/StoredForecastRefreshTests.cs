using System.Text.Json;
using Analytics.Core.Forecasts;
using Analytics.Core.Participations;
using Analytics.Jobs.Forecast;
using Analytics.Jobs.Reports;
using Analytics.Jobs.Tests.Reports;
using Analytics.Reporting.Forecast;
using Analytics.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Analytics.Jobs.Tests.Forecast;

/// <summary>
/// The forecast stored for a planned event (shown beside the outcome once it is held) follows its registrations, not
/// only the weekly training: every recompute of a planned event's report rewrites it with the current version, without
/// training. The import, check-in, withdrawal and reconcile jobs all recompute through ReportRecomputer, and the nightly
/// full recompute goes over every event, so no planned event goes a day without its forecast brought up to date.
/// </summary>
public sealed class StoredForecastRefreshTests
{
    private static async Task<(TestDatabase Database, ServiceProvider Services, FakeTimeProvider Clock)> ArrangeAsync(string provider)
    {
        var database = await MigratedDatabase.CreateAsync(provider);
        await using (var db = database.Open())
        {
            await TurnoutData.WriteHeldAsync(db, events: 24, perEvent: 40, TurnoutData.Signal);
            await TurnoutData.WritePlannedAsync(db, "planned", TurnoutData.People("k", 12, "kommun"));
        }
        // A clock the test moves on, to hold an event.
        var clock = new FakeTimeProvider(new DateTimeOffset(TurnoutData.Now, TimeSpan.Zero));
        return (database, JobTesting.Services(database, new RecordedLog(), s => s.AddSingleton<TimeProvider>(clock)), clock);
    }

    private static async Task RunAsync<TJob>(ServiceProvider services, Func<TJob, Task> run) where TJob : notnull
    {
        await using var scope = services.CreateAsyncScope();
        await run(scope.ServiceProvider.GetRequiredService<TJob>());
    }

    private static async Task<(ForecastSnapshot Stored, ForecastFigures Figures)?> StoredAsync(TestDatabase database, string slug)
    {
        await using var db = database.Open();
        var stored = await db.ForecastSnapshots.AsNoTracking().Where(s => db.Events.Any(e => e.Id == s.EventId && e.Slug == slug)).SingleOrDefaultAsync();
        return stored is null ? null : (stored, JsonSerializer.Deserialize<ForecastFigures>(stored.Payload, ForecastTrainer.Json)!);
    }

    private static async Task<int> VersionsAsync(TestDatabase database)
    {
        await using var db = database.Open();
        return await db.ForecastModels.CountAsync();
    }

    /// <summary>More yes registrations, recorded the way an import does it: the event's data version goes up.</summary>
    private static async Task RegisterAsync(TestDatabase database, string slug, params Someone[] people)
    {
        await using var db = database.Open();
        var ev = await db.Events.SingleAsync(e => e.Slug == slug);
        await new ReportData(db).AddAsync(ev, people);
        ev.DataVersion++;
        await db.SaveChangesAsync();
    }

    [Theory, DatabaseProviders]
    public async Task An_event_created_after_the_training_gets_its_stored_forecast_when_its_report_is_recomputed(string provider)
    {
        var (database, services, _) = await ArrangeAsync(provider);
        await using var _database = database;
        await using var _services = services;
        await RunAsync<TrainForecastJob>(services, j => j.RunAsync(CancellationToken.None));
        int late;
        await using (var db = database.Open())
            late = (await TurnoutData.WritePlannedAsync(db, "late", TurnoutData.People("l", 8, "region"))).Id;
        (await StoredAsync(database, "late")).ShouldBeNull("the training ran before the event existed");

        // What a check-in or a withdrawal enqueues for the event.
        await RunAsync<RecomputeEventJob>(services, j => j.RunAsync(late, CancellationToken.None));

        var (stored, figures) = (await StoredAsync(database, "late")).ShouldNotBeNull();
        (stored.ModelVersion, figures.Registered, stored.MadeAtUtc).ShouldBe((1, 8, TurnoutData.Now));
        (await VersionsAsync(database)).ShouldBe(1, "no training: the current version forecasts");
    }

    [Theory, DatabaseProviders]
    public async Task Registrations_after_the_training_reach_the_stored_forecast_through_the_recompute_of_stale_reports(string provider)
    {
        var (database, services, clock) = await ArrangeAsync(provider);
        await using var _database = database;
        await using var _services = services;
        await RunAsync<TrainForecastJob>(services, j => j.RunAsync(CancellationToken.None));
        (await StoredAsync(database, "planned")).ShouldNotBeNull().Figures.Registered.ShouldBe(12);

        clock.SetUtcNow(new DateTimeOffset(TurnoutData.Now.AddDays(3), TimeSpan.Zero));
        await RegisterAsync(database, "planned", TurnoutData.People("n", 5, "stat"));
        // What an import runs after its batch, and the reconcile every 15 minutes.
        await RunAsync<RecomputeReportsJob>(services, j => j.RunAsync(false, CancellationToken.None));

        var (stored, figures) = (await StoredAsync(database, "planned")).ShouldNotBeNull();
        (stored.ModelVersion, figures.Registered, stored.MadeAtUtc).ShouldBe((1, 17, clock.GetUtcNow().UtcDateTime));
        figures.Sectors.Select(s => s.Code).ShouldContain("stat");
        (await VersionsAsync(database)).ShouldBe(1);
    }

    [Theory, DatabaseProviders]
    public async Task The_nightly_full_recompute_brings_every_planned_events_stored_forecast_to_the_current_version(string provider)
    {
        var (database, services, _) = await ArrangeAsync(provider);
        await using var _database = database;
        await using var _services = services;
        await RunAsync<TrainForecastJob>(services, j => j.RunAsync(CancellationToken.None));
        // A version stored by the trainer alone, which leaves the stored forecasts on version 1.
        await using (var scope = services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ForecastTrainer>().TrainAsync(CancellationToken.None);

        await RunAsync<RecomputeReportsJob>(services, j => j.RunAsync(true, CancellationToken.None));

        (await StoredAsync(database, "planned")).ShouldNotBeNull().Stored.ModelVersion.ShouldBe(2);
    }

    [Theory, DatabaseProviders]
    public async Task A_forecast_of_an_older_version_never_replaces_a_newer_ones(string provider)
    {
        var (database, services, _) = await ArrangeAsync(provider);
        await using var _database = database;
        await using var _services = services;
        await RunAsync<TrainForecastJob>(services, j => j.RunAsync(CancellationToken.None));
        await RunAsync<TrainForecastJob>(services, j => j.RunAsync(CancellationToken.None));
        (await StoredAsync(database, "planned")).ShouldNotBeNull().Stored.ModelVersion.ShouldBe(2);

        // A recompute that read version 1 just before the second training stored version 2, and writes after it.
        await using (var scope = services.CreateAsyncScope())
        {
            var first = await scope.ServiceProvider.GetRequiredService<Analytics.Data.AnalyticsDbContext>().ForecastModels.AsNoTracking().SingleAsync(m => m.Version == 1);
            await scope.ServiceProvider.GetRequiredService<ForecastSnapshots>().WritePlannedAsync(first, TurnoutData.Now, CancellationToken.None);
        }

        (await StoredAsync(database, "planned")).ShouldNotBeNull().Stored.ModelVersion.ShouldBe(2);
    }

    [Theory, DatabaseProviders]
    public async Task A_held_event_keeps_the_forecast_made_before_it_whatever_is_recomputed_after(string provider)
    {
        var (database, services, clock) = await ArrangeAsync(provider);
        await using var _database = database;
        await using var _services = services;
        await RunAsync<TrainForecastJob>(services, j => j.RunAsync(CancellationToken.None));
        var before = (await StoredAsync(database, "planned")).ShouldNotBeNull().Stored;

        // The event is held; its attendance list comes in, with a walk-in, and its reports are recomputed.
        clock.SetUtcNow(new DateTimeOffset(2026, 12, 9, 12, 0, 0, TimeSpan.Zero));
        await using (var db = database.Open())
            await db.Participations.ExecuteUpdateAsync(p => p.SetProperty(x => x.Attendance, Attendance.Attended));
        await RegisterAsync(database, "planned", Someone.WithKey("walk-in").In("kommun").Attended());
        await RunAsync<RecomputeReportsJob>(services, j => j.RunAsync(true, CancellationToken.None));
        int id;
        await using (var db = database.Open()) id = await db.Events.Where(e => e.Slug == "planned").Select(e => e.Id).SingleAsync();
        await RunAsync<RecomputeEventJob>(services, j => j.RunAsync(id, CancellationToken.None));

        var after = (await StoredAsync(database, "planned")).ShouldNotBeNull();
        (after.Stored.ModelVersion, after.Stored.MadeAtUtc, after.Stored.Payload).ShouldBe((before.ModelVersion, before.MadeAtUtc, before.Payload));
        after.Figures.Registered.ShouldBe(12);
    }
}
