using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Etl.Data.Schema;

internal sealed class DigestConfiguration : IEntityTypeConfiguration<Digest>
{
    public void Configure(EntityTypeBuilder<Digest> builder)
    {
        builder.ToTable("digests");
        builder.HasKey(d => d.DigestId);
        builder.Property(d => d.DigestId).HasColumnName("digest_id");
        builder.Property(d => d.Sha256).HasColumnName("sha256");
        builder.HasIndex(d => d.Sha256).IsUnique();
        builder.Property(d => d.Path).HasColumnName("path");
        builder.Property(d => d.Bytes).HasColumnName("bytes");
        builder.Property(d => d.Format).HasColumnName("format");
        builder.Property(d => d.Category).HasColumnName("category");
        builder.Property(d => d.DigestDate).HasColumnName("digest_date");
        builder.Property(d => d.Entries).HasColumnName("entries");
        builder.Property(d => d.RejectedEntries).HasColumnName("rejected_entries");
        builder.Property(d => d.Outcome).HasColumnName("outcome");
        builder.Property(d => d.LoadedAt).HasColumnName("loaded_at");
        builder.HasMany<Rejection>().WithOne().HasForeignKey(r => r.DigestId);
    }
}
