namespace Analytics.SampleData;

static class RandomChoices
{
    public static bool Chance(this Random random, double probability) => random.NextDouble() < probability;

    public static T Pick<T>(this Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    public static T PickWeighted<T>(this Random random, IReadOnlyList<(T Item, double Weight)> items)
    {
        var roll = random.NextDouble() * items.Sum(i => i.Weight);
        foreach (var (item, weight) in items)
        {
            roll -= weight;
            if (roll < 0)
                return item;
        }
        return items[^1].Item;
    }

    /// <summary>Draws up to <paramref name="count"/> distinct items, each with a chance proportional to its weight.</summary>
    public static List<T> SampleWeighted<T>(this Random random, IEnumerable<(T Item, double Weight)> items, int count)
    {
        var pool = items.Where(i => i.Weight > 0).ToList();
        var chosen = new List<T>();
        while (chosen.Count < count && pool.Count > 0)
        {
            var roll = random.NextDouble() * pool.Sum(i => i.Weight);
            var index = 0;
            while (index < pool.Count - 1 && (roll -= pool[index].Weight) >= 0)
                index++;
            chosen.Add(pool[index].Item);
            pool.RemoveAt(index);
        }
        return chosen;
    }

    public static DateTime Between(this Random random, DateTime from, DateTime to) =>
        from.AddMinutes(Math.Floor(random.NextDouble() * (to - from).TotalMinutes));
}
