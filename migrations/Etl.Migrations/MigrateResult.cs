namespace Etl.Migrations;

/// <summary>What <see cref="WarehouseMigrator.MigrateAsync"/> applied.</summary>
/// <param name="Migrations">The versioned migrations, by name, in order.</param>
/// <param name="ReportScripts">The repeatable scripts (<c>sql/report/…</c>, <c>sql/roles/…</c>) applied because their text changed or their object was missing, in order.</param>
public sealed record MigrateResult(IReadOnlyList<string> Migrations, IReadOnlyList<string> ReportScripts);
