using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Etl.Data.Schema;

internal sealed class RejectionConfiguration : IEntityTypeConfiguration<Rejection>
{
    public void Configure(EntityTypeBuilder<Rejection> builder)
    {
        builder.ToTable("rejections");
        builder.HasKey(r => new { r.DigestId, r.Line });
        builder.Property(r => r.DigestId).HasColumnName("digest_id");
        builder.Property(r => r.Line).HasColumnName("line");
        builder.Property(r => r.Reason).HasColumnName("reason");
    }
}
