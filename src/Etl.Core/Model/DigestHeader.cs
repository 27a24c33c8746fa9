namespace Etl.Core.Model;

/// <summary>What line 1 of a digest says: its format, category and date.</summary>
public sealed record DigestHeader(DigestFormat Format, string Category, DateOnly Date);
