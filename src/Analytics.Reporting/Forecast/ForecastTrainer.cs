using System.Text.Json;
using static System.FormattableString;
using Analytics.Core.Forecasts;
using Analytics.Data;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Reporting.Forecast;

/// <summary>
/// Trains a new version: evaluates the model on the latest events after training on the earlier ones, compares it with
/// the base rates by sector on the same events, then refits on all history and stores model and evaluation. The model is
/// used only where it beat the baseline; otherwise the version says so and forecasts use base rates.
/// </summary>
public sealed class ForecastTrainer(AnalyticsDbContext db, TurnoutHistory history, ForecastSettings settings, TimeProvider clock)
{
    /// <summary>
    /// The model must lower the baseline's Brier score by this share and rank better (higher AUC) to be used: a bare
    /// improvement on a few hundred test rows is as likely luck as signal.
    /// </summary>
    public const double RequiredBrierGain = 0.02;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<ForecastModel> TrainAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var cases = await history.KnownAsync(now, cancellationToken);
        var evaluation = Evaluate(cases, settings);
        var model = evaluation.UsesModel ? TurnoutModel.Save(TurnoutModel.Train(cases.Select(c => c.Row), settings.Seed)) : null;

        var version = (await db.ForecastModels.MaxAsync(m => (int?)m.Version, cancellationToken) ?? 0) + 1;
        var stored = new ForecastModel
        {
            Version = version, TrainedAtUtc = now, ModelBytes = model, UsesModel = evaluation.UsesModel,
            EvaluationJson = JsonSerializer.Serialize(evaluation, Json),
        };
        db.ForecastModels.Add(stored);
        await db.SaveChangesAsync(cancellationToken);
        return stored;
    }

    /// <summary>
    /// The registrations of the latest <paramref name="testShare"/> of the events (at least one event) to test on, and
    /// those of the earlier ones to train on: a forecast is always made for events later than the ones it learnt from.
    /// </summary>
    public static (List<TurnoutCase> Train, List<TurnoutCase> Test, int TestEvents) TimeSplit(IReadOnlyList<TurnoutCase> cases, double testShare)
    {
        var events = cases.Select(c => (c.StartsAtUtc, c.EventId)).Distinct().Order().Select(e => e.EventId).ToList();
        var testCount = Math.Max(1, (int)Math.Round(events.Count * testShare));
        var testEvents = events.TakeLast(testCount).ToHashSet();
        return ([.. cases.Where(c => !testEvents.Contains(c.EventId))], [.. cases.Where(c => testEvents.Contains(c.EventId))], testCount);
    }

    /// <summary>The time-split evaluation and the decision; pure, so tests can run it on rows of their own.</summary>
    public static ForecastEvaluation Evaluate(IReadOnlyList<TurnoutCase> cases, ForecastSettings settings)
    {
        var baseRates = Scoring.BaseRates(cases);
        var events = cases.Select(c => (c.StartsAtUtc, c.EventId)).Distinct().Order().Select(e => e.EventId).ToList();
        if (events.Count < settings.MinimumEvents)
            return new ForecastEvaluation
            {
                TrainEvents = events.Count, BaseRates = baseRates,
                Reason = Invariant($"Too little history: {events.Count} events with attendance known, fewer than the {settings.MinimumEvents} needed; base rates by sector are used."),
            };

        var (train, test, testCount) = TimeSplit(cases, settings.TestShare);
        var actual = test.Select(c => c.Row.Label).ToList();
        if (train.Select(c => c.Row.Label).Distinct().Count() < 2 || actual.Count == 0)
            return new ForecastEvaluation
            {
                TrainEvents = events.Count - testCount, TestEvents = testCount, TrainRows = train.Count, TestRows = test.Count, BaseRates = baseRates,
                Reason = "Everyone in the earlier events came (or nobody did), so there is nothing to learn; base rates by sector are used.",
            };

        var trainRates = Scoring.BaseRates(train);
        var baseline = test.Select(c => trainRates.For(c.Sector)).ToList();
        var predicted = TurnoutModel.Predict(TurnoutModel.Train(train.Select(c => c.Row), settings.Seed), [.. test.Select(c => c.Row)])
            .Select(p => (double)p).ToList();
        var modelScore = new Score(Math.Round(Scoring.Auc(predicted, actual), 4), Math.Round(Scoring.Brier(predicted, actual), 4));
        var baselineScore = new Score(Math.Round(Scoring.Auc(baseline, actual), 4), Math.Round(Scoring.Brier(baseline, actual), 4));
        var usesModel = modelScore.Brier <= baselineScore.Brier * (1 - RequiredBrierGain) && modelScore.Auc > baselineScore.Auc;
        return new ForecastEvaluation
        {
            TrainEvents = events.Count - testCount, TestEvents = testCount, TrainRows = train.Count, TestRows = test.Count,
            Model = modelScore, Baseline = baselineScore, Calibration = Scoring.Calibration(predicted, actual), UsesModel = usesModel,
            BaseRates = baseRates,
            Reason = usesModel
                ? Invariant($"The model beat the base rates on the {testCount} latest events (Brier {modelScore.Brier} against {baselineScore.Brier}, AUC {modelScore.Auc} against {baselineScore.Auc}).")
                : Invariant($"The model did not beat the base rates on the {testCount} latest events (Brier {modelScore.Brier} against {baselineScore.Brier}, AUC {modelScore.Auc} against {baselineScore.Auc}); base rates by sector are used."),
        };
    }
}
