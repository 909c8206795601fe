using Microsoft.ML;
using Microsoft.ML.Trainers;

namespace Analytics.Reporting.Forecast;

/// <summary>
/// The ML.NET pipeline: one-hot categories and the lead time into L-BFGS logistic regression, which matched the tree
/// models on a no-show task (STACK.md) and gives probabilities directly. One thread and a seeded MLContext make it
/// deterministic: the same seed and rows give the same model.
/// </summary>
public static class TurnoutModel
{
    private static readonly string[] Categories =
        [nameof(TurnoutRow.Sector), nameof(TurnoutRow.Profession), nameof(TurnoutRow.Role), nameof(TurnoutRow.Format), nameof(TurnoutRow.Host),
         nameof(TurnoutRow.Weekday), nameof(TurnoutRow.Hour), nameof(TurnoutRow.Season), nameof(TurnoutRow.Online), nameof(TurnoutRow.FirstTime)];

    /// <summary>The column every trainer reads: the one-hot categories and the lead time.</summary>
    public const string FeatureColumn = "Features";

    /// <summary>The features of a <see cref="TurnoutRow"/>, before any trainer.</summary>
    public static IEstimator<ITransformer> Features(MLContext ml) =>
        ml.Transforms.Categorical.OneHotEncoding([.. Categories.Select(c => new InputOutputColumnPair(c + "Code", c))])
            .Append(ml.Transforms.Concatenate(FeatureColumn, [.. Categories.Select(c => c + "Code"), nameof(TurnoutRow.LeadDays), nameof(TurnoutRow.LeadKnown)]));

    public static ITransformer Train(IEnumerable<TurnoutRow> rows, int seed)
    {
        var ml = new MLContext(seed);
        var data = ml.Data.LoadFromEnumerable(rows);
        var pipeline = Features(ml)
            // The simplest trainer, because it does as well as boosted trees here: see
            // tests/Analytics.Reporting.Tests/Forecast/TrainerChoiceTests.cs (FastTree on the same features and split).
            .Append(ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
            {
                LabelColumnName = nameof(TurnoutRow.Label),
                FeatureColumnName = FeatureColumn,
                NumberOfThreads = 1,
            }));
        return pipeline.Fit(data);
    }

    /// <summary>Each row's probability of attending, in order, by one batch Transform (thread-safe, unlike a PredictionEngine).</summary>
    public static float[] Predict(ITransformer model, IReadOnlyList<TurnoutRow> rows)
    {
        if (rows.Count == 0) return [];
        var ml = new MLContext();
        var scored = model.Transform(ml.Data.LoadFromEnumerable(rows));
        return [.. ml.Data.CreateEnumerable<TurnoutPrediction>(scored, reuseRowObject: false).Select(p => p.Probability)];
    }

    public static byte[] Save(ITransformer model)
    {
        var ml = new MLContext();
        using var stream = new MemoryStream();
        ml.Model.Save(model, ml.Data.LoadFromEnumerable(Array.Empty<TurnoutRow>()).Schema, stream);
        return stream.ToArray();
    }

    public static ITransformer Load(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        return new MLContext().Model.Load(stream, out _);
    }
}
