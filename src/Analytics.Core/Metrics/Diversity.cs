namespace Analytics.Core.Metrics;

/// <summary>Diversity of a breakdown, from the counts per category (categories with zero count are ignored).</summary>
public static class Diversity
{
    /// <summary>Shannon entropy H = −Σ p_i ln p_i, in nats.</summary>
    public static double Shannon(IReadOnlyCollection<int> counts)
    {
        double total = counts.Sum();
        if (total <= 0) return 0;
        return -counts.Where(n => n > 0).Sum(n => n / total * Math.Log(n / total));
    }

    /// <summary>
    /// Effective number of categories, the Hill number of order 1: exp(H). "As diverse as 3.2 equally sized sectors".
    /// </summary>
    public static double EffectiveNumber(IReadOnlyCollection<int> counts) =>
        counts.Sum() <= 0 ? 0 : Math.Exp(Shannon(counts));

    /// <summary>
    /// Blau / Gini-Simpson in its unbiased form for small groups: 1 − Σ n_i(n_i − 1) / (N(N − 1)). The chance that two
    /// different people drawn at random belong to different categories. Undefined below two people.
    /// </summary>
    public static double? Blau(IReadOnlyCollection<int> counts)
    {
        double n = counts.Sum();
        if (n < 2) return null;
        var same = counts.Sum(c => (double)c * (c - 1));
        return 1 - same / (n * (n - 1));
    }

    /// <summary>Pielou evenness H / ln S, where S is the number of categories present. Undefined for fewer than two.</summary>
    public static double? Evenness(IReadOnlyCollection<int> counts)
    {
        var present = counts.Count(n => n > 0);
        if (present < 2) return null;
        return Shannon(counts) / Math.Log(present);
    }
}
