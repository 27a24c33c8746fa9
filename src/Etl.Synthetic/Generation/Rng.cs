namespace Etl.Core.Generation;

/// <summary>Seed derivation and small helpers over <see cref="Random"/>; nothing here reads clocks or GUIDs.</summary>
internal static class Rng
{
    /// <summary>A well-mixed, non-negative seed from a base seed and up to two keys (SplitMix64 finalizer).</summary>
    public static int Derive(int seed, long a, long b = 0)
    {
        unchecked
        {
            var x = ((ulong)(uint)seed * 0x9E3779B97F4A7C15UL) ^ ((ulong)a * 0xBF58476D1CE4E5B9UL) ^ ((ulong)b * 0x94D049BB133111EBUL);
            x += 0x9E3779B97F4A7C15UL;
            x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
            x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
            x ^= x >> 31;
            return (int)(x & 0x7FFFFFFF);
        }
    }

    public static Random For(int seed, long a, long b = 0) => new(Derive(seed, a, b));

    public static T Pick<T>(this Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    public static bool Chance(this Random random, double probability) => random.NextDouble() < probability;

    /// <summary>A uniform double in [low, high).</summary>
    public static double Between(this Random random, double low, double high) => low + (random.NextDouble() * (high - low));
}
