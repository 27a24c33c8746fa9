namespace Etl.Core.Generation;

/// <summary>
/// Picks an exact share of a long run of records, spread evenly and yet at random: the records fall into blocks
/// of 1/share, and one record of each block, at a position drawn from the seed and the block, is chosen. A
/// benchmark of a million records then has exactly 1,000 (not "about 1,000") of a 0.1% kind, whatever the seed.
/// </summary>
internal sealed class EvenShare
{
    private readonly int _seed;
    private readonly long _key;
    private readonly long _block;

    public EvenShare(int seed, long key, double share)
    {
        _seed = seed;
        _key = key;
        _block = share <= 0 ? 0 : Math.Max(1, (long)Math.Round(1 / share));
    }

    /// <summary>Whether record <paramref name="index"/> (0-based) is one of the chosen.</summary>
    public bool IsChosen(long index)
    {
        if (_block == 0)
        {
            return false;
        }

        var block = index / _block;
        return index % _block == Rng.Derive(_seed, _key, block) % _block;
    }

    /// <summary>A second, independent coin for a chosen record's block (which of two kinds it is).</summary>
    public bool Heads(long index) => _block != 0 && (Rng.Derive(_seed, _key + 1, index / _block) & 1) == 0;
}
