namespace Analytics.Cli.Generate;

/// <summary>
/// Draws items with chances proportional to their weights in O(log n), so a pool of a quarter of a million people can be
/// sampled fifty times per event for twenty thousand events.
/// </summary>
internal sealed class WeightedChoice<T>
{
    private readonly T[] _items;
    private readonly double[] _cumulative;

    public WeightedChoice(IEnumerable<(T Item, double Weight)> items)
    {
        var positive = items.Where(i => i.Weight > 0).ToArray();
        _items = [.. positive.Select(i => i.Item)];
        _cumulative = new double[positive.Length];
        var sum = 0.0;
        for (var i = 0; i < positive.Length; i++) _cumulative[i] = sum += positive[i].Weight;
    }

    public double Total => _cumulative.Length == 0 ? 0 : _cumulative[^1];

    public T Draw(Random random)
    {
        var roll = random.NextDouble() * Total;
        var index = Array.BinarySearch(_cumulative, roll);
        index = index < 0 ? ~index : index + 1;
        return _items[Math.Min(index, _items.Length - 1)];
    }
}
