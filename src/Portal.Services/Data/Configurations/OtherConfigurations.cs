using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Audit;
using Portal.Domain.Forecast;
using Portal.Domain.Subcontracting;

namespace Portal.Services.Data.Configurations;

internal sealed class SubcontractorCapacityConfiguration : IEntityTypeConfiguration<SubcontractorCapacity>
{
    public void Configure(EntityTypeBuilder<SubcontractorCapacity> entity)
    {
        // Stored as the flags' number: a set of weekdays, not one name.
        entity.Property(c => c.Days).HasConversion<int>();
        entity.HasOne(c => c.Site).WithMany().HasForeignKey(c => c.SiteId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne(c => c.Region).WithMany().HasForeignKey(c => c.RegionId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne(c => c.Channel).WithMany().HasForeignKey(c => c.ChannelId).OnDelete(DeleteBehavior.Restrict);
        entity.HasIndex(c => new { c.RegionId, c.ChannelId });
        entity.HasVersion();
    }
}

internal sealed class ForecastIntervalConfiguration : IEntityTypeConfiguration<ForecastInterval>
{
    public void Configure(EntityTypeBuilder<ForecastInterval> entity)
    {
        entity.HasOne(f => f.Region).WithMany().HasForeignKey(f => f.RegionId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne(f => f.Channel).WithMany().HasForeignKey(f => f.ChannelId).OnDelete(DeleteBehavior.Restrict);
        entity.HasIndex(f => new { f.RegionId, f.ChannelId, f.StartUtc }).IsUnique();
        entity.HasIndex(f => new { f.RegionId, f.LocalDate });
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> entity)
    {
        entity.Property(a => a.UserName).HasMaxLength(256);
        entity.Property(a => a.Entity).HasMaxLength(64);
        entity.Property(a => a.EntityKey).HasMaxLength(64);
        entity.Property(a => a.Action).HasMaxLength(64);
        entity.Property(a => a.Justification).HasMaxLength(2000);
        entity.Property(a => a.IpAddress).HasMaxLength(45);
        entity.HasIndex(a => a.AtUtc);
        entity.HasIndex(a => new { a.RegionId, a.AtUtc });
        entity.HasIndex(a => new { a.Entity, a.EntityKey });
    }
}

internal sealed class PortalUserConfiguration : IEntityTypeConfiguration<PortalUser>
{
    public void Configure(EntityTypeBuilder<PortalUser> entity)
    {
        entity.Property(u => u.DisplayName).HasMaxLength(200);
        entity.Property(u => u.PreferredCulture).HasMaxLength(8);
        entity.HasOne(u => u.Region).WithMany().HasForeignKey(u => u.RegionId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne(u => u.Advisor).WithMany().HasForeignKey(u => u.AdvisorId).OnDelete(DeleteBehavior.Restrict);
        entity.HasIndex(u => u.AdvisorId).IsUnique();
    }
}
