using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Etl.Data.Schema;

internal sealed class PaperConfiguration : IEntityTypeConfiguration<Paper>
{
    public void Configure(EntityTypeBuilder<Paper> builder)
    {
        builder.ToTable("papers");
        builder.HasKey(p => p.ArxivId);
        builder.Property(p => p.ArxivId).HasColumnName("arxiv_id");
        builder.Property(p => p.LatestVersion).HasColumnName("latest_version");
        builder.Property(p => p.Title).HasColumnName("title");
        builder.Property(p => p.Abstract).HasColumnName("abstract");
        builder.Property(p => p.PrimaryCategory).HasColumnName("primary_category");
        builder.Property(p => p.PublishedAt).HasColumnName("published_at");
        builder.Property(p => p.UpdatedAt).HasColumnName("updated_at");
        builder.Property(p => p.Doi).HasColumnName("doi");
        builder.Property(p => p.JournalRef).HasColumnName("journal_ref");
        builder.Property(p => p.Comment).HasColumnName("comment");
    }
}
