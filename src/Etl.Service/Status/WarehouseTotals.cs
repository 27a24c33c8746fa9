namespace Etl.Service.Status;

public sealed record WarehouseTotals(long Papers, long Versions, long Authors, long Files, long RejectedFiles, long Entries, long RejectedEntries);
