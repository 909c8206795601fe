using Analytics.Core.Forecasts;

namespace Analytics.Reporting.Forecast;

/// <summary>The yardsticks of the evaluation, computed the same way for the model and the baseline.</summary>
public static class Scoring
{
    /// <summary>Smooths a small sector's rate toward the overall rate, as if it had this many more registrations at that rate.</summary>
    private const double PriorWeight = 10;

    /// <summary>
    /// Area under the ROC curve by ranks (Mann-Whitney): the chance that someone who came was given a higher probability
    /// than someone who did not; ties count half. 0.5 when either class is missing.
    /// </summary>
    public static double Auc(IReadOnlyList<double> predicted, IReadOnlyList<bool> actual)
    {
        var positives = actual.Count(a => a);
        var negatives = actual.Count - positives;
        if (positives == 0 || negatives == 0) return 0.5;
        var order = Enumerable.Range(0, predicted.Count).OrderBy(i => predicted[i]).ToArray();
        var rankSum = 0.0;
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && predicted[order[end + 1]] == predicted[order[start]]) end++;
            var rank = (start + end) / 2.0 + 1;
            for (var i = start; i <= end; i++)
                if (actual[order[i]]) rankSum += rank;
            start = end + 1;
        }
        return (rankSum - positives * (positives + 1) / 2.0) / ((double)positives * negatives);
    }

    /// <summary>The mean squared difference between probability and outcome.</summary>
    public static double Brier(IReadOnlyList<double> predicted, IReadOnlyList<bool> actual) =>
        predicted.Count == 0 ? 0 : predicted.Select((p, i) => Math.Pow(p - (actual[i] ? 1 : 0), 2)).Average();

    /// <summary>Ten bins of predicted probability, [0, 0.1) … [0.9, 1]; every prediction falls in exactly one.</summary>
    public static IReadOnlyList<CalibrationBin> Calibration(IReadOnlyList<double> predicted, IReadOnlyList<bool> actual) =>
        [.. Enumerable.Range(0, 10).Select(bin =>
        {
            var members = Enumerable.Range(0, predicted.Count).Where(i => Math.Min((int)(predicted[i] * 10), 9) == bin).ToList();
            return new CalibrationBin(bin / 10.0, (bin + 1) / 10.0, members.Count,
                members.Count == 0 ? null : Math.Round(members.Average(i => predicted[i]), 4),
                members.Count == 0 ? null : Math.Round(members.Average(i => actual[i] ? 1.0 : 0.0), 4));
        })];

    public static BaseRates BaseRates(IEnumerable<TurnoutCase> cases)
    {
        var list = cases.ToList();
        // With no history at all: free events lose 20-25 % of their registrations (issue 13).
        var overall = list.Count == 0 ? 0.78 : list.Average(c => c.Row.Label ? 1.0 : 0.0);
        var bySector = list.GroupBy(c => c.Sector, StringComparer.Ordinal).ToDictionary(g => g.Key,
            g => Math.Round((g.Sum(c => c.Row.Label ? 1.0 : 0.0) + PriorWeight * overall) / (g.Count() + PriorWeight), 4), StringComparer.Ordinal);
        return new BaseRates(Math.Round(overall, 4), bySector);
    }
}
