namespace Etl.Core.Model;

/// <summary>A version a source lists, with its submission time in UTC when the source gives one.</summary>
public readonly record struct VersionTime(int Version, DateTime? Created);
