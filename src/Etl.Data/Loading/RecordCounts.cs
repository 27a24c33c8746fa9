namespace Etl.Data.Loading;

/// <summary>
/// What a snapshot's records were to the warehouse: new (the paper had no record yet), changed (the paper had a
/// record with another line) or unchanged (the line was held already, so nothing of it was stored again).
/// </summary>
public sealed record RecordCounts(long New, long Changed, long Unchanged)
{
    public static RecordCounts None { get; } = new(0, 0, 0);

    public RecordCounts Add(RecordCounts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(New + other.New, Changed + other.Changed, Unchanged + other.Unchanged);
    }

    public override string ToString() => $"{New:#,0} new, {Changed:#,0} changed, {Unchanged:#,0} unchanged records";
}
