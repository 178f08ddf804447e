using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Advisors;
using Portal.Domain.Skills;
using Portal.Domain.Training;

namespace Portal.Services.Data.Configurations;

internal sealed class AdvisorConfiguration : IEntityTypeConfiguration<Advisor>
{
    public void Configure(EntityTypeBuilder<Advisor> entity)
    {
        entity.Property(a => a.EmployeeNumber).HasMaxLength(16);
        entity.Property(a => a.FirstName).HasMaxLength(100);
        entity.Property(a => a.LastName).HasMaxLength(100);
        entity.Property(a => a.Team).HasMaxLength(Advisor.TeamMaxLength);
        entity.HasIndex(a => a.EmployeeNumber).IsUnique();
        entity.HasIndex(a => new { a.SiteId, a.Active });
        entity.HasIndex(a => new { a.LastName, a.FirstName });
        entity.HasIndex(a => new { a.SiteId, a.Team });
        entity.HasOne(a => a.Site).WithMany().HasForeignKey(a => a.SiteId).OnDelete(DeleteBehavior.Restrict);
        entity.HasMany(a => a.Skills).WithOne().HasForeignKey(s => s.AdvisorId).OnDelete(DeleteBehavior.Cascade);
        entity.Ignore(a => a.FullName);
        entity.HasVersion();
    }
}

internal sealed class AdvisorSkillConfiguration : IEntityTypeConfiguration<AdvisorSkill>
{
    public void Configure(EntityTypeBuilder<AdvisorSkill> entity)
    {
        entity.HasKey(s => new { s.AdvisorId, s.SkillId });
        // Levels are an ordered scale compared in queries (level 2 or more): stored as numbers, not names.
        entity.Property(s => s.Level).HasConversion<int>();
        entity.HasIndex(s => new { s.SkillId, s.Level });
        entity.Property(s => s.SetBy).HasMaxLength(256);
        entity.HasOne(s => s.Skill).WithMany().HasForeignKey(s => s.SkillId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne<Course>().WithMany().HasForeignKey(s => s.CourseId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SkillConfiguration : IEntityTypeConfiguration<Skill>
{
    public void Configure(EntityTypeBuilder<Skill> entity)
    {
        entity.Property(s => s.Code).HasMaxLength(32);
        entity.Property(s => s.Name).HasMaxLength(100);
        entity.HasIndex(s => s.Code).IsUnique();
    }
}
