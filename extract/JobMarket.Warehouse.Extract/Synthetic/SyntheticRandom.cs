namespace JobMarket.Warehouse.Extract.Synthetic;

/// <summary>
/// Deterministic draws. Per-posting decisions that must be cheap (source, lifetime, place) come from a
/// SplitMix64 hash of (seed, index, salt), so any posting can be planned without generating the
/// others; the details of a posting come from a <see cref="Random"/> seeded with the same hash.
/// </summary>
internal static class SyntheticRandom
{
    public static ulong Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    public static ulong Hash(int seed, long index, int salt) =>
        Mix(Mix(Mix((ulong)(uint)seed) ^ (ulong)index) + (ulong)salt * 0xD1B54A32D192ED03UL);

    /// <summary>A string hash that is the same in every process (string.GetHashCode is randomised per process).</summary>
    public static int StableHash(string text)
    {
        var hash = 17;
        foreach (var c in text)
        {
            hash = unchecked(hash * 31 + c);
        }
        return hash & int.MaxValue;
    }

    /// <summary>A uniform double in [0, 1) from a hash.</summary>
    public static double Unit(ulong hash) => (hash >> 11) * (1.0 / (1UL << 53));

    public static bool Chance(this Random random, double probability) => random.NextDouble() < probability;

    public static T Pick<T>(this Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    public static double Between(this Random random, double min, double max) => min + random.NextDouble() * (max - min);

    /// <summary>Up to <paramref name="count"/> distinct items, earlier items more likely (a skewed pick).</summary>
    public static List<T> PickSkewed<T>(this Random random, IReadOnlyList<T> items, int count)
    {
        var chosen = new List<T>(count);
        for (var attempt = 0; attempt < count * 4 && chosen.Count < count && chosen.Count < items.Count; attempt++)
        {
            var u = random.NextDouble();
            var item = items[(int)(u * u * items.Count)];
            if (!chosen.Contains(item))
            {
                chosen.Add(item);
            }
        }
        return chosen;
    }
}
