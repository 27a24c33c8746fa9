namespace Etl.Data.Schema;

/// <summary>An arXiv category code and, when it is in the built-in taxonomy, its name.</summary>
public sealed class Category
{
    public required string Code { get; set; }

    public string? Name { get; set; }
}
