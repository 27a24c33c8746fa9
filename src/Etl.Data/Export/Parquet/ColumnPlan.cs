using ParquetSharp;
using ParquetSharp.Schema;

namespace Etl.Data.Export.Parquet;

/// <summary>How one result column is read from PostgreSQL and written to Parquet.</summary>
/// <param name="Name">The column's name, in the query and in the file.</param>
/// <param name="Type">Its values' Parquet type (of the elements, for a list).</param>
/// <param name="IsList">Whether it is a PostgreSQL array, written as a Parquet list.</param>
/// <param name="Cast">A type the query casts the column to first (<c>float8</c>, <c>text</c>, …), or null.</param>
/// <param name="SourceType">Its PostgreSQL type, for the README.</param>
internal sealed record ColumnPlan(string Name, ParquetType Type, bool IsList, string? Cast, string SourceType)
{
    /// <summary>The column in the COPY's select list: quoted, and cast when its type is written as another.</summary>
    public string SelectExpression => "\"" + Name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" + (Cast is null ? string.Empty : "::" + Cast);

    /// <summary>Its type as the README gives it.</summary>
    public string TypeName => IsList ? $"list<{Type.Name}>" : Type.Name;

    /// <summary>
    /// Its Parquet schema node. Every column is optional (a view does not say which of its columns can be
    /// null); a list is the standard three-level LIST (<c>optional group name (LIST) { repeated group list {
    /// optional element } }</c>) that Arrow, Spark and DuckDB write and read. The caller disposes the node.
    /// </summary>
    public Node CreateNode()
    {
        using var logical = Type.Logical();
        if (!IsList)
        {
            return new PrimitiveNode(Name, Repetition.Optional, logical, Type.Physical);
        }

        using var element = new PrimitiveNode("element", Repetition.Optional, logical, Type.Physical);
        using var list = new GroupNode("list", Repetition.Repeated, [element]);
        using var listType = LogicalType.List();
        return new GroupNode(Name, Repetition.Optional, [list], listType);
    }

    public ColumnBuffer CreateBuffer(ValueArena arena) => new(Name, IsList, Type.Leaf(IsList, arena));
}
