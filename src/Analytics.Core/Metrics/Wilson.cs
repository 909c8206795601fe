namespace Analytics.Core.Metrics;

/// <summary>
/// The Wilson score interval for a proportion (Wilson 1927; recommended for small samples by Newcombe 1998). Unlike the
/// normal approximation it never leaves [0, 1] and does not collapse to a point at 0/n or n/n, which matters for small events.
/// </summary>
public static class Wilson
{
    /// <summary>The standard normal quantile for a two-sided 95 % interval.</summary>
    public const double Z95 = 1.959964;

    /// <summary>The 95 % Wilson interval for k successes out of n; null when n is zero.</summary>
    public static (double Low, double High)? Interval(int k, int n, double z = Z95)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(k, Math.Max(n, 0));
        if (n <= 0) return null;

        double p = (double)k / n, z2 = z * z;
        var denominator = 1 + z2 / n;
        var centre = (p + z2 / (2 * n)) / denominator;
        var halfWidth = z / denominator * Math.Sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        // At 0/n and n/n the bound is exactly 0 or 1; rounding would otherwise leave it a hair outside.
        var low = k == 0 ? 0 : Math.Max(0, centre - halfWidth);
        var high = k == n ? 1 : Math.Min(1, centre + halfWidth);
        return (low, high);
    }
}
