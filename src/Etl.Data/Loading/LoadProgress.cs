namespace Etl.Data.Loading;

/// <summary>Where a load run is, reported after every file.</summary>
public readonly record struct LoadProgress(int FilesDone, int FilesTotal, long Entries, long BytesDone, long BytesTotal, TimeSpan Elapsed);
