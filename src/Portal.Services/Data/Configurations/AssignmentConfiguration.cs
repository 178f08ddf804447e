using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Advisors;
using Portal.Domain.Assignments;
using Portal.Domain.Regions;

namespace Portal.Services.Data.Configurations;

internal sealed class ShiftConfiguration : IEntityTypeConfiguration<Shift>
{
    public void Configure(EntityTypeBuilder<Shift> entity)
    {
        entity.HasOne(s => s.Advisor).WithMany().HasForeignKey(s => s.AdvisorId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne(s => s.Channel).WithMany().HasForeignKey(s => s.ChannelId).OnDelete(DeleteBehavior.Restrict);
        entity.HasIndex(s => new { s.AdvisorId, s.Date });
        entity.HasIndex(s => new { s.Date, s.ChannelId });
        entity.Ignore(s => s.EndsNextDay);
        entity.Ignore(s => s.Break);
        entity.HasVersion();
    }
}

internal sealed class AbsenceConfiguration : IEntityTypeConfiguration<Absence>
{
    public void Configure(EntityTypeBuilder<Absence> entity)
    {
        entity.HasOne<Advisor>().WithMany().HasForeignKey(a => a.AdvisorId).OnDelete(DeleteBehavior.Restrict);
        entity.HasIndex(a => new { a.AdvisorId, a.FirstDay });
    }
}

internal sealed class PublishedWeekConfiguration : IEntityTypeConfiguration<PublishedWeek>
{
    public void Configure(EntityTypeBuilder<PublishedWeek> entity)
    {
        entity.HasOne<Region>().WithMany().HasForeignKey(w => w.RegionId).OnDelete(DeleteBehavior.Restrict);
        entity.HasIndex(w => new { w.RegionId, w.Monday }).IsUnique();
        entity.Property(w => w.PublishedBy).HasMaxLength(256);
    }
}

internal sealed class AdvisorCalendarConfiguration : IEntityTypeConfiguration<AdvisorCalendar>
{
    public void Configure(EntityTypeBuilder<AdvisorCalendar> entity)
    {
        entity.HasKey(c => c.AdvisorId);
        entity.Property(c => c.AdvisorId).ValueGeneratedNever();
        entity.HasOne<Advisor>().WithMany().HasForeignKey(c => c.AdvisorId).OnDelete(DeleteBehavior.Cascade);
        entity.Property(c => c.TokenHash).HasMaxLength(64);
        entity.HasIndex(c => c.TokenHash).IsUnique();
    }
}
