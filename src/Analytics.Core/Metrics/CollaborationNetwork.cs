using System.Runtime.InteropServices;

namespace Analytics.Core.Metrics;

/// <summary>A weighted, undirected tie between two organisations; First is always the smaller id.</summary>
public sealed record Tie(int First, int Second, double Weight);

/// <summary>
/// The organisation network: the event × organisation graph projected onto organisations with Newman's collaboration
/// weight (Newman 2001, "Scientific collaboration networks. II"). Each event with n_e organisations adds 1/(n_e − 1) to
/// every pair of them, so an organisation's ties from one event sum to 1 and large events do not swamp small ones.
/// </summary>
public static class CollaborationNetwork
{
    /// <summary>
    /// The weighted ties, ordered by (First, Second), from the organisations present at each event. Repeats within an
    /// event count once; an event with a single organisation adds nothing.
    /// </summary>
    public static IReadOnlyList<Tie> Ties(IEnumerable<IEnumerable<int>> organisationsPerEvent)
    {
        var weights = new Dictionary<(int, int), double>();
        foreach (var organisations in organisationsPerEvent)
        {
            var present = organisations.Distinct().Order().ToArray();
            if (present.Length < 2) continue;
            var weight = 1.0 / (present.Length - 1);
            for (var i = 0; i < present.Length; i++)
                for (var j = i + 1; j < present.Length; j++)
                    CollectionsMarshal.GetValueRefOrAddDefault(weights, (present[i], present[j]), out _) += weight;
        }

        // Sorted as one 64-bit number per pair, smaller id in the high half, so the numbers sort in (First, Second)
        // order: all time at a million participations has 1.8 million ties, and sorting tuples through LINQ cost seconds
        // of a recompute. (Only for sorting: as dictionary keys such numbers hash badly, their halves folded together.)
        var pairs = new long[weights.Count];
        var sums = new double[weights.Count];
        var next = 0;
        foreach (var ((first, second), sum) in weights)
        {
            pairs[next] = Pair(first, second);
            sums[next++] = sum;
        }
        Array.Sort(pairs, sums);
        var ties = new Tie[pairs.Length];
        for (var i = 0; i < pairs.Length; i++) ties[i] = new Tie((int)(pairs[i] >> 32), (int)((uint)pairs[i] ^ SignBit), sums[i]);
        return ties;
    }

    private const uint SignBit = 0x8000_0000;

    // The high half orders by the first id as a signed number already; the low half is compared unsigned, so the second
    // id's sign bit is flipped to keep negative ids before positive ones there too.
    private static long Pair(int first, int second) => ((long)first << 32) | ((uint)second ^ SignBit);
}
