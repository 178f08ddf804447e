using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Regions;
using Portal.Domain.Rollout;
using Portal.Domain.Sites;

namespace Portal.Services.Data.Configurations;

internal sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> entity)
    {
        entity.Property(r => r.Code).HasMaxLength(8);
        entity.Property(r => r.Name).HasMaxLength(100);
        entity.HasIndex(r => r.Code).IsUnique();
        entity.HasIndex(r => r.Wave);
        entity.HasVersion();
    }
}

internal sealed class SiteConfiguration : IEntityTypeConfiguration<Site>
{
    public void Configure(EntityTypeBuilder<Site> entity)
    {
        entity.Property(s => s.Name).HasMaxLength(100);
        entity.Property(s => s.City).HasMaxLength(100);
        entity.HasOne(s => s.Region).WithMany().HasForeignKey(s => s.RegionId).OnDelete(DeleteBehavior.Restrict);
        entity.HasIndex(s => new { s.RegionId, s.Kind });
    }
}

internal sealed class RolloutSettingsConfiguration : IEntityTypeConfiguration<RolloutSettings>
{
    public void Configure(EntityTypeBuilder<RolloutSettings> entity) => entity.HasVersion();
}
