using System.Globalization;

namespace Etl.Data.Loading;

/// <summary>Where a load run is: reported after every file, and every few thousand records while a snapshot loads.</summary>
public readonly record struct LoadProgress(int FilesDone, int FilesTotal, long Entries, long BytesDone, long BytesTotal, TimeSpan Elapsed)
{
    /// <summary>The fraction of the bytes done, 0 to 1.</summary>
    public double Fraction => BytesTotal == 0 ? 1 : Math.Clamp((double)BytesDone / BytesTotal, 0, 1);

    /// <summary>One line for people: files, entries per second, megabytes and the time left (the CLI's bar and the status page say the same).</summary>
    public string Describe()
    {
        var seconds = Math.Max(Elapsed.TotalSeconds, 0.001);
        var eta = Fraction > 0 ? TimeSpan.FromSeconds((seconds / Fraction) - seconds) : TimeSpan.Zero;
        return string.Create(CultureInfo.InvariantCulture,
            $"{FilesDone}/{FilesTotal} files, {Entries:N0} entries, {Entries / seconds:N0} entries/s, {BytesDone / 1048576.0:N0}/{BytesTotal / 1048576.0:N0} MB, ETA {eta:hh\\:mm\\:ss}");
    }
}
