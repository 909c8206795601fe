using Analytics.Core.Forecasts;
using Analytics.Core.Localisation;

namespace Analytics.Core.Disclosure;

/// <summary>
/// A turnout forecast after disclosure control, made only by <see cref="DisclosureControl.Protect(ForecastFigures)"/>.
/// Expected counts are whole numbers; one of 1..k−1 is null (shown "&lt;k"). Nothing is shown for a registered group
/// below k, and nothing at all for an event with fewer than k registrations.
/// </summary>
public sealed class ProtectedForecast
{
    private ProtectedForecast(string eventSlug, int k, int modelVersion, bool usesModel, bool withheld, int? registered, int? expected,
        int? low, int? high, IReadOnlyList<ProtectedForecastCell> sectors, string note)
    {
        EventSlug = eventSlug;
        K = k;
        ModelVersion = modelVersion;
        UsesModel = usesModel;
        Withheld = withheld;
        Registered = registered;
        Expected = expected;
        Low = low;
        High = high;
        Sectors = sectors;
        Note = note;
    }

    public string EventSlug { get; }
    public int K { get; }
    public int ModelVersion { get; }

    /// <summary>False when the forecast rests on base rates by sector, because the model did not beat them.</summary>
    public bool UsesModel { get; }

    /// <summary>True when the event has fewer than k registrations: then every number is null.</summary>
    public bool Withheld { get; }
    public int? Registered { get; }
    public int? Expected { get; }

    /// <summary>The 95 % interval: Σp ± 1.96·√Σp(1−p).</summary>
    public int? Low { get; }
    public int? High { get; }

    /// <summary>The expected mix at the door; sectors with fewer than k registrations are left out.</summary>
    public IReadOnlyList<ProtectedForecastCell> Sectors { get; }
    public string Note { get; }

    /// <summary>"&lt;k" for a hidden count, the number otherwise.</summary>
    public string Show(int? count) => count?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? $"<{K}";

    /// <param name="count">The threshold on a whole count (<see cref="DisclosureControl.Count"/>), applied to each rounded expectation.</param>
    internal static ProtectedForecast Of(ForecastFigures figures, int k, Func<int, int?> count)
    {
        int? Count(double value) => count((int)Math.Round(value, MidpointRounding.AwayFromZero));

        if (figures.Registered < k)
            return new ProtectedForecast(figures.EventSlug, k, figures.ModelVersion, figures.UsesModel, true, null, null, null, null, [],
                CoreMessages.Say("Prognosen visas inte: färre än {0} har anmält sig.", k));

        var margin = 1.96 * Math.Sqrt(Math.Max(figures.Variance, 0));
        var expected = Count(figures.Expected);
        var low = expected is null ? null : Count(Math.Max(figures.Expected - margin, 0));
        var high = expected is null ? null : Count(Math.Min(figures.Expected + margin, figures.Registered));

        // A group is shown only when at least k of its people registered. The hidden groups together must also cover at
        // least k registrations, or the total minus the shown groups would give their expected turnout away.
        var groups = figures.Sectors.Where(g => g.Registered > 0).OrderByDescending(g => g.Registered).ThenBy(g => g.Code, StringComparer.Ordinal).ToList();
        var hidden = groups.Select(g => g.Registered < k).ToArray();
        while (hidden.Any(h => h) && groups.Where((_, i) => hidden[i]).Sum(g => g.Registered) < k)
        {
            var next = Enumerable.Range(0, groups.Count).Where(i => !hidden[i]).OrderBy(i => groups[i].Registered).DefaultIfEmpty(-1).First();
            if (next < 0) break;
            hidden[next] = true;
        }
        var cells = groups.Where((_, i) => !hidden[i])
            .Select(g => new ProtectedForecastCell(g.Code, g.Label, g.Registered, Count(g.Expected),
                Count(g.Expected) is { } e && g.Registered > 0 ? Math.Round((double)e / g.Registered, 2) : null))
            .ToList();
        var note = hidden.Any(h => h)
            ? CoreMessages.Say("Prognos. Sektorer med färre än {0} anmälda visas inte, och förväntade antal under {0} visas som <{0}.", k)
            : CoreMessages.Say("Prognos. Förväntade antal under {0} visas som <{0}.", k);
        return new ProtectedForecast(figures.EventSlug, k, figures.ModelVersion, figures.UsesModel, false, figures.Registered, expected, low, high,
            cells, note);
    }
}

/// <summary>One sector at the door: its registrations (at least k), the expected number attending (null for 1..k−1), and their expected rate of attending.</summary>
public sealed record ProtectedForecastCell(string Code, string Label, int Registered, int? Expected, double? ExpectedRate);

/// <summary>
/// How a forecast version did, as it may be shown: the scores of model and baseline, and the calibration table with the
/// observed share withheld in a bin of 1..k−1 predictions (it would tell whether those few came). The base rates by
/// sector stay inside: a small sector's rate gives its few people's attendance away.
/// </summary>
public sealed record ProtectedEvaluation(int TrainEvents, int TestEvents, int? TrainRows, int? TestRows, Score? Model, Score? Baseline,
    IReadOnlyList<ProtectedCalibrationBin> Calibration, bool UsesModel, string Reason)
{
    internal static ProtectedEvaluation Of(ForecastEvaluation evaluation, Func<int, int?> count, int k)
    {
        var bins = evaluation.Calibration;
        var hidden = bins.Select(b => count(b.Count) is null).ToArray();
        // The bins add up to the test rows, which are shown: as in a breakdown, the hidden bins together must hold at
        // least k predictions, and never be one alone, or they are the total minus the shown ones.
        while (hidden.Any(h => h) && (bins.Where((_, i) => hidden[i]).Sum(b => b.Count) < k || hidden.Count(h => h) == 1))
        {
            var next = Enumerable.Range(0, bins.Count).Where(i => !hidden[i] && bins[i].Count > 0).OrderBy(i => bins[i].Count).DefaultIfEmpty(-1).First();
            if (next < 0) break;
            hidden[next] = true;
        }
        // Only when there was nothing more to hide can the hidden bins still hold fewer than k: then the total goes too.
        var testRows = bins.Where((_, i) => hidden[i]).Sum(b => b.Count) is > 0 and var few && few < k ? null : count(evaluation.TestRows);
        return new(evaluation.TrainEvents, evaluation.TestEvents, count(evaluation.TrainRows), testRows, evaluation.Model,
            evaluation.Baseline,
            [.. bins.Select((b, i) => hidden[i]
                ? new ProtectedCalibrationBin(b.From, b.To, null, null, null)
                : new ProtectedCalibrationBin(b.From, b.To, b.Count, b.MeanPredicted, b.Observed))],
            evaluation.UsesModel, evaluation.Reason);
    }
}

/// <summary>One bin of the calibration table; a count of 1..k−1 is null, and so are its shares.</summary>
public sealed record ProtectedCalibrationBin(double From, double To, int? Count, double? MeanPredicted, double? Observed);
