using System.Collections.Concurrent;
using System.Text.Json;
using Analytics.Core.Forecasts;
using Analytics.Core.Localisation;
using Analytics.Core.Taxonomies;
using Analytics.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.ML;

namespace Analytics.Reporting.Forecast;

/// <summary>
/// The forecast for one event from the current version: each registration's probability of attending (from the model,
/// or the base rate of its sector when the version does not use the model), summed per event and per sector.
/// </summary>
public sealed class Forecaster(AnalyticsDbContext db, TurnoutHistory history, LoadedModels models)
{
    /// <summary>A version's stored evaluation, as its training wrote it (protect it before it leaves: DisclosureControl).</summary>
    public static ForecastEvaluation EvaluationOf(ForecastModel version) =>
        JsonSerializer.Deserialize<ForecastEvaluation>(version.EvaluationJson, ForecastTrainer.Json)!;

    /// <summary>The current (highest) version, or null before the first training.</summary>
    public Task<ForecastModel?> CurrentAsync(CancellationToken cancellationToken) =>
        db.ForecastModels.AsNoTracking().OrderByDescending(m => m.Version).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Null when there is no such event or no version yet.</summary>
    public async Task<ForecastFigures?> ForecastAsync(string slug, CancellationToken cancellationToken)
    {
        if (await CurrentAsync(cancellationToken) is not { } version) return null;
        if (await history.ForEventAsync(slug, cancellationToken) is not { } found) return null;
        return Forecast(slug, version, found.Cases, models);
    }

    public static ForecastFigures Forecast(string slug, ForecastModel version, IReadOnlyList<TurnoutCase> cases, LoadedModels models)
    {
        double[] probabilities = version is { UsesModel: true, ModelBytes: { } bytes }
            ? [.. TurnoutModel.Predict(models.Get(version.Version, bytes), [.. cases.Select(c => c.Row)]).Select(p => (double)p)]
            : [.. cases.Select(c => models.BaseRates(version).For(c.Sector))];

        var groups = cases.Select((c, i) => (c.Sector, P: probabilities[i])).GroupBy(x => x.Sector, StringComparer.Ordinal)
            .Select(g => new ForecastGroup(g.Key, Label(g.Key), g.Count(), g.Sum(x => x.P)))
            .OrderBy(g => g.Code, StringComparer.Ordinal).ToList();
        return new ForecastFigures(slug, version.Version, version.UsesModel, cases.Count, probabilities.Sum(),
            probabilities.Sum(p => p * (1 - p)), groups);
    }

    private static string Label(string sector) => sector == ForecastGroup.NoProfile
        ? (Sentences.English ? "Profile not shared" : "Profil ej delad")
        : Taxonomy.Find(Taxonomy.Sectors, sector)?.Name(Sentences.English) ?? sector;
}

/// <summary>
/// Loaded models by version, shared by every request: loading one takes tens of milliseconds, and a version never changes.
/// Prediction runs as a batch Transform, which is thread-safe, so no PredictionEngine pool is needed.
/// </summary>
public sealed class LoadedModels
{
    private readonly ConcurrentDictionary<int, Lazy<ITransformer>> _models = new();

    private readonly ConcurrentDictionary<int, BaseRates> _baseRates = new();

    public ITransformer Get(int version, byte[] bytes) =>
        _models.GetOrAdd(version, _ => new Lazy<ITransformer>(() => TurnoutModel.Load(bytes))).Value;

    /// <summary>
    /// A version's base rates by sector, from its stored evaluation, read once per version: a version without a model
    /// uses them for every event, and a page of planned events forecasts each of them.
    /// </summary>
    public BaseRates BaseRates(ForecastModel version) =>
        _baseRates.GetOrAdd(version.Version, _ => Forecaster.EvaluationOf(version).BaseRates);
}
