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

internal static class RandomExtensions
{
    public static bool Chance(this Random random, double probability) => random.NextDouble() < probability;

    public static T Pick<T>(this Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    public static T PickWeighted<T>(this Random random, IReadOnlyList<(T Item, double Weight)> items)
    {
        var roll = random.NextDouble() * items.Sum(i => i.Weight);
        foreach (var (item, weight) in items)
        {
            roll -= weight;
            if (roll < 0) return item;
        }
        return items[^1].Item;
    }

    public static DateTime Between(this Random random, DateTime from, DateTime to) =>
        from.AddMinutes(Math.Floor(random.NextDouble() * Math.Max(0, (to - from).TotalMinutes)));
}
