using Analytics.Reporting.Forecast;
using Analytics.Testing;
using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;
using Xunit.Abstractions;

namespace Analytics.Reporting.Tests.Forecast;

/// <summary>
/// Why the product trains L-BFGS logistic regression (TurnoutModel): on registrations with a known signal, read and
/// split by time exactly as the product does, it ranks and calibrates as well as FastTree's boosted trees on the same
/// features. Should the trees ever pull ahead, the product's choice is worth revisiting.
/// </summary>
public sealed class TrainerChoiceTests(ProviderDatabases databases, ITestOutputHelper output) : IClassFixture<ProviderDatabases>
{
    /// <summary>Students stay away more than half the time, state agency staff a quarter, everyone else a tenth.</summary>
    private static double Signal(string sector, string profession) => profession == "student" ? 0.45 : sector == "stat" ? 0.75 : 0.9;

    private static Core.Forecasts.Score Score(float[] predicted, IReadOnlyList<bool> actual)
    {
        var p = predicted.Select(x => (double)x).ToList();
        return new(Scoring.Auc(p, actual), Scoring.Brier(p, actual));
    }

    private static ITransformer FastTree(IEnumerable<TurnoutRow> rows, int seed)
    {
        var ml = new MLContext(seed);
        return TurnoutModel.Features(ml)
            .Append(ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
            {
                LabelColumnName = nameof(TurnoutRow.Label),
                FeatureColumnName = TurnoutModel.FeatureColumn,
                NumberOfThreads = 1,
                Seed = seed,
            }))
            .Fit(ml.Data.LoadFromEnumerable(rows));
    }

    [Fact]
    public async Task Logistic_regression_does_as_well_as_boosted_trees_on_the_same_features_and_time_split()
    {
        var database = await databases.EmptyAsync("sqlite");
        await using (var db = database.Open()) await TurnoutData.WriteHeldAsync(db, events: 30, perEvent: 40, Signal, seed: 13);
        await using var read = database.Open();
        var cases = await new TurnoutHistory(read).KnownAsync(TurnoutData.Now, CancellationToken.None);
        var settings = new ForecastSettings();
        var (train, test, testEvents) = ForecastTrainer.TimeSplit(cases, settings.TestShare);
        var rows = test.Select(c => c.Row).ToList();
        var actual = test.Select(c => c.Row.Label).ToList();

        var logistic = Score(TurnoutModel.Predict(TurnoutModel.Train(train.Select(c => c.Row), settings.Seed), rows), actual);
        var trees = Score(TurnoutModel.Predict(FastTree(train.Select(c => c.Row), settings.Seed), rows), actual);
        output.WriteLine($"L-BFGS logistic regression: {logistic}; FastTree: {trees}");

        (testEvents, test.Count).ShouldBe((8, 320));
        trees.Auc.ShouldBeGreaterThan(0.65, "the trees found the signal, so the comparison means something");
        logistic.Auc.ShouldBeGreaterThanOrEqualTo(trees.Auc - 0.02, $"logistic {logistic}, trees {trees}");
        logistic.Brier.ShouldBeLessThanOrEqualTo(trees.Brier + 0.01, $"logistic {logistic}, trees {trees}");
        // Seeded and single-threaded: a second fit gives the same scores.
        Score(TurnoutModel.Predict(FastTree(train.Select(c => c.Row), settings.Seed), rows), actual).ShouldBe(trees);
    }
}
