using Analytics.Core.Disclosure;
using Analytics.Reporting.Forecast;
using Analytics.Testing;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Reporting.Tests.Forecast;

public sealed class ForecastReaderTests(ProviderDatabases databases) : IClassFixture<ProviderDatabases>
{
    private static readonly DisclosureControl Control = new(new DisclosureOptions { K = 5 });
    private readonly FixedClock _clock = new(TurnoutData.Now);

    private ForecastReader Reader(Data.AnalyticsDbContext db)
    {
        var history = new TurnoutHistory(db);
        var models = new LoadedModels();
        return new ForecastReader(db, history, new Forecaster(db, history, models), new ForecastSnapshots(db, history, models), models, Control, _clock);
    }

    /// <summary>Trains a version and stores the planned events' forecasts, as the weekly job does.</summary>
    private async Task TrainAsync(TestDatabase database)
    {
        await using var db = database.Open();
        var version = await new ForecastTrainer(db, new TurnoutHistory(db), new ForecastSettings(), _clock).TrainAsync(CancellationToken.None);
        await new ForecastSnapshots(db, new TurnoutHistory(db), new LoadedModels()).WritePlannedAsync(version, TurnoutData.Now, CancellationToken.None);
    }

    [Theory, DatabaseProviders]
    public async Task A_planned_event_is_forecast_from_registrations_imported_after_the_last_training(string provider)
    {
        var database = await databases.EmptyAsync(provider);
        await using (var db = database.Open())
        {
            await TurnoutData.WriteHeldAsync(db, events: 24, perEvent: 40, TurnoutData.Signal);
            await TurnoutData.WritePlannedAsync(db, "planned", TurnoutData.People("k", 10, "kommun"));
        }
        await TrainAsync(database);
        await using (var db = database.Open())
        {
            var ev = await db.Events.SingleAsync(e => e.Slug == "planned");
            await new ReportData(db).AddAsync(ev, TurnoutData.People("r", 8, "region"));
        }

        await using var read = database.Open();
        var shown = (await Reader(read).ReadAsync("planned", CancellationToken.None)).ShouldNotBeNull();
        var stored = (await new ForecastSnapshots(read, new TurnoutHistory(read), new LoadedModels()).ReadAsync("planned", CancellationToken.None))!.Value;

        shown.FromCurrentRegistrations.ShouldBeTrue();
        shown.Forecast.Registered.ShouldBe(18);
        shown.Forecast.Sectors.Select(s => s.Code).ShouldBe(["kommun", "region"], ignoreOrder: true);
        // The stored forecast, kept for after the event, still holds what the job saw.
        stored.Figures.Registered.ShouldBe(10);
    }

    [Theory, DatabaseProviders]
    public async Task The_planned_events_are_read_together_and_only_those_asked_for(string provider)
    {
        var database = await databases.EmptyAsync(provider);
        await using (var db = database.Open())
        {
            await TurnoutData.WriteHeldAsync(db, events: 24, perEvent: 40, TurnoutData.Signal);
            await TurnoutData.WritePlannedAsync(db, "planned", TurnoutData.People("k", 10, "kommun"));
            var other = await new ReportData(db).EventAsync("other", new DateTime(2026, 12, 10, 17, 0, 0));
            await new ReportData(db).AddAsync(other, TurnoutData.People("o", 3, "stat"));
        }
        await TrainAsync(database);

        await using var read = database.Open();
        var forecasts = await Reader(read).ReadPlannedAsync(["planned", "other", "held-00"], CancellationToken.None);

        forecasts.Keys.ShouldBe(["planned", "other"], ignoreOrder: true);
        forecasts["planned"].Forecast.Registered.ShouldBe(10);
        // Three registrations: below k, so nothing of that event is shown.
        forecasts["other"].Forecast.Withheld.ShouldBeTrue();
        forecasts["other"].Forecast.Expected.ShouldBeNull();
    }

    [Theory, DatabaseProviders]
    public async Task A_held_event_shows_the_forecast_stored_before_it_and_none_without_one(string provider)
    {
        var database = await databases.EmptyAsync(provider);
        await using (var db = database.Open())
        {
            await TurnoutData.WriteHeldAsync(db, events: 24, perEvent: 40, TurnoutData.Signal);
            await TurnoutData.WritePlannedAsync(db, "planned", TurnoutData.People("k", 10, "kommun"));
        }
        await TrainAsync(database);

        await using var read = database.Open();
        (await Reader(read).ReadAsync("held-00", CancellationToken.None)).ShouldBeNull();
        (await Reader(read).ReadAsync("no-such-event", CancellationToken.None)).ShouldBeNull();
    }

    [Theory, DatabaseProviders]
    public async Task Before_the_first_training_there_is_no_forecast(string provider)
    {
        var database = await databases.EmptyAsync(provider);
        await using (var db = database.Open()) await TurnoutData.WritePlannedAsync(db, "planned", TurnoutData.People("k", 10, "kommun"));

        await using var read = database.Open();
        (await Reader(read).ReadAsync("planned", CancellationToken.None)).ShouldBeNull();
        (await Reader(read).ReadPlannedAsync(["planned"], CancellationToken.None)).ShouldBeEmpty();
    }
}
