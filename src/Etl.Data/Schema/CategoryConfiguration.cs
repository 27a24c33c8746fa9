using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Etl.Data.Schema;

internal sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> builder)
    {
        builder.ToTable("categories");
        builder.HasKey(c => c.Code);
        builder.Property(c => c.Code).HasColumnName("code");
        builder.Property(c => c.Name).HasColumnName("name");
    }
}
