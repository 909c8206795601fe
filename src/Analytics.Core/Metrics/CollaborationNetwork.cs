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
                    weights[(present[i], present[j])] = weights.GetValueOrDefault((present[i], present[j])) + weight;
        }

        return weights.OrderBy(w => w.Key).Select(w => new Tie(w.Key.Item1, w.Key.Item2, w.Value)).ToList();
    }
}
