namespace Etl.Core.Model;

/// <summary>What a file says about itself: its format, category (null for listings, which span categories) and date.</summary>
public sealed record DigestHeader(DigestFormat Format, string? Category, DateOnly Date);
