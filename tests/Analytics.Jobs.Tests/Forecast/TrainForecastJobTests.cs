using System.Text.Json;
using Analytics.Core.Forecasts;
using Analytics.Jobs.Forecast;
using Analytics.Jobs.Scheduling;
using Analytics.Jobs.Tests.Reports;
using Analytics.Reporting.Forecast;
using Analytics.Testing;
using Hangfire;
using Hangfire.InMemory;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Jobs.Tests.Forecast;

public sealed class TrainForecastJobTests
{
    private static async Task RunAsync(ServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<TrainForecastJob>().RunAsync(CancellationToken.None);
    }

    [Theory, DatabaseProviders]
    public async Task Each_run_stores_a_new_version_with_its_evaluation_and_the_forecast_of_each_planned_event(string provider)
    {
        await using var database = await MigratedDatabase.CreateAsync(provider);
        await using (var db = database.Open())
        {
            await TurnoutData.WriteHeldAsync(db, events: 24, perEvent: 40, TurnoutData.Signal);
            await TurnoutData.WritePlannedAsync(db, "planned", TurnoutData.People("k", 12, "kommun"));
        }
        await using var services = JobTesting.Services(database, new RecordedLog(), s => s.AddSingleton<TimeProvider>(new FixedClock(TurnoutData.Now)));

        await RunAsync(services);
        await RunAsync(services);

        await using var read = database.Open();
        var versions = await read.ForecastModels.AsNoTracking().OrderBy(m => m.Version).ToListAsync();
        versions.Select(m => m.Version).ShouldBe([1, 2]);
        var latest = versions[^1];
        latest.UsesModel.ShouldBeTrue();
        latest.ModelBytes.ShouldNotBeNull();
        latest.TrainedAtUtc.ShouldBe(TurnoutData.Now);
        var evaluation = JsonSerializer.Deserialize<ForecastEvaluation>(latest.EvaluationJson, ForecastTrainer.Json)!;
        evaluation.Calibration.Sum(b => b.Count).ShouldBe(evaluation.TestRows);

        // One stored forecast per planned event, from the latest version; held events keep none of their own.
        var snapshot = (await read.ForecastSnapshots.AsNoTracking().ToListAsync()).ShouldHaveSingleItem();
        snapshot.ModelVersion.ShouldBe(2);
        var figures = JsonSerializer.Deserialize<ForecastFigures>(snapshot.Payload, ForecastTrainer.Json)!;
        (figures.EventSlug, figures.Registered).ShouldBe(("planned", 12));
        figures.Expected.ShouldBeInRange(9.0, 12.0);
    }

    [Fact]
    public void The_weekly_training_is_registered_under_a_constant_id_in_stockholm_time()
    {
        var storage = new InMemoryStorage();
        RecurringJobs.Register(new RecurringJobManager(storage));

        using var connection = storage.GetConnection();
        var job = Hangfire.Storage.StorageConnectionExtensions.GetRecurringJobs(connection).Single(j => j.Id == "forecast:weekly");
        (job.Cron, job.TimeZoneId, job.Job.Queue).ShouldBe((RecurringJobs.MondaysAtFive, "Europe/Stockholm", JobQueues.Reports));
        (job.Job.Type, job.Job.Method.Name).ShouldBe((typeof(TrainForecastJob), nameof(TrainForecastJob.RunAsync)));
    }

    [Fact]
    public void Training_on_demand_is_queued_for_the_same_job()
    {
        var storage = new InMemoryStorage();
        var id = new ForecastJobs(new BackgroundJobClient(storage)).EnqueueTraining();

        using var connection = storage.GetConnection();
        var data = connection.GetJobData(id).ShouldNotBeNull();
        (data.Job.Type, data.Job.Method.Name).ShouldBe((typeof(TrainForecastJob), nameof(TrainForecastJob.RunAsync)));
    }
}
