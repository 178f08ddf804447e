using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Advisors;
using Portal.Domain.Training;

namespace Portal.Services.Data.Configurations;

internal sealed class CourseConfiguration : IEntityTypeConfiguration<Course>
{
    public void Configure(EntityTypeBuilder<Course> entity)
    {
        entity.Property(c => c.Code).HasMaxLength(32);
        entity.Property(c => c.Title).HasMaxLength(200);
        entity.HasIndex(c => c.Code).IsUnique();
        entity.HasMany(c => c.GrantedSkills).WithOne().HasForeignKey(s => s.CourseId).OnDelete(DeleteBehavior.Cascade);
        entity.ToTable(t => t.HasCheckConstraint("CK_Courses_Days", "Days BETWEEN 1 AND 10"));
        entity.HasVersion();
    }
}

internal sealed class CourseSkillConfiguration : IEntityTypeConfiguration<CourseSkill>
{
    public void Configure(EntityTypeBuilder<CourseSkill> entity)
    {
        entity.HasKey(s => new { s.CourseId, s.SkillId });
        entity.Property(s => s.Level).HasConversion<int>();
        entity.HasOne(s => s.Skill).WithMany().HasForeignKey(s => s.SkillId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TrainingSessionConfiguration : IEntityTypeConfiguration<TrainingSession>
{
    public void Configure(EntityTypeBuilder<TrainingSession> entity)
    {
        entity.Property(s => s.Trainer).HasMaxLength(200);
        entity.HasOne(s => s.Course).WithMany().HasForeignKey(s => s.CourseId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne(s => s.Region).WithMany().HasForeignKey(s => s.RegionId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne(s => s.Site).WithMany().HasForeignKey(s => s.SiteId).OnDelete(DeleteBehavior.Restrict);
        entity.HasMany(s => s.Days).WithOne().HasForeignKey(d => d.SessionId).OnDelete(DeleteBehavior.Cascade);
        entity.HasMany(s => s.Enrolments).WithOne(e => e.Session).HasForeignKey(e => e.SessionId).OnDelete(DeleteBehavior.Cascade);
        entity.HasIndex(s => new { s.RegionId, s.CourseId });
        entity.Ignore(s => s.FirstDay);
        entity.Ignore(s => s.LastDay);
        entity.HasVersion();
    }
}

internal sealed class SessionDayConfiguration : IEntityTypeConfiguration<SessionDay>
{
    public void Configure(EntityTypeBuilder<SessionDay> entity)
    {
        entity.HasIndex(d => new { d.SessionId, d.Date }).IsUnique();
        entity.HasIndex(d => d.Date);
    }
}

internal sealed class EnrolmentConfiguration : IEntityTypeConfiguration<Enrolment>
{
    public void Configure(EntityTypeBuilder<Enrolment> entity)
    {
        entity.HasIndex(e => new { e.SessionId, e.AdvisorId }).IsUnique();
        entity.HasIndex(e => new { e.AdvisorId, e.Status });
        entity.HasOne<Advisor>().WithMany().HasForeignKey(e => e.AdvisorId).OnDelete(DeleteBehavior.Restrict);
        entity.HasMany(e => e.Attendance).WithOne().HasForeignKey(a => a.EnrolmentId).OnDelete(DeleteBehavior.Cascade);
        entity.HasVersion();
    }
}

internal sealed class AttendanceConfiguration : IEntityTypeConfiguration<Attendance>
{
    public void Configure(EntityTypeBuilder<Attendance> entity)
    {
        entity.HasKey(a => new { a.EnrolmentId, a.SessionDayId });
        // Cascade already comes from the enrolment; a second cascade path is refused by SQL Server.
        entity.HasOne<SessionDay>().WithMany().HasForeignKey(a => a.SessionDayId).OnDelete(DeleteBehavior.Restrict);
    }
}
