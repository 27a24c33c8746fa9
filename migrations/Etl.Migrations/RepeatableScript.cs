using System.Security.Cryptography;
using System.Text;

namespace Etl.Migrations;

/// <summary>
/// One repeatable script: the current definition of the report object it is named after
/// (<c>sql/report/papers.sql</c> defines <c>report.papers</c>, a view or a function), applied again whenever
/// its text changes.
/// </summary>
/// <param name="Path">Its repository path, e.g. <c>sql/report/papers.sql</c>; also its key in <c>warehouse.report_scripts</c>.</param>
/// <param name="Sql">Its text.</param>
public sealed record RepeatableScript(string Path, string Sql)
{
    /// <summary>The object of schema <c>report</c> it defines: the file's name without <c>.sql</c>.</summary>
    public string Name => System.IO.Path.GetFileNameWithoutExtension(Path);

    /// <summary>
    /// SHA-256 of the text with line ends made LF, so a checkout that writes CRLF does not count as a
    /// change of definition.
    /// </summary>
    public byte[] Checksum { get; } = SHA256.HashData(Encoding.UTF8.GetBytes(Sql.ReplaceLineEndings("\n")));
}
