using Etl.Core.Generation;
using Etl.Data.Loading;
using Etl.Integration.Tests.Infrastructure;
using Npgsql;
using Xunit;

namespace Etl.Integration.Tests.Loading;

/// <summary>
/// A batch that touches at least a tenth of the warehouse's papers (every batch into an empty one) sets the
/// foreign keys of the tables it fills aside and adds them back before it commits (sql/load/keys_set_aside.sql):
/// the keys must come back exactly as the schema defines them, must still refuse a row that breaks them,
/// and the papers a large batch replaces must lose their old rows without the keys' cascade.
/// </summary>
public sealed class LargeBatchKeysTests : IDisposable
{
    private const string ForeignKeys = """
        SELECT string_agg(format('%s %s %s', conrelid::regclass, conname, pg_get_constraintdef(oid)), E'\n' ORDER BY conrelid::regclass::text, conname)
        FROM pg_constraint
        WHERE contype = 'f' AND connamespace IN ('warehouse'::regnamespace, 'report_store'::regnamespace)
        """;

    // An author row that never arrives (the batch's first author is skipped): only the key of paper_authors can notice.
    private const string DropOneAuthor = """
        CREATE FUNCTION public.drop_one_author() RETURNS trigger LANGUAGE plpgsql AS
        $$ BEGIN RETURN CASE WHEN NEW.author_key = (SELECT min(author_key) FROM staged_authors) THEN NULL ELSE NEW END; END $$;
        CREATE TRIGGER drop_one_author BEFORE INSERT ON warehouse.authors FOR EACH ROW EXECUTE FUNCTION public.drop_one_author();
        """;

    private readonly string _corpus = Directory.CreateTempSubdirectory("etl-keys-").FullName;

    [Fact]
    public async Task Large_batches_set_the_keys_aside_small_ones_check_rows_and_both_end_with_the_keys_of_the_schema()
    {
        const string Restored = "foreign keys restored (large batch)";
        var files = GeneratedCorpus.Write(_corpus, new GeneratorOptions { Papers = 300, Seed = 5 }).ToList();
        await using var database = await TestCluster.CreateDatabaseAsync();
        await using var reference = await TestCluster.CreateDatabaseAsync();
        var schemaKeys = await database.ScalarAsync<string>(ForeignKeys);
        Assert.Contains("evidence_digest_fkey", schemaKeys, StringComparison.Ordinal);
        Assert.Contains("paper_authors_author_key_fkey", schemaKeys, StringComparison.Ordinal);

        // Into the empty warehouse, then a batch of the rest (new versions of papers it holds among them):
        // both large, so both set the keys aside; the second replaces papers without their cascade.
        var half = files.Count / 2;
        Assert.Contains(Restored, (await database.LoadAsync([.. files.Take(half)])).Timings.Keys);
        var later = files.Skip(half).ToList();
        var small = later[^1];
        Assert.Contains(Restored, (await database.LoadAsync(later[..^1])).Timings.Keys);
        Assert.Equal(schemaKeys, await database.ScalarAsync<string>(ForeignKeys));

        // One file among hundreds of papers: checked row by row, keys in place.
        Assert.DoesNotContain(Restored, (await database.LoadAsync([small])).Timings.Keys);
        Assert.Equal(schemaKeys, await database.ScalarAsync<string>(ForeignKeys));

        // The same files loaded with the keys in place all along give the same warehouse.
        await reference.LoadAsync(files, new LoaderOptions { SetKeysAside = false });
        Assert.Equal(await reference.DumpAsync(), await database.DumpAsync());
    }

    [Fact]
    public async Task A_row_that_breaks_a_key_set_aside_fails_the_batch_and_leaves_the_keys()
    {
        var files = GeneratedCorpus.Write(_corpus, new GeneratorOptions { Papers = 40, Seed = 6 });
        await using var database = await TestCluster.CreateDatabaseAsync();
        var schemaKeys = await database.ScalarAsync<string>(ForeignKeys);

        await database.ExecuteAsync(DropOneAuthor);

        var refused = await Assert.ThrowsAsync<PostgresException>(() => database.LoadAsync(files));

        Assert.Equal(PostgresErrorCodes.ForeignKeyViolation, refused.SqlState);
        Assert.Equal("paper_authors_author_key_fkey", refused.ConstraintName);
        Assert.Contains("ADD CONSTRAINT", refused.Where, StringComparison.Ordinal); // found by the key's return, not by a row's check
        Assert.Equal(0, await database.CountAsync("SELECT count(*) FROM warehouse.digests"));
        Assert.Equal(schemaKeys, await database.ScalarAsync<string>(ForeignKeys));

        // Without the fault the same files load, and the keys are the schema's.
        await database.ExecuteAsync("DROP TRIGGER drop_one_author ON warehouse.authors");
        await database.LoadAsync(files);
        Assert.Equal(await database.CountAsync("SELECT count(DISTINCT arxiv_id) FROM warehouse.evidence"), await database.CountAsync("SELECT count(*) FROM warehouse.papers"));
        Assert.Equal(schemaKeys, await database.ScalarAsync<string>(ForeignKeys));
    }

    [Fact]
    public async Task A_session_using_the_tables_is_not_waited_for_the_batch_checks_its_rows_instead()
    {
        var files = GeneratedCorpus.Write(_corpus, new GeneratorOptions { Papers = 40, Seed = 7 });
        await using var database = await TestCluster.CreateDatabaseAsync();
        var schemaKeys = await database.ScalarAsync<string>(ForeignKeys);
        await database.ExecuteAsync(DropOneAuthor);

        // A dashboard's open transaction that has read the (empty) papers.
        await using var reader = await database.DataSource.OpenConnectionAsync();
        await using var reading = await reader.BeginTransactionAsync();
        await using (var read = new NpgsqlCommand("SELECT count(*) FROM warehouse.papers", reader, reading))
        {
            await read.ExecuteScalarAsync();
        }

        var refused = await Assert.ThrowsAsync<PostgresException>(() => database.LoadAsync(files));

        Assert.Equal("paper_authors_author_key_fkey", refused.ConstraintName);
        Assert.DoesNotContain("ADD CONSTRAINT", refused.Where ?? string.Empty, StringComparison.Ordinal); // a row's check, keys in place
        await reading.RollbackAsync();
        Assert.Equal(schemaKeys, await database.ScalarAsync<string>(ForeignKeys));
    }

    public void Dispose() => Directory.Delete(_corpus, recursive: true);
}
