namespace Analytics.Core.Forecasts;

/// <summary>
/// How one trained version did on later events it had not seen (a time split: train on the earlier events, test on the
/// later ones), beside the base-rate baseline (each sector's share attending among earlier registrations).
/// </summary>
public sealed record ForecastEvaluation
{
    public int TrainEvents { get; init; }
    public int TestEvents { get; init; }
    public int TrainRows { get; init; }
    public int TestRows { get; init; }
    public Score? Model { get; init; }
    public Score? Baseline { get; init; }

    /// <summary>The model's test predictions in ten bins of predicted probability; the counts add up to <see cref="TestRows"/>.</summary>
    public IReadOnlyList<CalibrationBin> Calibration { get; init; } = [];
    public bool UsesModel { get; init; }

    /// <summary>Why the model is or is not used, in English (the code's language); pages word it themselves.</summary>
    public required string Reason { get; init; }

    /// <summary>Base rates from all history: the fallback when the model is not used.</summary>
    public required BaseRates BaseRates { get; init; }
}

/// <summary>AUC (0.5 is chance) and Brier score (mean squared error of the probability; lower is better).</summary>
public sealed record Score(double Auc, double Brier);

/// <summary>Predictions with probability in [From, To): how many, their mean prediction and the share that attended.</summary>
public sealed record CalibrationBin(double From, double To, int Count, double? MeanPredicted, double? Observed);

/// <summary>The share attending among registrations with attendance known: overall and per sector.</summary>
public sealed record BaseRates(double Overall, IReadOnlyDictionary<string, double> BySector)
{
    public double For(string? sector) => sector is not null && BySector.TryGetValue(sector, out var rate) ? rate : Overall;
}
