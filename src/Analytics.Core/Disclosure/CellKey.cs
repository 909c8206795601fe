namespace Analytics.Core.Disclosure;

/// <summary>
/// The cell-key method for public outputs, as SCB and ABS use it. Every participation row carries a fixed random record
/// key in [0, 1); a cell's key is the sum of its rows' keys mod 1. The key picks one of 32 equal bands of [0, 1), and the
/// band's entry in <see cref="Table"/> is the noise added to the cell's count. The same rows always give the same key and so
/// the same noise, which is why an event and its quarter cannot be differenced: each cell's noise comes from its own key.
/// </summary>
/// <remarks>
/// The table: noise 0 in 16 bands (50 %), +1 and −1 in 5 bands each (about 16 % each), +2 and −2 in 3 bands each (about
/// 9 % each), so its mean is exactly 0. The signs are spread over the bands so that neighbouring keys do not share a
/// sign. A count of zero stays zero (an empty cell has no rows and so no key). A non-zero count never becomes zero or
/// negative: where count + noise would be below 1, the cell is published as 1; that biases only the counts 1 and 2
/// upwards, and those are below any threshold k and suppressed anyway.
/// </remarks>
public static class CellKey
{
    /// <summary>The perturbation table: the noise of each of the 32 equal bands of the cell key, band 0 first.</summary>
    public static IReadOnlyList<int> Table { get; } =
    [
        0, 1, 0, -1, 0, 2, 0, -2,
        0, -1, 0, 1, 0, 0, -1, 1,
        0, 2, 0, -2, 0, 1, 0, -1,
        0, -2, 0, 2, 0, 1, -1, 0,
    ];

    /// <summary>The largest noise the table adds or takes away.</summary>
    public const int MaximumNoise = 2;

    /// <summary>
    /// The key of a cell from its rows' record keys: their sum mod 1. It must not vary with the order of the rows, and a
    /// sum of doubles does (rounding). So each key is taken as a whole number of 2^−53ths, which holds any key drawn
    /// with <see cref="Random.NextDouble"/> exactly, and added as an integer: exact and the same in any order, without
    /// sorting (sorting first cost 19–89x a plain sum, for every tally of every scope). The unsigned sum wraps at 2^64;
    /// keeping its low 53 bits is the sum mod 1.
    /// </summary>
    public static double KeySum(IEnumerable<double> recordKeys)
    {
        ulong sum = 0;
        foreach (var key in recordKeys) sum += (ulong)(key % 1 * Scale);
        return (sum & (Whole - 1)) / Scale;
    }

    private const ulong Whole = 1UL << 53;
    private const double Scale = Whole;

    /// <summary>Adds the key sum of another cell, as when small cells merge into one: (a + b) mod 1.</summary>
    public static double Combine(double keySum, double other) => (keySum + other) % 1;

    /// <summary>The noise the table gives a cell key in [0, 1).</summary>
    public static int Noise(double keySum) => Table[Math.Clamp((int)Math.Floor(keySum * Table.Count), 0, Table.Count - 1)];

    /// <summary>The published count of a cell: 0 stays 0, anything else is count + noise but at least 1.</summary>
    public static int Perturb(int count, double keySum) => count <= 0 ? count : Math.Max(1, count + Noise(keySum));
}
