namespace Analytics.Core.Metrics;

/// <summary>
/// Krackhardt and Stern's E-I index (1988), (E − I) / (E + I), of ties external (between sectors) versus internal (within a
/// sector): +1 when every tie crosses a sector boundary, −1 when none does.
/// </summary>
public static class EiIndex
{
    /// <summary>(E − I) / (E + I) from the external and internal totals; null when there are no ties.</summary>
    public static double? Of(double external, double @internal)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(external);
        ArgumentOutOfRangeException.ThrowIfNegative(@internal);
        var total = external + @internal;
        return total == 0 ? null : (external - @internal) / total;
    }

    /// <summary>
    /// The E-I index with each tie counted by its weight. Ties to an organisation without a known sector are left out,
    /// since they are neither external nor internal.
    /// </summary>
    public static double? Weighted(IEnumerable<Tie> ties, IReadOnlyDictionary<int, string> sectorByOrganisation) =>
        Compute(ties, sectorByOrganisation, t => t.Weight);

    /// <summary>The E-I index with every tie counted once, whatever its weight.</summary>
    public static double? Unweighted(IEnumerable<Tie> ties, IReadOnlyDictionary<int, string> sectorByOrganisation) =>
        Compute(ties, sectorByOrganisation, _ => 1);

    private static double? Compute(IEnumerable<Tie> ties, IReadOnlyDictionary<int, string> sectorByOrganisation, Func<Tie, double> size)
    {
        double external = 0, @internal = 0;
        foreach (var tie in ties)
        {
            if (!sectorByOrganisation.TryGetValue(tie.First, out var first) || !sectorByOrganisation.TryGetValue(tie.Second, out var second))
                continue;
            if (string.Equals(first, second, StringComparison.Ordinal)) @internal += size(tie);
            else external += size(tie);
        }

        return Of(external, @internal);
    }
}
