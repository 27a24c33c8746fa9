using Microsoft.EntityFrameworkCore;

namespace Etl.Data.Schema;

/// <summary>
/// The EF Core view of the warehouse: it owns the migrations (in <c>migrations/Etl.Migrations</c>) and
/// serves small queries such as file outcomes. Bulk loading goes through Npgsql COPY and the SQL in
/// <c>sql/load</c>, never through change tracking.
/// </summary>
public sealed class WarehouseContext(DbContextOptions<WarehouseContext> options) : DbContext(options)
{
    public const string Schema = "warehouse";

    public DbSet<Digest> Digests => Set<Digest>();

    public DbSet<Rejection> Rejections => Set<Rejection>();

    public DbSet<Paper> Papers => Set<Paper>();

    public DbSet<Category> Categories => Set<Category>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(WarehouseContext).Assembly);
    }
}
