using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Advisors;
using Portal.Domain.Assignments;

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
