namespace Analytics.Core.Forecasts;

/// <summary>
/// One trained version of the turnout forecast, with its evaluation. The highest version is the current one. When the
/// model did not beat the base rates on later events (or the history was too short), <see cref="UsesModel"/> is false and
/// forecasts use the base rates by sector stored in the evaluation.
/// </summary>
public sealed class ForecastModel
{
    public int Id { get; set; }
    public int Version { get; set; }
    public DateTime TrainedAtUtc { get; set; }

    /// <summary>The ML.NET model as saved by <c>MLContext.Model.Save</c>; null when there was too little history to train one.</summary>
    public byte[]? ModelBytes { get; set; }

    /// <summary>The <see cref="ForecastEvaluation"/> as JSON: AUC and Brier beside the baseline, calibration, base rates.</summary>
    public required string EvaluationJson { get; set; }
    public bool UsesModel { get; set; }
}

/// <summary>
/// The forecast for one event as it stood before the event, kept so the report can show it beside the outcome. Holds
/// unprotected expected values; like every figure it leaves the system only through disclosure control.
/// </summary>
public sealed class ForecastSnapshot
{
    public int Id { get; set; }
    public int EventId { get; set; }
    public int ModelVersion { get; set; }
    public DateTime MadeAtUtc { get; set; }

    /// <summary>The <see cref="ForecastFigures"/> as JSON.</summary>
    public required string Payload { get; set; }
}
