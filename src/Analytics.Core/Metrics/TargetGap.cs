namespace Analytics.Core.Metrics;

/// <summary>How far a mix of shares p_i lies from the target mix r_i the steering group aims for.</summary>
public static class TargetGap
{
    /// <summary>The gap p − r: negative when a category is under-represented.</summary>
    public static double Gap(double share, double target) => share - target;

    /// <summary>The representation ratio p / r: 1 is on target, below 1 under-represented; null when the target is zero.</summary>
    public static double? RepresentationRatio(double share, double target) => target == 0 ? null : share / target;

    /// <summary>
    /// Share, target, gap and representation ratio of every category in either mix, ordered by code. A category missing
    /// from one side has share or target 0 there.
    /// </summary>
    public static IReadOnlyList<CategoryGap> PerCategory(
        IReadOnlyDictionary<string, double> shares, IReadOnlyDictionary<string, double> targets) =>
        shares.Keys.Union(targets.Keys).Order(StringComparer.Ordinal).Select(code =>
        {
            var share = shares.GetValueOrDefault(code);
            var target = targets.GetValueOrDefault(code);
            return new CategoryGap(code, share, target, Gap(share, target), RepresentationRatio(share, target));
        }).ToList();

    /// <summary>
    /// The dissimilarity index D = ½ Σ |p_i − r_i| over the union of categories: the share of people who would have to
    /// change category for the mix to meet the target. 0 on target, 1 with no overlap; null when either mix is empty.
    /// </summary>
    public static double? Dissimilarity(IReadOnlyDictionary<string, double> shares, IReadOnlyDictionary<string, double> targets)
    {
        if (shares.Count == 0 || targets.Count == 0) return null;
        return PerCategory(shares, targets).Sum(c => Math.Abs(c.Gap)) / 2;
    }
}

/// <summary>One category of a mix against its target.</summary>
public sealed record CategoryGap(string Code, double Share, double Target, double Gap, double? RepresentationRatio);
