using Etl.Data.Schema;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Etl.Migrations.Migrations;

/// <summary>
/// Issue 23: the keys a load checks row by row (<c>sql/schema/014_load_keys.sql</c>): an evidence row's
/// digest and format are one composite key into <c>warehouse.digests</c>, and <c>compact_versions</c>
/// loses the key to the papers that only cascaded deletes the loader now makes itself.
/// </summary>
[DbContext(typeof(WarehouseContext))]
[Migration("20261206120000_LoadKeys")]
public sealed class LoadKeys() : SchemaFileMigration(
    "sql/schema/014_load_keys.sql",
    """
        DELETE FROM warehouse.compact_versions c WHERE NOT EXISTS (SELECT 1 FROM warehouse.papers p WHERE p.arxiv_id = c.arxiv_id);
        ALTER TABLE warehouse.compact_versions
            ADD CONSTRAINT compact_versions_arxiv_id_fkey FOREIGN KEY (arxiv_id) REFERENCES warehouse.papers ON DELETE CASCADE;
        ALTER TABLE warehouse.evidence
            DROP CONSTRAINT evidence_digest_fkey,
            ADD CONSTRAINT evidence_digest_id_fkey FOREIGN KEY (digest_id) REFERENCES warehouse.digests DEFERRABLE INITIALLY DEFERRED,
            ADD CONSTRAINT evidence_format_fkey FOREIGN KEY (format) REFERENCES warehouse.source_formats;
        ALTER TABLE warehouse.digests DROP CONSTRAINT digests_digest_id_format_key;
        """);
