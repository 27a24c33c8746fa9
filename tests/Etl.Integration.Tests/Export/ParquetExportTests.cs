using Etl.Data.Export;
using Etl.Data.Export.Parquet;
using Etl.Tests;
using Xunit;

namespace Etl.Integration.Tests.Export;

/// <summary>
/// <c>etl export --format parquet</c> on the shared samples, every file read back by DuckDB and compared
/// with the warehouse row by row and value by value, with the types an analyst's tools should see.
/// </summary>
public sealed class ParquetExportTests(SamplesWarehouse samples) : IClassFixture<SamplesWarehouse>
{
    private const string PaperAuthors = """
        SELECT pa.arxiv_id, pa.position, pa.author_key, a.display_name
        FROM warehouse.paper_authors pa JOIN warehouse.authors a ON a.author_key = pa.author_key
        """;

    [SharedSamplesFact]
    public async Task Every_file_holds_the_rows_and_values_of_the_warehouse()
    {
        using var folder = new ExportFolder();
        var files = await new ParquetExport().WriteAsync(samples.Database.DataSource, new ExportRequest(folder.Path), CancellationToken.None);

        Assert.Equal(["papers.parquet", "versions.parquet", "authors.parquet", "paper_authors.parquet"], files.Select(file => Path.GetFileName(file.Path)));
        await ParquetReadBack.AssertSameAsync(samples.Database.DataSource, "SELECT * FROM report.papers", folder.File("papers.parquet"));
        await ParquetReadBack.AssertSameAsync(samples.Database.DataSource, "SELECT * FROM report.paper_versions", folder.File("versions.parquet"));
        await ParquetReadBack.AssertSameAsync(samples.Database.DataSource, "SELECT * FROM report.authors", folder.File("authors.parquet"));
        await ParquetReadBack.AssertSameAsync(samples.Database.DataSource, PaperAuthors, folder.File("paper_authors.parquet"));
        Assert.Equal(await samples.Database.CountAsync("SELECT count(*) FROM report.papers"), files[0].Rows);
        Assert.Equal(["README.md", "authors.parquet", "paper_authors.parquet", "papers.parquet", "versions.parquet"],
            Directory.GetFiles(folder.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [SharedSamplesFact]
    public async Task Columns_have_their_real_types_not_strings()
    {
        using var folder = new ExportFolder();
        await new ParquetExport().WriteAsync(samples.Database.DataSource, new ExportRequest(folder.Path), CancellationToken.None);

        Assert.Equal(
            [("arxiv_id", "VARCHAR"), ("latest_version", "INTEGER"), ("title", "VARCHAR"), ("abstract", "VARCHAR"), ("authors", "VARCHAR[]"),
             ("primary_category", "VARCHAR"), ("categories", "VARCHAR[]"), ("published_at", "TIMESTAMP WITH TIME ZONE"),
             ("updated_at", "TIMESTAMP WITH TIME ZONE"), ("doi", "VARCHAR"), ("journal_ref", "VARCHAR"), ("comment", "VARCHAR")],
            ParquetReadBack.Columns(folder.File("papers.parquet")));
        Assert.Equal(
            [("arxiv_id", "VARCHAR"), ("version", "INTEGER"), ("submitted_at", "TIMESTAMP WITH TIME ZONE"), ("title", "VARCHAR"), ("abstract", "VARCHAR"), ("source", "VARCHAR")],
            ParquetReadBack.Columns(folder.File("versions.parquet")));
        Assert.Equal(
            [("author_key", "VARCHAR"), ("display_name", "VARCHAR"), ("papers", "INTEGER"), ("first_paper_date", "DATE"),
             ("last_paper_date", "DATE"), ("coauthors", "INTEGER"), ("top_categories", "VARCHAR[]")],
            ParquetReadBack.Columns(folder.File("authors.parquet")));
        Assert.Equal(
            [("arxiv_id", "VARCHAR"), ("position", "INTEGER"), ("author_key", "VARCHAR"), ("display_name", "VARCHAR")],
            ParquetReadBack.Columns(folder.File("paper_authors.parquet")));

        // A paper of the seeds as DuckDB reads it: a UTC instant, a list of display names.
        var paper = Assert.Single(ParquetReadBack.Query(
            $"SELECT strftime(published_at AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M:%S'), authors[1], len(authors) FROM read_parquet('{folder.File("papers.parquet")}') WHERE arxiv_id = '2009.14721'",
            row => ((string)row[0]!, (string)row[1]!, (long)row[2]!)));
        var (published, firstAuthor, authors) = await ExpectedAsync();
        Assert.Equal((published, firstAuthor, authors), paper);

        async Task<(string, string, long)> ExpectedAsync()
        {
            await using var command = samples.Database.DataSource.CreateCommand(
                "SELECT to_char(published_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS'), authors[1], cardinality(authors) FROM report.papers WHERE arxiv_id = '2009.14721'");
            await using var reader = await command.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            return (reader.GetString(0), reader.GetString(1), reader.GetInt32(2));
        }
    }

    [SharedSamplesFact]
    public async Task Row_groups_are_bounded_and_their_boundaries_lose_nothing()
    {
        using var folder = new ExportFolder();
        var settings = ParquetSettings.Default with { RowGroupBytes = 64 << 10 };
        await new ParquetExport(settings).WriteAsync(samples.Database.DataSource, new ExportRequest(folder.Path), CancellationToken.None);

        var groups = ParquetReadBack.RowGroups(folder.File("papers.parquet"));
        Assert.True(groups.Count > 10, $"papers.parquet has {groups.Count} row groups of at most 64 kB of fields; expected many");
        Assert.Equal(await samples.Database.CountAsync("SELECT count(*) FROM report.papers"), groups.Sum());
        await ParquetReadBack.AssertSameAsync(samples.Database.DataSource, "SELECT * FROM report.papers", folder.File("papers.parquet"));
        await ParquetReadBack.AssertSameAsync(samples.Database.DataSource, PaperAuthors, folder.File("paper_authors.parquet"));
    }

    [SharedSamplesFact]
    public async Task Since_narrows_to_the_papers_updated_at_or_after_it_with_their_versions_and_authors()
    {
        // A day that splits the samples: some papers before it, some after, some with no known update time.
        var since = new DateTimeOffset(await samples.Database.ScalarAsync<DateTime>(
            "SELECT date_trunc('day', percentile_disc(0.5) WITHIN GROUP (ORDER BY updated_at)) FROM report.papers"), TimeSpan.Zero);
        const string Selected = "SELECT arxiv_id FROM report.papers WHERE updated_at >= '{0:O}'";
        var selected = string.Format(System.Globalization.CultureInfo.InvariantCulture, Selected, since.UtcDateTime);
        Assert.InRange(
            await samples.Database.CountAsync($"SELECT count(*) FROM ({selected}) s"),
            1,
            await samples.Database.CountAsync("SELECT count(*) FROM report.papers WHERE updated_at IS NOT NULL") - 1);
        Assert.True(await samples.Database.CountAsync("SELECT count(*) FROM report.papers WHERE updated_at IS NULL") > 0, "the samples have papers without an update time");

        using var folder = new ExportFolder();
        await new ParquetExport().WriteAsync(samples.Database.DataSource, new ExportRequest(folder.Path, since), CancellationToken.None);

        var source = samples.Database.DataSource;
        await ParquetReadBack.AssertSameAsync(source, $"SELECT * FROM report.papers WHERE arxiv_id IN ({selected})", folder.File("papers.parquet"));
        await ParquetReadBack.AssertSameAsync(source, $"SELECT * FROM report.paper_versions WHERE arxiv_id IN ({selected})", folder.File("versions.parquet"));
        await ParquetReadBack.AssertSameAsync(source, $"SELECT * FROM ({PaperAuthors}) pa WHERE arxiv_id IN ({selected})", folder.File("paper_authors.parquet"));
        await ParquetReadBack.AssertSameAsync(
            source,
            $"SELECT * FROM report.authors WHERE author_key IN (SELECT author_key FROM warehouse.paper_authors WHERE arxiv_id IN ({selected}))",
            folder.File("authors.parquet"));
        Assert.Contains($"--since {since.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}", await File.ReadAllTextAsync(folder.File("README.md")), StringComparison.Ordinal);
    }

    [SharedSamplesFact]
    public async Task A_view_is_one_file_with_its_numbers_booleans_and_dates()
    {
        using var folder = new ExportFolder();
        foreach (var view in new[] { "revisions", "report.category_trends", "data_quality" })
        {
            var files = await new ParquetExport().WriteAsync(samples.Database.DataSource, new ExportRequest(folder.Path, View: view), CancellationToken.None);
            var name = view.Replace("report.", string.Empty, StringComparison.Ordinal);
            Assert.Equal(folder.File(name + ".parquet"), Assert.Single(files).Path);
            await ParquetReadBack.AssertSameAsync(samples.Database.DataSource, $"SELECT * FROM report.{name}", folder.File(name + ".parquet"));
        }

        Assert.Contains(("days_v1_to_latest", "DOUBLE"), ParquetReadBack.Columns(folder.File("revisions.parquet")));
        Assert.Contains(("title_changed", "BOOLEAN"), ParquetReadBack.Columns(folder.File("revisions.parquet")));
        Assert.Contains(("month", "DATE"), ParquetReadBack.Columns(folder.File("category_trends.parquet")));
        Assert.Contains(("value", "BIGINT"), ParquetReadBack.Columns(folder.File("data_quality.parquet")));
        var readme = await File.ReadAllTextAsync(folder.File("README.md"));
        Assert.Contains("## data_quality.parquet", readme, StringComparison.Ordinal);
        Assert.DoesNotContain("papers.parquet", readme, StringComparison.Ordinal);
    }

    [SharedSamplesFact]
    public async Task The_readme_gives_the_export_time_every_file_and_every_column_with_its_type()
    {
        using var folder = new ExportFolder();
        var before = DateTime.UtcNow.AddSeconds(-5);
        var files = await new ParquetExport().WriteAsync(samples.Database.DataSource, new ExportRequest(folder.Path), CancellationToken.None);
        var readme = await File.ReadAllTextAsync(folder.File("README.md"));

        var stamp = System.Text.RegularExpressions.Regex.Match(readme, @"taken at \*\*(?<time>[0-9T:Z-]+)\*\* \(UTC\)").Groups["time"].Value;
        var exportedAt = DateTime.Parse(stamp, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal);
        Assert.InRange(exportedAt, before, DateTime.UtcNow.AddSeconds(5));
        foreach (var file in files)
        {
            Assert.Contains($"| `{Path.GetFileName(file.Path)}` | {file.Rows:N0} |", readme, StringComparison.Ordinal);
            Assert.Contains($"## {Path.GetFileName(file.Path)}", readme, StringComparison.Ordinal);
        }

        Assert.Contains("| `authors` | `list<string>` | `text[]` | Author display names in author order", readme, StringComparison.Ordinal);
        Assert.Contains("| `published_at` | `timestamp[us, tz=UTC]` | `timestamp with time zone` |", readme, StringComparison.Ordinal);
        Assert.Contains("| `position` | `int32` | `integer` | Position in the paper's author list, from 1. |", readme, StringComparison.Ordinal);
        Assert.Contains("pd.read_parquet(\"papers.parquet\")", readme, StringComparison.Ordinal);
    }
}
