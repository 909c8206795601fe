using System.Text.Json;
using Analytics.Core.Forecasts;
using Analytics.Reporting.Forecast;
using Analytics.Testing;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Reporting.Tests.Forecast;

public sealed class ForecastTrainerTests(ProviderDatabases databases) : IClassFixture<ProviderDatabases>
{
    private readonly FixedClock _clock = new(TurnoutData.Now);

    private async Task<(ForecastModel Stored, ForecastEvaluation Evaluation)> TrainAsync(TestDatabase database, ForecastSettings? settings = null)
    {
        await using var db = database.Open();
        var stored = await new ForecastTrainer(db, new TurnoutHistory(db), settings ?? new ForecastSettings(), _clock).TrainAsync(CancellationToken.None);
        return (stored, JsonSerializer.Deserialize<ForecastEvaluation>(stored.EvaluationJson, ForecastTrainer.Json)!);
    }

    private static async Task<IReadOnlyList<TurnoutCase>> CasesAsync(TestDatabase database)
    {
        await using var db = database.Open();
        return await new TurnoutHistory(db).KnownAsync(TurnoutData.Now, CancellationToken.None);
    }

    [Theory, DatabaseProviders]
    public async Task On_a_known_signal_the_model_beats_the_base_rates_and_is_used(string provider)
    {
        var database = await databases.EmptyAsync(provider);
        await using (var db = database.Open()) await TurnoutData.WriteHeldAsync(db, events: 24, perEvent: 40, TurnoutData.Signal);

        var (stored, evaluation) = await TrainAsync(database);

        stored.UsesModel.ShouldBeTrue(evaluation.Reason);
        stored.ModelBytes.ShouldNotBeNull().Length.ShouldBeGreaterThan(0);
        evaluation.Model!.Brier.ShouldBeLessThan(evaluation.Baseline!.Brier * (1 - ForecastTrainer.RequiredBrierGain));
        evaluation.Model.Auc.ShouldBeGreaterThan(0.7);
        evaluation.Baseline.Auc.ShouldBeLessThan(evaluation.Model.Auc);
        // Time split: the test events are the latest 6 of 24.
        (evaluation.TrainEvents, evaluation.TestEvents).ShouldBe((18, 6));
        evaluation.Reason.ShouldStartWith("The model beat the base rates");
    }

    [Theory, DatabaseProviders]
    public async Task On_pure_noise_the_model_does_not_claim_to_beat_the_base_rates(string provider)
    {
        var database = await databases.EmptyAsync(provider);
        await using (var db = database.Open()) await TurnoutData.WriteHeldAsync(db, events: 24, perEvent: 40, TurnoutData.Noise);

        var (stored, evaluation) = await TrainAsync(database);

        stored.UsesModel.ShouldBeFalse(evaluation.Reason);
        stored.ModelBytes.ShouldBeNull();
        evaluation.Model.ShouldNotBeNull();
        evaluation.Reason.ShouldStartWith("The model did not beat the base rates");
    }

    [Theory, DatabaseProviders]
    public async Task The_same_seed_gives_the_same_model(string provider)
    {
        var database = await databases.EmptyAsync(provider);
        await using (var db = database.Open()) await TurnoutData.WriteHeldAsync(db, events: 12, perEvent: 30, TurnoutData.Signal);
        var rows = (await CasesAsync(database)).Select(c => c.Row).ToList();

        var first = TurnoutModel.Predict(TurnoutModel.Load(TurnoutModel.Save(TurnoutModel.Train(rows, seed: 42))), rows);
        var second = TurnoutModel.Predict(TurnoutModel.Load(TurnoutModel.Save(TurnoutModel.Train(rows, seed: 42))), rows);

        second.ShouldBe(first);
        first.Distinct().Count().ShouldBeGreaterThan(1);
    }

    [Theory, DatabaseProviders]
    public async Task The_calibration_table_has_ten_bins_that_add_up_to_the_test_set(string provider)
    {
        var database = await databases.EmptyAsync(provider);
        await using (var db = database.Open()) await TurnoutData.WriteHeldAsync(db, events: 20, perEvent: 30, TurnoutData.Signal);

        var (_, evaluation) = await TrainAsync(database);

        evaluation.Calibration.Count.ShouldBe(10);
        evaluation.Calibration.Sum(b => b.Count).ShouldBe(evaluation.TestRows);
        evaluation.TestRows.ShouldBeGreaterThan(0);
        evaluation.Calibration.Where(b => b.Count > 0).ShouldAllBe(b => b.MeanPredicted >= b.From && b.MeanPredicted <= b.To);
    }

    [Theory, DatabaseProviders]
    public async Task Below_the_minimum_history_no_model_is_trained_and_base_rates_by_sector_are_used(string provider)
    {
        var database = await databases.EmptyAsync(provider);
        await using (var db = database.Open())
        {
            await TurnoutData.WriteHeldAsync(db, events: 3, perEvent: 40, TurnoutData.Signal);
            await TurnoutData.WritePlannedAsync(db, "planned", TurnoutData.People("k", 10, "kommun"));
        }

        var (stored, evaluation) = await TrainAsync(database, new ForecastSettings { MinimumEvents = 8 });

        stored.UsesModel.ShouldBeFalse();
        stored.ModelBytes.ShouldBeNull();
        evaluation.Model.ShouldBeNull();
        evaluation.Reason.ShouldStartWith("Too little history: 3 events");
        await using var read = database.Open();
        var figures = (await new Forecaster(read, new TurnoutHistory(read), new LoadedModels()).ForecastAsync("planned", CancellationToken.None))!;
        figures.UsesModel.ShouldBeFalse();
        figures.Expected.ShouldBe(10 * evaluation.BaseRates.For("kommun"), 1e-9);
    }

    [Theory, DatabaseProviders]
    public async Task Each_training_stores_a_new_version_and_the_forecast_uses_the_latest(string provider)
    {
        var database = await databases.EmptyAsync(provider);
        await using (var db = database.Open())
        {
            await TurnoutData.WriteHeldAsync(db, events: 24, perEvent: 40, TurnoutData.Signal);
            await TurnoutData.WritePlannedAsync(db, "planned", [.. TurnoutData.People("s", 10, "kommun", "student"), .. TurnoutData.People("i", 10, "kommun")]);
        }

        (await TrainAsync(database)).Stored.Version.ShouldBe(1);
        (await TrainAsync(database)).Stored.Version.ShouldBe(2);

        await using var read = database.Open();
        (await read.ForecastModels.CountAsync()).ShouldBe(2);
        var figures = (await new Forecaster(read, new TurnoutHistory(read), new LoadedModels()).ForecastAsync("planned", CancellationToken.None))!;
        figures.ModelVersion.ShouldBe(2);
        figures.UsesModel.ShouldBeTrue();
        figures.Registered.ShouldBe(20);
        // 10 students at about 0.4 and 10 others at about 0.9.
        figures.Expected.ShouldBe(13, 1.5);
        figures.Variance.ShouldBeGreaterThan(0);
    }
}
