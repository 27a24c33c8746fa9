using Etl.Data;
using Npgsql;

namespace Etl.Migrations;

/// <summary>
/// Applies the repeatable scripts after the versioned migrations, as Flyway's repeatable migrations are:
/// <c>sql/report</c> holds exactly one current definition per view and function of schema <c>report</c>
/// (each file named after its object), and <c>sql/roles/etl_reader.sql</c> the reader's access. A script
/// runs again when its text changed (its SHA-256 differs from the one recorded in
/// <c>warehouse.report_scripts</c>) or its object is missing (a migration dropped it, or a drop cascaded
/// to it); a recorded report script whose file is gone has its object dropped.
/// </summary>
/// <remarks>
/// Everything happens in one transaction, under the migration lock <see cref="WarehouseMigrator"/> holds, so
/// several processes may migrate at once: the second waits, then finds the record current and does
/// nothing; a failure leaves the previous definitions and record. A view is replaced in place (<c>CREATE OR REPLACE</c>) and dropped first only
/// when PostgreSQL refuses that (its columns changed other than by adding at the end); a function is
/// dropped first (every overload of its name), so a changed argument list cannot leave the old one
/// behind. A drop cascades only to objects of these scripts, which are then created again; a view of
/// anyone else's that depends on the object stops it, with a message naming it.
/// </remarks>
public static partial class ReportScripts
{
    private const string ReportFolder = "sql/report/";

    /// <summary>The reader's access: applied after the report scripts whenever one of them was, or its own text changed.</summary>
    public const string ReaderScript = "sql/roles/etl_reader.sql";

    /// <summary>The report scripts embedded in this assembly, in the order they are applied.</summary>
    public static IReadOnlyList<RepeatableScript> All { get; } = ScriptOrder.Sort(
        typeof(ReportScripts).Assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(ReportFolder, StringComparison.Ordinal))
            .Select(name => new RepeatableScript(name, EmbeddedSql.Read(typeof(ReportScripts).Assembly, name)))
            .Select(script => ObjectName().IsMatch(script.Name) ? script : throw new InvalidOperationException(
                $"{script.Path}: a report script is named after its object, a lowercase SQL identifier (letters, digits, _); rename the file")));

    private static RepeatableScript Reader { get; } = new(ReaderScript, EmbeddedSql.Read(typeof(ReportScripts).Assembly, ReaderScript));

    /// <summary>Applies what changed since the last run, in one transaction.</summary>
    /// <param name="connection">An open connection whose session holds the migration lock (<see cref="WarehouseMigrator"/>).</param>
    /// <param name="cancellationToken">Cancels the run; nothing of it is committed then.</param>
    /// <returns>The paths of the scripts applied (and <c>dropped report.x</c> for objects whose script is gone), in order.</returns>
    internal static async Task<IReadOnlyList<string>> ApplyAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var state = await ReadStateAsync(connection, cancellationToken).ConfigureAwait(false);
        if (!state.HasWork())
        {
            return [];
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var applied = new List<string>();
        var recorded = state.Recorded;
        foreach (var script in All)
        {
            // Read again for each script: dropping an earlier one may have cascaded to this one's object.
            if (recorded.TryGetValue(script.Path, out var checksum) && checksum.AsSpan().SequenceEqual(script.Checksum)
                && await KindAsync(connection, script.Name, cancellationToken).ConfigureAwait(false) is not null)
            {
                continue;
            }

            await ApplyAsync(connection, script, cancellationToken).ConfigureAwait(false);
            await RecordAsync(connection, script, cancellationToken).ConfigureAwait(false);
            applied.Add(script.Path);
        }

        foreach (var gone in recorded.Keys.Where(path => path.StartsWith(ReportFolder, StringComparison.Ordinal) && All.All(script => script.Path != path)))
        {
            var name = Path.GetFileNameWithoutExtension(gone);
            if (await KindAsync(connection, name, cancellationToken).ConfigureAwait(false) is { } kind)
            {
                await DropAsync(connection, name, kind, gone, cancellationToken).ConfigureAwait(false);
            }

            await ExecuteAsync(connection, "DELETE FROM warehouse.report_scripts WHERE script = @script", cancellationToken, ("script", gone)).ConfigureAwait(false);
            applied.Add($"dropped report.{name} ({gone} is gone)");
        }

        if (applied.Count > 0 || !recorded.TryGetValue(Reader.Path, out var reader) || !reader.AsSpan().SequenceEqual(Reader.Checksum)
            || await ReaderLacksAccessAsync(connection, cancellationToken).ConfigureAwait(false))
        {
            await ExecuteAsync(connection, Reader.Sql, cancellationToken).ConfigureAwait(false);
            await RecordAsync(connection, Reader, cancellationToken).ConfigureAwait(false);
            applied.Add(Reader.Path);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return applied;
    }

    private sealed record State(Dictionary<string, byte[]> Recorded, HashSet<string> Existing, bool ReaderLacksAccess)
    {
        public bool HasWork() =>
            ReaderLacksAccess
            || !Recorded.TryGetValue(Reader.Path, out var reader) || !reader.AsSpan().SequenceEqual(Reader.Checksum)
            || All.Any(script => !Existing.Contains(script.Name) || !Recorded.TryGetValue(script.Path, out var checksum) || !checksum.AsSpan().SequenceEqual(script.Checksum))
            || Recorded.Keys.Any(path => path.StartsWith(ReportFolder, StringComparison.Ordinal) && All.All(script => script.Path != path));
    }

    private static async Task<State> ReadStateAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var recorded = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        await using (var read = new NpgsqlCommand("SELECT script, sha256 FROM warehouse.report_scripts", connection))
        await using (var rows = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await rows.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                recorded[rows.GetString(0)] = rows.GetFieldValue<byte[]>(1);
            }
        }

        var existing = new HashSet<string>(StringComparer.Ordinal);
        await using (var read = new NpgsqlCommand(
            """
            SELECT relname::text FROM pg_class WHERE relnamespace = 'report'::regnamespace AND relkind = 'v'
            UNION SELECT proname::text FROM pg_proc WHERE pronamespace = 'report'::regnamespace
            """,
            connection))
        await using (var rows = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await rows.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                existing.Add(rows.GetString(0));
            }
        }

        return new State(recorded, existing, await ReaderLacksAccessAsync(connection, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>The role exists (an administrator may have created it since) but cannot use schema report yet.</summary>
    private static async Task<bool> ReaderLacksAccessAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var check = new NpgsqlCommand(
            "SELECT EXISTS (SELECT FROM pg_roles WHERE rolname = 'etl_reader') AND NOT has_schema_privilege('etl_reader', 'report', 'USAGE')", connection);
        return (bool)(await check.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>'v' for a view, 'f' for a function (or procedure), null when schema report has no object of that name.</summary>
    private static async Task<char?> KindAsync(NpgsqlConnection connection, string name, CancellationToken cancellationToken)
    {
        await using var read = new NpgsqlCommand(
            """
            SELECT 'v' FROM pg_class WHERE relnamespace = 'report'::regnamespace AND relname = @name AND relkind = 'v'
            UNION ALL
            SELECT 'f' FROM pg_proc WHERE pronamespace = 'report'::regnamespace AND proname = @name
            LIMIT 1
            """,
            connection);
        read.Parameters.AddWithValue("name", name);
        return await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string kind ? kind[0] : null;
    }

    private static async Task ApplyAsync(NpgsqlConnection connection, RepeatableScript script, CancellationToken cancellationToken)
    {
        var kind = await KindAsync(connection, script.Name, cancellationToken).ConfigureAwait(false);
        if (kind == 'f')
        {
            await DropAsync(connection, script.Name, 'f', script.Path, cancellationToken).ConfigureAwait(false);
        }

        await ExecuteAsync(connection, "SAVEPOINT report_script", cancellationToken).ConfigureAwait(false);
        try
        {
            await ExecuteAsync(connection, script.Sql, cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException error) when (kind == 'v' && error.SqlState is PostgresErrorCodes.InvalidTableDefinition or PostgresErrorCodes.DatatypeMismatch)
        {
            // "cannot drop columns from view", "cannot change name of view column", "… data type of view column".
            await ExecuteAsync(connection, "ROLLBACK TO SAVEPOINT report_script", cancellationToken).ConfigureAwait(false);
            await DropAsync(connection, script.Name, 'v', script.Path, cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, script.Sql, cancellationToken).ConfigureAwait(false);
        }

        await ExecuteAsync(connection, "RELEASE SAVEPOINT report_script", cancellationToken).ConfigureAwait(false);
        if (await KindAsync(connection, script.Name, cancellationToken).ConfigureAwait(false) is null)
        {
            throw new InvalidOperationException(
                $"{script.Path} ran but schema report has no view or function named {script.Name}: each file of sql/report defines the object it is named after; rename the file or the object");
        }
    }

    /// <summary>Drops the object (every overload of a function), after checking that only our own objects depend on it.</summary>
    private static async Task DropAsync(NpgsqlConnection connection, string name, char kind, string why, CancellationToken cancellationToken)
    {
        var dependents = new List<string>();
        await using (var read = new NpgsqlCommand(
            """
            WITH RECURSIVE target AS (
                SELECT oid FROM pg_class WHERE relnamespace = 'report'::regnamespace AND relname = @name AND relkind = 'v'
                UNION ALL
                SELECT oid FROM pg_proc WHERE pronamespace = 'report'::regnamespace AND proname = @name
            ),
            dependent (oid) AS (
                -- views (through their rewrite rule) that use the object, then views that use those
                SELECT r.ev_class FROM pg_depend d JOIN pg_rewrite r ON r.oid = d.objid
                WHERE d.classid = 'pg_rewrite'::regclass AND d.refobjid IN (SELECT oid FROM target) AND r.ev_class NOT IN (SELECT oid FROM target)
                UNION
                SELECT r.ev_class FROM dependent x JOIN pg_depend d ON d.refobjid = x.oid JOIN pg_rewrite r ON r.oid = d.objid
                WHERE d.classid = 'pg_rewrite'::regclass AND r.ev_class <> x.oid
            )
            SELECT n.nspname::text, c.relname::text FROM dependent JOIN pg_class c ON c.oid = dependent.oid JOIN pg_namespace n ON n.oid = c.relnamespace
            """,
            connection))
        {
            read.Parameters.AddWithValue("name", name);
            await using var rows = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await rows.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                if (rows.GetString(0) != "report" || All.All(script => script.Name != rows.GetString(1)))
                {
                    dependents.Add($"{rows.GetString(0)}.{rows.GetString(1)}");
                }
            }
        }

        if (dependents.Count > 0)
        {
            throw new InvalidOperationException(
                $"{why} needs report.{name} dropped and created again, and {string.Join(", ", dependents)} depend{(dependents.Count == 1 ? "s" : string.Empty)} on it but {(dependents.Count == 1 ? "is" : "are")} not defined in sql/report: "
                + "drop them, run etl migrate, then create them again");
        }

        var drop = kind == 'v'
            ? $"DROP VIEW report.\"{name}\" CASCADE"
            : $"DO $$ DECLARE f regprocedure; BEGIN FOR f IN SELECT oid FROM pg_proc WHERE pronamespace = 'report'::regnamespace AND proname = '{name}' LOOP EXECUTE format('DROP FUNCTION %s CASCADE', f); END LOOP; END $$";
        await ExecuteAsync(connection, drop, cancellationToken).ConfigureAwait(false);
    }

    private static async Task RecordAsync(NpgsqlConnection connection, RepeatableScript script, CancellationToken cancellationToken) =>
        await ExecuteAsync(
            connection,
            """
            INSERT INTO warehouse.report_scripts (script, sha256) VALUES (@script, @sha256)
            ON CONFLICT (script) DO UPDATE SET sha256 = excluded.sha256, applied_at = now()
            """,
            cancellationToken,
            ("script", script.Path),
            ("sha256", script.Checksum)).ConfigureAwait(false);

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    // File names become object names in DROP statements: only plain lowercase identifiers, never quoted text.
    [System.Text.RegularExpressions.GeneratedRegex("^[a-z_][a-z0-9_]*$")]
    private static partial System.Text.RegularExpressions.Regex ObjectName();
}
