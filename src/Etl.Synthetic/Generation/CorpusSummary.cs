namespace Etl.Core.Generation;

/// <summary>What <see cref="CorpusWriter.Write"/> wrote.</summary>
/// <param name="Files">Files written.</param>
/// <param name="Bytes">Total bytes written (UTF-8, no BOM).</param>
/// <param name="Papers">Distinct papers (arXiv ids) across the files.</param>
public sealed record CorpusSummary(int Files, long Bytes, int Papers);
